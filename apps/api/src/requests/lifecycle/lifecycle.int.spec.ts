import { IMAGE_REQUEST_SUBJECT_START } from '@t3p/contracts';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import {
  deliverDue,
  DemoDriverRow,
  seedDemo,
  Session,
  signInAgent,
  signInDriver,
} from '../../auth/auth-test-kit';
import { ImageRequestEntity, StoredImageEntity } from '../../database/entities';
import { startTestApp, TestApp } from '../../testing/test-app';
import {
  as,
  fileForm,
  insertApplication,
  mailsTo,
  restartableSmtp,
  validPhoto,
  validSignature,
} from '../lifecycle-test-kit';

/** The agent's and the driver's transitions through the real API, database and SMTP server. */
describe('image-request lifecycle through HTTP (agent and driver)', () => {
  let smtp: Awaited<ReturnType<typeof restartableSmtp>>;
  let test: TestApp;
  let nord: Session;
  let pdc: Session;
  let application: Awaited<ReturnType<typeof insertApplication>>;
  let requestId: string;
  let driver: Session;

  beforeAll(async () => {
    smtp = await restartableSmtp();
    test = await startTestApp({
      SMTP_URL: smtp.url,
      SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000',
      PAYMENT_PORTAL_URL: 'https://paiement.test.example/cartes-t3p',
    });
    test.clock.set(new Date('2026-03-02T09:00:00Z'));
    await seedDemo(test);
    nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    pdc = await signInAgent(test, 'agent.pas-de-calais@demo.t3p.example');
    application = await insertApplication(test, {
      departement: '59',
      cardType: 'VTC',
      lastName: 'Durand',
    });
  });
  afterAll(async () => {
    await test.close();
    await smtp.stop();
  });

  const lastMail = async (to: string, subject: RegExp): Promise<ParsedMail> => {
    await deliverDue(test);
    const found = mailsTo(smtp.messages, to).filter((mail) => subject.test(mail.subject ?? ''));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('lets an agent ask for images, sends the request email, and refuses a second open request', async () => {
    const body = {
      pieces: ['PHOTO', 'SIGNATURE'],
      reasonCode: 'PHOTO_BLURRY',
      reasonText: 'Merci de refaire la photo.',
    };
    expect(
      (
        await as(test, pdc)(`/api/agent/applications/${application.applicationId}/requests`, {
          json: body,
        })
      ).status,
    ).toBe(404);
    const created = await as(test, nord)(
      `/api/agent/applications/${application.applicationId}/requests`,
      { json: body },
    );
    expect(created.status).toBe(201);
    const view = await created.json();
    expect(view).toMatchObject({
      state: 'PENDING',
      pieces: ['PHOTO', 'SIGNATURE'],
      reason: 'La photo d’identité est floue. Merci de refaire la photo.',
    });
    expect(view.deadline).toBe('2026-04-16T09:00:00.000Z');
    requestId = view.id;

    const again = await as(test, nord)(
      `/api/agent/applications/${application.applicationId}/requests`,
      { json: body },
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'REQUEST_ALREADY_OPEN',
      message: expect.stringContaining('déjà en cours'),
    });

    const mail = await lastMail(application.email, /^Demande d’images pour votre carte VTC$/);
    // What the portal's pages quote (GET /api/site, IMAGE_REQUEST_SUBJECT_START) is what the email carries.
    const site = await (await fetch(`${test.url}/api/site`)).json();
    expect(mail.from?.value[0]).toEqual({
      name: site.emailSender.name,
      address: site.emailSender.address,
    });
    expect(mail.subject?.startsWith(IMAGE_REQUEST_SUBJECT_START)).toBe(true);
    for (const part of [mail.text ?? '', mail.html || '']) {
      expect(part).toContain('Madame DURAND Léa');
      expect(part).toContain('La photo d’identité est floue. Merci de refaire la photo.');
      expect(part).toContain('2 mars 2026');
      expect(part).toContain('votre photo d’identité');
      expect(part).toContain('votre signature');
      expect(part).toContain('Préfecture du Nord');
      expect(part).toContain('16 avril 2026');
      expect(part).toMatch(/de 300 à 400 DPI/);
      expect(part).toContain('80 Ko au plus');
      expect(part).toContain('50 Ko au plus');
      expect(part).toContain('35 × 45 mm');
      expect(part).toContain('25 × 12 mm');
      expect(part).toContain('contact.carte-vtc@ingroupe.com');
      expect(part).toContain('0 806 00 01 14');
    }
    const ref = await test.app
      .get(DataSource)
      .query(
        `SELECT access_ref AS ref FROM image_request WHERE id = ${test.database.settings.DATABASE_URL ? '$1' : '?'}`,
        [requestId],
      );
    expect(mail.text).toContain(`${test.url}/connexion/${ref[0].ref}`);
  });

  it('resolves two simultaneous creations to one 201 and one 409', async () => {
    const other = await insertApplication(test, { departement: '59', cardType: 'TAXI' });
    const body = { pieces: ['SIGNATURE'], reasonCode: 'SIGNATURE_ILLEGIBLE' };
    const statuses = await Promise.all(
      [0, 1].map(() =>
        as(test, nord)(`/api/agent/applications/${other.applicationId}/requests`, {
          json: body,
        }).then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([201, 409]);
  });

  it('refuses an invalid body with French messages', async () => {
    const response = await as(test, nord)(
      `/api/agent/applications/${application.applicationId}/requests`,
      {
        json: { pieces: [], reasonCode: 'OTHER' },
      },
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body.errors)).toContain('Choisissez au moins une pièce');
    expect(JSON.stringify(body.errors)).toContain('Précisez le motif');
  });

  it('takes the driver through terms, upload, "Annuler" and "Valider", once', async () => {
    const ref = (await test.app
      .get(DataSource)
      .getRepository('image_request')
      .findOneByOrFail({ id: requestId })) as { accessRef: string };
    driver = await signInDriver(test, {
      email: application.email,
      reference: ref.accessRef,
    } as DemoDriverRow);
    const call = as(test, driver);
    test.clock.advanceMinutes(5);

    const detail = await (await call('/api/driver/request')).json();
    expect(detail).toMatchObject({
      id: requestId,
      state: 'PENDING',
      termsAccepted: false,
      uploadOpen: true,
      images: [],
    });

    const early = await call('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(await validPhoto()),
    });
    expect(early.status).toBe(409);
    expect((await early.json()).code).toBe('TERMS_NOT_ACCEPTED');

    expect(
      (await call('/api/driver/request/terms', { json: { termsVersion: '1999-01' } })).status,
    ).toBe(409);
    expect(
      (
        await call('/api/driver/request/terms', {
          json: { termsVersion: detail.currentTermsVersion },
        })
      ).status,
    ).toBe(204);

    const tooSmall = await call('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(await validSignature()),
    });
    expect(tooSmall.status).toBe(422);
    const refused = await tooSmall.json();
    expect(refused).toMatchObject({ code: 'IMAGE_INVALID', verdict: { valid: false } });
    expect(refused.verdict.errors.length).toBeGreaterThan(0);

    const photo = await call('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(await validPhoto()),
    });
    expect(photo.status).toBe(201);
    const kept = await photo.json();
    expect(kept).toMatchObject({ piece: 'PHOTO', state: 'DRAFT', format: 'jpeg' });
    // A synthetic photo: never blocked, but it gets warnings (no face, or the detector's notice), kept with it.
    expect(kept.warnings.length).toBeGreaterThan(0);
    expect((await call('/api/driver/request/images/photo')).headers.get('content-type')).toBe(
      'image/jpeg',
    );

    const incomplete = await call('/api/driver/request/submit', { method: 'POST' });
    expect(incomplete.status).toBe(422);
    expect((await incomplete.json()).code).toBe('IMAGES_MISSING');

    expect(
      (
        await call('/api/driver/request/images/signature', {
          method: 'PUT',
          body: fileForm(await validSignature()),
        })
      ).status,
    ).toBe(201);
    expect((await call('/api/driver/request/images', { method: 'DELETE' })).status).toBe(204);
    expect((await (await call('/api/driver/request')).json()).images).toEqual([]);

    expect(
      (
        await call('/api/driver/request/images/photo', {
          method: 'PUT',
          body: fileForm(await validPhoto()),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('/api/driver/request/images/signature', {
          method: 'PUT',
          body: fileForm(await validSignature()),
        })
      ).status,
    ).toBe(201);
    test.clock.advanceMinutes(10);
    const statuses = await Promise.all(
      [0, 1].map(() =>
        call('/api/driver/request/submit', { method: 'POST' }).then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);

    const mail = await lastMail(application.email, /^Images bien reçues pour votre carte VTC$/);
    for (const part of [mail.text ?? '', mail.html || '']) {
      expect(part).toContain('Le 2 mars 2026, vous avez confirmé');
      expect(part).toContain('votre photo d’identité');
      expect(part).toContain('votre signature');
      expect(part).toContain('Préfecture du Nord va maintenant les examiner');
    }
    const late = await call('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(await validPhoto()),
    });
    expect(late.status).toBe(409);
    expect((await late.json()).code).toBe('REQUEST_ALREADY_SUBMITTED');
    // The request is checked before Images reads the body: a refused upload is not read (409, not 413).
    const heavy = await call('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(Buffer.alloc(3 * 1024 * 1024, 1)),
    });
    expect([heavy.status, (await heavy.json()).code]).toEqual([409, 'REQUEST_ALREADY_SUBMITTED']);

    // The agents' list can show only the requests whose images got warnings.
    const flagged = await (
      await as(test, nord)('/api/agent/dashboard/requests?hasWarnings=true&limit=100')
    ).json();
    expect(flagged.items.map((item: { id: string }) => item.id)).toContain(requestId);
    const unflagged = await (
      await as(test, nord)('/api/agent/dashboard/requests?limit=100')
    ).json();
    expect(flagged.items.length).toBeLessThan(unflagged.items.length);
    expect((await as(test, nord)('/api/agent/dashboard/requests?hasWarnings=maybe')).status).toBe(
      400,
    );
  });

  it('lists the préfecture’s requests with filters and keyset pages, and hides them from other préfectures', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await as(
        test,
        nord,
      )(`/api/agent/dashboard/requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page: { items: { id: string; createdAt: string }[]; nextCursor: string | null } =
        await response.json();
      expect([response.status, page]).toEqual([200, expect.anything()]);
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(requestId);
    const total = await test.app
      .get(DataSource)
      .query(
        `SELECT count(*) AS n FROM image_request r JOIN prefecture p ON p.id = r.prefecture_id WHERE p.departement = '59'`,
      );
    expect(all).toHaveLength(Number(total[0].n));

    const filtered = await (
      await as(test, nord)(`/api/agent/dashboard/requests?state=SUBMITTED&cardType=VTC&q=durand`)
    ).json();
    expect(filtered.items.map((item: { id: string }) => item.id)).toEqual([requestId]);
    expect(filtered.items[0]).toMatchObject({
      applicationState: 'UNDER_REVIEW',
      driver: { lastName: 'Durand' },
    });
    const byIdentifier = await (
      await as(test, nord)(`/api/agent/dashboard/requests?q=${application.driverIdentifier}`)
    ).json();
    expect(byIdentifier.items).toHaveLength(1);
    const dated = await (
      await as(test, nord)(`/api/agent/dashboard/requests?from=2026-03-02&to=2026-03-03&q=durand`)
    ).json();
    expect(dated.items).toHaveLength(1);
    expect(
      (await (await as(test, pdc)(`/api/agent/dashboard/requests?q=durand`)).json()).items,
    ).toEqual([]);
    expect((await as(test, pdc)(`/api/agent/requests/${requestId}`)).status).toBe(404);
    expect((await as(test, nord)(`/api/agent/dashboard/requests?cursor=bad`)).status).toBe(400);
  });

  it('rejects the signature: REJECTED, and a new request for the signature alone with its email', async () => {
    const detail = await (await as(test, nord)(`/api/agent/requests/${requestId}`)).json();
    expect(
      detail.images.map(
        (image: { piece: string; state: string }) => `${image.piece}:${image.state}`,
      ),
    ).toEqual(['PHOTO:SUBMITTED', 'SIGNATURE:SUBMITTED']);
    expect((await as(test, nord)(`/api/agent/requests/${requestId}/images/signature`)).status).toBe(
      200,
    );
    expect((await as(test, pdc)(`/api/agent/requests/${requestId}/images/signature`)).status).toBe(
      404,
    );
    expect(
      (await as(test, pdc)(`/api/agent/requests/${requestId}/review`, { json: { decisions: [] } }))
        .status,
    ).toBe(400);

    const decisions = [
      { piece: 'PHOTO', outcome: 'VALIDATED' },
      { piece: 'SIGNATURE', outcome: 'REJECTED', reason: 'La signature est coupée à droite.' },
    ];
    // Before saving, the agent reads the email these decisions send: the rejection, nothing recorded.
    const previewAnswer = await as(test, nord)(
      `/api/agent/requests/${requestId}/review-email-preview`,
      { json: { decisions } },
    );
    expect(previewAnswer.status).toBe(200);
    const preview = await previewAnswer.json();
    expect(preview).toMatchObject({
      to: application.email,
      subject: 'Signature refusée : demande d’images pour votre carte VTC',
    });
    expect(preview.text).toContain('Signature : La signature est coupée à droite.');
    expect(
      (
        await as(test, pdc)(`/api/agent/requests/${requestId}/review-email-preview`, {
          json: { decisions },
        })
      ).status,
    ).toBe(404);
    const allValidated = decisions.map(({ piece }) => ({ piece, outcome: 'VALIDATED' }));
    expect(
      await (
        await as(test, nord)(`/api/agent/requests/${requestId}/review-email-preview`, {
          json: { decisions: allValidated },
        })
      ).json(),
    ).toMatchObject({
      code: 'NOTHING_REJECTED',
    });
    expect((await (await as(test, nord)(`/api/agent/requests/${requestId}`)).json()).state).toBe(
      'SUBMITTED',
    );

    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        as(test, nord)(`/api/agent/requests/${requestId}/review`, { json: { decisions } }),
      ),
    );
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const result = await (first.status === 200 ? first : second).json();
    expect(result.request.state).toBe('REJECTED');
    expect(result.followUp).toMatchObject({
      state: 'PENDING',
      pieces: ['SIGNATURE'],
      reason: 'La signature est coupée à droite.',
      previousRequestId: requestId,
    });

    await deliverDue(test);
    const requestsMails = mailsTo(smtp.messages, application.email).filter(
      (m) => m.subject === 'Demande d’images pour votre carte VTC',
    );
    expect(requestsMails).toHaveLength(1);
    // The rejection is its own email: what was refused, why, what to do, and the new request's link.
    const rejection = await lastMail(
      application.email,
      /^Signature refusée : demande d’images pour votre carte VTC$/,
    );
    expect(rejection.subject).toBe(preview.subject);
    for (const part of [rejection.text ?? '', rejection.html || '']) {
      expect(part).toContain('n’a pas accepté votre signature');
      expect(part).toContain('Signature : La signature est coupée à droite.');
      expect(part).toContain('Ce qu’il vous reste à faire');
      expect(part).toContain(`/connexion/`);
      expect(part).not.toContain('votre photo d’identité et');
    }
    const followUp = await test.app
      .get(DataSource)
      .getRepository(ImageRequestEntity)
      .findOneByOrFail({ id: result.followUp.id });
    expect(rejection.text).toContain(`/connexion/${encodeURIComponent(followUp.accessRef)}`);

    const view = await (await as(test, driver)('/api/driver/request')).json();
    expect(view).toMatchObject({ id: result.followUp.id, state: 'PENDING', termsAccepted: false });
    requestId = result.followUp.id;
  });

  it('validates the new signature: VALIDATED and the payment email', async () => {
    const call = as(test, driver);
    test.clock.advanceMinutes(5);
    expect(
      (await call('/api/driver/request/terms', { json: { termsVersion: '2026-11' } })).status,
    ).toBe(204);
    test.clock.advanceMinutes(1);
    expect(
      (
        await call('/api/driver/request/images/photo', {
          method: 'PUT',
          body: fileForm(await validPhoto()),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('/api/driver/request/images/signature', {
          method: 'PUT',
          body: fileForm(await validSignature()),
        })
      ).status,
    ).toBe(201);
    expect((await call('/api/driver/request/submit', { method: 'POST' })).status).toBe(200);
    test.clock.advanceMinutes(10);
    const review = await as(test, nord)(`/api/agent/requests/${requestId}/review`, {
      json: { decisions: [{ piece: 'SIGNATURE', outcome: 'VALIDATED' }] },
    });
    expect(review.status).toBe(200);
    expect((await review.json()).request.state).toBe('VALIDATED');
    const mail = await lastMail(
      application.email,
      /^Demande validée, paiement à effectuer pour votre carte VTC$/,
    );
    for (const part of [mail.text ?? '', mail.html || '']) {
      expect(part).toContain('Préfecture du Nord a validé');
      expect(part).toContain('paiement');
      expect(part).toContain('https://paiement.test.example/cartes-t3p'); // PAYMENT_PORTAL_URL
    }
    const detail = await (await call('/api/driver/application')).json();
    expect(detail.application.state).toBe('VALIDATED');
    expect(
      (
        await as(test, nord)(`/api/agent/applications/${application.applicationId}/requests`, {
          json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
        })
      ).status,
    ).toBe(409);
  });

  it('records no decision on a submitted request whose images are missing (409), and decides the demo’s submitted requests', async () => {
    const dataSource = test.app.get(DataSource);
    const hugo = await dataSource.getRepository(ImageRequestEntity).findOneByOrFail({
      state: 'SUBMITTED',
      reasonText: 'La photo d’identité est floue et le fond n’est pas uni.',
      photoRequested: true,
      signatureRequested: false,
    });
    const images = await dataSource.getRepository(StoredImageEntity).findBy({ requestId: hugo.id });
    // The demo data carries a real submitted photo (generated), which the agent can open.
    expect(images.map((image) => `${image.piece}:${image.state}`)).toEqual(['PHOTO:SUBMITTED']);
    expect((await as(test, nord)(`/api/agent/requests/${hugo.id}/images/photo`)).status).toBe(200);
    await dataSource.getRepository(StoredImageEntity).delete({ requestId: hugo.id });
    for (const outcome of ['VALIDATED', 'REJECTED']) {
      const decisions = [
        { piece: 'PHOTO', outcome, ...(outcome === 'REJECTED' ? { reason: 'Floue.' } : {}) },
      ];
      const answer = await as(test, nord)(`/api/agent/requests/${hugo.id}/review`, {
        json: { decisions },
      });
      expect(answer.status).toBe(409);
      expect(await answer.json()).toMatchObject({
        code: 'SUBMITTED_IMAGES_MISSING',
        message: expect.stringContaining('introuvables'),
      });
    }
    const after = await dataSource
      .getRepository(ImageRequestEntity)
      .findOneByOrFail({ id: hugo.id });
    expect(after).toMatchObject({ state: 'SUBMITTED', decidedAt: null });
  });

  it('keeps the audit trail: who, when, from, to, why', async () => {
    expect(
      (await as(test, pdc)(`/api/agent/applications/${application.applicationId}/audit`)).status,
    ).toBe(404);
    const trail = await (
      await as(test, nord)(`/api/agent/applications/${application.applicationId}/audit`)
    ).json();
    expect(trail.map((entry: { action: string }) => entry.action)).toEqual([
      'REQUEST_CREATED',
      'TERMS_ACCEPTED',
      'REQUEST_SUBMITTED',
      'REQUEST_REJECTED',
      'REQUEST_CREATED',
      'TERMS_ACCEPTED',
      'REQUEST_SUBMITTED',
      'REQUEST_VALIDATED',
    ]);
    expect(trail[3]).toMatchObject({
      actorType: 'AGENT',
      actor: 'Camille Lefebvre',
      fromState: 'SUBMITTED',
      toState: 'REJECTED',
      reason: 'La signature est coupée à droite.',
    });
    expect(trail[2]).toMatchObject({
      actorType: 'DRIVER',
      actor: 'le chauffeur',
      at: '2026-03-02T09:15:00.000Z',
    });
  });
});
