import { CURRENT_TERMS_VERSION } from '@t3p/contracts';
import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';
import { seedDemo, Session, signInAgent, signInDriver } from '../auth/auth-test-kit';
import { startTestApp, TestApp } from '../testing/test-app';
import { as, insertApplication } from './lifecycle-test-kit';

/** Sends a raw body with its exact length (fetch would re-encode a FormData). */
function rawPut(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: 'PUT', headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Faults of the driver's upload through the real API and database (issue 12, items 2 and 3). */
describe('driver upload: malformed bodies and races with a closing request', () => {
  let test: TestApp;
  let driver: Session;
  let requestId: string;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    await seedDemo(test);
    const nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    const application = await insertApplication(test, { departement: '59', cardType: 'VTC' });
    const created = await as(test, nord)(`/api/agent/applications/${application.applicationId}/requests`, {
      json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
    });
    requestId = (await created.json()).id;
    const [{ reference }] = await test.app.get(DataSource).query(
      `SELECT access_ref AS reference FROM image_request WHERE id = ${test.database.settings.DATABASE_URL ? '$1' : '?'}`,
      [requestId],
    );
    driver = await signInDriver(test, { ...application, reference, departement: '59' });
    expect((await as(test, driver)('/api/driver/request/terms', { json: { termsVersion: CURRENT_TERMS_VERSION } })).status).toBe(204);
  });
  afterAll(() => test.close());

  it('answers a multipart body cut before its closing boundary with 400 BAD_MULTIPART, every time', async () => {
    const body = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc');
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const answer = await rawPut(
        `${test.url}/api/driver/request/images/photo`,
        { cookie: driver.cookie, 'x-csrf-token': driver.csrfToken, 'content-type': 'multipart/form-data; boundary=xyz' },
        body,
      );
      expect(answer).toMatchObject({ status: 400, body: { code: 'BAD_MULTIPART', message: 'Le contenu multipart envoyé est mal formé.' } });
    }
  });
});
