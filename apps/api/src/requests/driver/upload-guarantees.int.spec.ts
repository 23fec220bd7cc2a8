import { CURRENT_TERMS_VERSION } from '@t3p/contracts';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { seedDemo, Session, signInAgent, signInDriver } from '../../auth/auth-test-kit';
import { ImageRequestEntity, StoredImageEntity } from '../../database/entities';
import { ImagesRepository } from '../../images/images.repository';
import { stripJpegMetadata } from '@t3p/image-measurement';
import { usesPostgres } from '../../testing/postgres';
import { startTestApp, TestApp } from '../../testing/test-app';
import { as, fileForm, insertApplication, validPhoto } from '../lifecycle-test-kit';
import { TimedTransitionsService } from '../lifecycle/timed-transitions.service';

/** Sends a raw body with its exact length (fetch would re-encode a FormData). */
function rawPut(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      { method: 'PUT', headers: { ...headers, 'content-length': String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Faults of the driver's upload through the real API and database (issue 12, items 2 and 3). */
/** Faults of the driver's upload through the real API and database (issue 12, items 2 and 3). */
describe('driver upload: malformed bodies and races with a closing request', () => {
  let test: TestApp;
  let nord: Session;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    await seedDemo(test);
    nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
  });
  afterAll(() => test.close());

  const sql = (query: string) =>
    test.database.settings.DATABASE_URL ? query : query.replace(/\$\d+/g, '?');

  /** A new driver with a PENDING photo request, signed in, terms accepted. */
  async function driverWithOpenRequest(): Promise<{ driver: Session; requestId: string }> {
    const application = await insertApplication(test, { departement: '59', cardType: 'VTC' });
    const created = await as(test, nord)(
      `/api/agent/applications/${application.applicationId}/requests`,
      {
        json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
      },
    );
    const requestId = (await created.json()).id as string;
    const [{ reference }] = await test.app
      .get(DataSource)
      .query(sql('SELECT access_ref AS reference FROM image_request WHERE id = $1'), [requestId]);
    const driver = await signInDriver(test, { ...application, reference, departement: '59' });
    expect(
      (
        await as(test, driver)('/api/driver/request/terms', {
          json: { termsVersion: CURRENT_TERMS_VERSION },
        })
      ).status,
    ).toBe(204);
    return { driver, requestId };
  }

  const draftsOf = (requestId: string) =>
    test.app.get(DataSource).getRepository(StoredImageEntity).countBy({ requestId });

  /** Runs `between` after the file is measured and before its draft is written (once). */
  function betweenMeasureAndWrite(between: () => Promise<void>): jest.SpyInstance {
    const repository = test.app.get(ImagesRepository);
    const write = repository.saveDraft.bind(repository);
    return jest.spyOn(repository, 'saveDraft').mockImplementationOnce(async (draft) => {
      await between();
      return write(draft);
    });
  }

  afterEach(() => jest.restoreAllMocks());

  it('answers a multipart body cut before its closing boundary with 400 BAD_MULTIPART, every time', async () => {
    const { driver } = await driverWithOpenRequest();
    const body = Buffer.from(
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc',
    );
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const answer = await rawPut(
        `${test.url}/api/driver/request/images/photo`,
        {
          cookie: driver.cookie,
          'x-csrf-token': driver.csrfToken,
          'content-type': 'multipart/form-data; boundary=xyz',
        },
        body,
      );
      expect(answer).toMatchObject({
        status: 400,
        body: { code: 'BAD_MULTIPART', message: 'Le contenu multipart envoyé est mal formé.' },
      });
    }
  });

  it('keeps an upright JPEG once: no stored display copy, the shown copy is the original without its metadata', async () => {
    const { driver, requestId } = await driverWithOpenRequest();
    const photo = await sharp(await validPhoto())
      .withMetadata({ density: 300, exif: { IFD0: { Artist: 'Olivier' } } })
      .jpeg()
      .toBuffer();
    const uploaded = await as(test, driver)('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(photo),
    });
    expect(uploaded.status).toBe(201);
    const stored = await test.app
      .get(DataSource)
      .getRepository(StoredImageEntity)
      .findOneByOrFail({ requestId, piece: 'PHOTO' });
    expect(Buffer.compare(stored.original, photo)).toBe(0);
    expect(stored.displayJpeg).toBeNull();
    const shown = Buffer.from(
      await (await as(test, driver)('/api/driver/request/images/photo')).arrayBuffer(),
    );
    expect(Buffer.compare(shown, stripJpegMetadata(photo) as Buffer)).toBe(0);
    expect((await sharp(shown).metadata()).exif).toBeUndefined();
  });

  it('answers 409 and keeps nothing when the request is cancelled between the measure and the write', async () => {
    const { driver, requestId } = await driverWithOpenRequest();
    const requests = test.app.get(DataSource).getRepository(ImageRequestEntity);
    const hook = betweenMeasureAndWrite(async () => {
      // The scheduler's cancellation, committed while the file was being measured.
      await requests.update(
        { id: requestId },
        { state: 'REMINDED', remindedAt: new Date(test.clock.now().getTime() - 60 * 86_400_000) },
      );
      expect(await test.app.get(TimedTransitionsService).cancelDue()).toBeGreaterThanOrEqual(1);
    });
    const uploaded = await as(test, driver)('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(await validPhoto()),
    });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(uploaded.status).toBe(409);
    expect(await uploaded.json()).toMatchObject({
      code: 'REQUEST_CANCELLED',
      message: expect.stringMatching(
        /^Votre fichier n’a pas été gardé\. Votre demande de carte a été annulée/,
      ),
    });
    expect((await requests.findOneByOrFail({ id: requestId })).state).toBe('CANCELLED');
    expect(await draftsOf(requestId)).toBe(0);
  });

  (usesPostgres() ? it : it.skip)(
    'on PostgreSQL, makes the write wait for a cancellation in progress, then answers 409 and keeps nothing',
    async () => {
      const { driver, requestId } = await driverWithOpenRequest();
      const other = new Client({ connectionString: test.database.settings.DATABASE_URL });
      await other.connect();
      let commit: () => Promise<void> = async () => undefined;
      betweenMeasureAndWrite(async () => {
        // Another instance's cancellation: state changed and drafts deleted, not yet committed.
        await other.query('BEGIN');
        await other.query(
          `UPDATE image_request SET state = 'CANCELLED', cancelled_at = now() WHERE id = $1`,
          [requestId],
        );
        await other.query(`DELETE FROM stored_image WHERE request_id = $1 AND state = 'DRAFT'`, [
          requestId,
        ]);
        commit = async () => {
          await other.query('COMMIT');
        };
        setTimeout(() => void commit(), 300);
      });
      try {
        const uploaded = await as(test, driver)('/api/driver/request/images/photo', {
          method: 'PUT',
          body: fileForm(await validPhoto()),
        });
        expect(uploaded.status).toBe(409);
        expect(await uploaded.json()).toMatchObject({ code: 'REQUEST_CANCELLED' });
        expect(await draftsOf(requestId)).toBe(0);
      } finally {
        await other.end();
      }
    },
  );

  it('still stores the draft when the request is reminded (still open) between the measure and the write', async () => {
    const { driver, requestId } = await driverWithOpenRequest();
    const requests = test.app.get(DataSource).getRepository(ImageRequestEntity);
    betweenMeasureAndWrite(async () => {
      await requests.update({ id: requestId }, { state: 'REMINDED', remindedAt: test.clock.now() });
    });
    const uploaded = await as(test, driver)('/api/driver/request/images/photo', {
      method: 'PUT',
      body: fileForm(await validPhoto()),
    });
    expect(uploaded.status).toBe(201);
    expect(await draftsOf(requestId)).toBe(1);
  });
});
