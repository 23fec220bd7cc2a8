import { createApiClient, isImageRefusal, ok, type T3pApi } from '@t3p/api-client';
import { DemoDataService } from '../demo/demo-data.service';
import { demoImages } from '../demo/demo-images';
import { startTestApp, type TestApp } from '../testing/test-app';

/**
 * The contract test: a consumer of docs/openapi.json drives the real API through the generated
 * client only (@t3p/api-client), as another system would: no hand-written URL, body or type.
 * The set-up seeds the demo data; everything after it goes through the client.
 */

/** A consumer with its own cookie jar (Node's fetch keeps none), so each one is its own session. */
function consumer(test: TestApp): T3pApi {
  let cookie = '';
  const { api } = createApiClient({
    baseUrl: test.url,
    fetch: async (request) => {
      if (cookie) request.headers.set('cookie', cookie);
      const response = await fetch(request);
      const set = response.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0] ?? '';
      return response;
    },
  });
  return api;
}

/** The text of the newest email to `to` of the given kind, read from the development mailbox. */
async function newestEmail(
  api: T3pApi,
  to: string,
  kind: 'SIGN_IN_LINK' | 'IMAGE_REQUEST',
): Promise<string> {
  const list = await ok(api.GET('/api/dev/mailbox', { params: { query: { limit: 200 } } }));
  const summary = list.find((email) => email.to === to && email.kind === kind);
  if (!summary) throw new Error(`No ${kind} email to ${to}`);
  const email = await ok(
    api.GET('/api/dev/mailbox/{id}', { params: { path: { id: summary.id } } }),
  );
  return email.text;
}

const match = (text: string, pattern: RegExp) => {
  const found = pattern.exec(text)?.[1];
  if (!found) throw new Error(`Nothing matches ${pattern} in the email`);
  return found;
};

describe('the API contract, through the generated client', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
    await test.app.get(DemoDataService).seedIfEmpty();
  });
  afterAll(() => test.close());

  it('an agent asks for a photo, the driver uploads a wrong file then a right one and submits, the agent validates', async () => {
    const agentEmail = 'agent.nord@demo.t3p.example';
    const agent = consumer(test);
    const mailbox = consumer(test);

    // The agent signs in with the link of the sign-in email.
    const sent = await ok(
      agent.POST('/api/auth/agent/sign-in-links', { body: { email: agentEmail } }),
    );
    expect(sent.validityMinutes).toBeGreaterThan(0);
    const agentToken = match(
      await newestEmail(mailbox, agentEmail, 'SIGN_IN_LINK'),
      /\/connexion\/lien\/([A-Za-z0-9._-]+)/,
    );
    expect((await ok(agent.POST('/api/auth/sign-in', { body: { token: agentToken } }))).role).toBe(
      'AGENT',
    );
    expect((await ok(agent.GET('/api/me'))).prefecture?.departement).toBe('59');

    // The agent finds the application (filed, no image request yet) and asks for a new photo.
    const found = await ok(
      agent.GET('/api/agent/dashboard/applications', { params: { query: { q: 'Sarah Petit' } } }),
    );
    const application = found.items[0];
    if (!application) throw new Error('Application not found');
    expect(application.openRequestState).toBeNull();
    const created = await ok(
      agent.POST('/api/agent/applications/{id}/requests', {
        params: { path: { id: application.id } },
        body: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
      }),
    );
    expect(created.state).toBe('PENDING');

    // Asking twice is a 409 with the one error format.
    const again = await agent.POST('/api/agent/applications/{id}/requests', {
      params: { path: { id: application.id } },
      body: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('REQUEST_ALREADY_OPEN');

    // The driver follows the request email's link, gets a sign-in link and signs in.
    const driverEmail = 'sarah.petit@demo.t3p.example';
    const driver = consumer(test);
    const reference = match(
      await newestEmail(mailbox, driverEmail, 'IMAGE_REQUEST'),
      /\/connexion\/(?!lien\/)([A-Za-z0-9_-]+)/,
    );
    expect(
      (await ok(driver.POST('/api/auth/driver/sign-in-links', { body: { reference } }))).sentTo,
    ).not.toBeNull();
    const driverToken = match(
      await newestEmail(mailbox, driverEmail, 'SIGN_IN_LINK'),
      /\/connexion\/lien\/([A-Za-z0-9._-]+)/,
    );
    expect(
      (await ok(driver.POST('/api/auth/sign-in', { body: { token: driverToken } }))).role,
    ).toBe('DRIVER');

    const request = await ok(driver.GET('/api/driver/request'));
    expect(request.pieces).toEqual(['PHOTO']);
    await ok(
      driver.POST('/api/driver/request/terms', {
        body: { termsVersion: request.currentTermsVersion },
      }),
    );

    const upload = (file: Blob) =>
      driver.PUT('/api/driver/request/images/{piece}', {
        params: { path: { piece: 'photo' } },
        body: { file },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('file', body.file, 'photo.jpg');
          return form;
        },
      });

    // A file that breaks the rules: 422 and the verdict, nothing kept.
    const refused = await upload(new Blob([Buffer.from('not a photo')], { type: 'image/jpeg' }));
    expect(refused.response.status).toBe(422);
    expect(isImageRefusal(refused.error)).toBe(true);
    if (!isImageRefusal(refused.error)) return;
    expect(refused.error.verdict.valid).toBe(false);
    expect(refused.error.verdict.errors.length).toBeGreaterThan(0);

    // A compliant photo: 201 and the image kept as a draft; then « Valider ».
    const { photo } = await demoImages();
    const kept = await upload(new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }));
    expect(kept.response.status).toBe(201);
    expect(kept.data?.piece).toBe('PHOTO');
    expect((await ok(driver.POST('/api/driver/request/submit'))).state).toBe('SUBMITTED');

    // The agent reviews it and validates the photo.
    const reviewable = await ok(
      agent.GET('/api/agent/requests/{id}', { params: { path: { id: created.id } } }),
    );
    expect(reviewable.images.map((image) => image.piece)).toEqual(['PHOTO']);
    const decided = await ok(
      agent.POST('/api/agent/requests/{id}/review', {
        params: { path: { id: created.id } },
        body: { decisions: [{ piece: 'PHOTO', outcome: 'VALIDATED' }] },
      }),
    );
    expect(decided.request.state).toBe('VALIDATED');
    expect(decided.followUp).toBeNull();

    // Signed out, the session is over: the client sees the 401 in the one ApiError format.
    await ok(agent.POST('/api/auth/sign-out'));
    const after = await agent.GET('/api/me');
    expect(after.response.status).toBe(401);
    expect(after.error?.code).toBe('UNAUTHENTICATED');
  });
});
