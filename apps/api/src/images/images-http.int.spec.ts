import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { DemoDataService } from '../demo/demo-data.service';
import { ImageRequestEntity, StoredImageEntity } from '../database/entities';
import { startTestApp, TestApp } from '../testing/test-app';
import { ImagesService } from './images.service';

/** 35 × 45 mm at 300 DPI, declared in JFIF. */
const validPhoto = () =>
  sharp({
    create: { width: 413, height: 531, channels: 3, background: { r: 200, g: 190, b: 180 } },
  })
    .jpeg({ quality: 80 })
    .withMetadata({ density: 300 })
    .toBuffer();

const form = (parts: { field: string; bytes: Buffer; name?: string }[]) => {
  const body = new FormData();
  for (const part of parts)
    body.append(
      part.field,
      new Blob([new Uint8Array(part.bytes)], { type: 'image/jpeg' }),
      part.name ?? 'photo.jpg',
    );
  return body;
};

describe('Images through HTTP and the real database', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  const check = (body: BodyInit, kind = 'photo', headers: Record<string, string> = {}) =>
    fetch(`${test.url}/api/images/check?kind=${kind}`, { method: 'POST', body, headers });

  it('gives the full verdict of a valid photo and stores nothing', async () => {
    const response = await check(form([{ field: 'file', bytes: await validPhoto() }]));
    expect(response.status).toBe(200);
    const verdict = await response.json();
    expect(verdict).toMatchObject({ kind: 'photo', valid: true, errors: [] });
    expect(Array.isArray(verdict.warnings)).toBe(true);
    expect(verdict.measured).toMatchObject({
      format: 'jpeg',
      widthPx: 413,
      heightPx: 531,
      dpiX: 300,
      dpiY: 300,
    });
    expect(await test.app.get(DataSource).getRepository(StoredImageEntity).count()).toBe(0);
  });

  it('reports every failing rule of a photo at 72 DPI', async () => {
    const bytes = await sharp({
      create: { width: 413, height: 531, channels: 3, background: 'white' },
    })
      .jpeg()
      .withMetadata({ density: 72 })
      .toBuffer();
    const verdict = await (await check(form([{ field: 'file', bytes }]))).json();
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.map((error: { code: string }) => error.code)).toEqual([
      'DPI_OUT_OF_RANGE',
      'DIMENSIONS',
    ]);
    expect(verdict.errors[0].message).toContain('72');
  });

  it.each([
    ['an empty multipart body', () => form([]), 400, 'NO_FILE'],
    [
      'a wrong field name',
      async () => form([{ field: 'photo', bytes: await validPhoto() }]),
      400,
      'WRONG_FIELD',
    ],
    [
      'two files',
      async () =>
        form([
          { field: 'file', bytes: await validPhoto() },
          { field: 'file', bytes: await validPhoto() },
        ]),
      400,
      'TOO_MANY_PARTS',
    ],
    [
      'a 10 MB file',
      () => form([{ field: 'file', bytes: Buffer.alloc(10_000_000, 1) }]),
      413,
      'FILE_TOO_LARGE',
    ],
  ])('answers %s with a precise 4xx', async (_case, makeBody, status, code) => {
    const response = await check(await makeBody());
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toMatchObject({ statusCode: status, code });
    expect(body.message).toMatch(/[a-zé]/);
  });

  it('answers an over-cap body by naming the assistant, never the cap', async () => {
    const body = await (
      await check(form([{ field: 'file', bytes: Buffer.alloc(3_000_000, 1) }]))
    ).json();
    expect(body.code).toBe('FILE_TOO_LARGE');
    expect(body.message).toContain('« Corriger ma photo »');
    expect(body.message).not.toMatch(/2 Mo|Mio|2 MB/);
  });

  it('answers a body that is not multipart with a 415', async () => {
    const response = await check(await validPhoto(), 'photo', { 'content-type': 'image/jpeg' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers a JSON body with a 415', async () => {
    const response = await check(JSON.stringify({ file: 'x' }), 'photo', {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(415);
  });

  it('answers an empty body with a 4xx', async () => {
    const response = await check('', 'photo', {
      'content-type': 'multipart/form-data; boundary=xyz',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('answers an unknown kind with a 400', async () => {
    const response = await check(form([{ field: 'file', bytes: await validPhoto() }]), 'passport');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(
      'Le paramètre « kind » doit valoir « photo » ou « signature ».',
    );
  });
});

describe('ImagesService.uploadDraft on the real database', () => {
  let test: TestApp;
  let request: ImageRequestEntity;
  beforeAll(async () => {
    test = await startTestApp();
    await test.app.get(DemoDataService).seedIfEmpty();
    request = await test.app
      .get(DataSource)
      .getRepository(ImageRequestEntity)
      .findOneByOrFail({ state: 'PENDING', photoRequested: true });
  });
  afterAll(() => test.close());

  it('stores a valid photo as the draft, with its hash and figures, and shows it as a metadata-free JPEG', async () => {
    const bytes = await sharp({
      create: { width: 413, height: 531, channels: 3, background: 'grey' },
    })
      .jpeg()
      .withMetadata({ density: 300, exif: { IFD0: { Artist: 'Olivier' } } })
      .toBuffer();
    const outcome = await test.app.get(ImagesService).uploadDraft(request.id, 'PHOTO', bytes);
    expect(outcome.verdict.valid).toBe(true);
    expect(outcome.image).toMatchObject({
      piece: 'PHOTO',
      state: 'DRAFT',
      byteSize: bytes.length,
      format: 'jpeg',
    });
    const stored = await test.app
      .get(DataSource)
      .getRepository(StoredImageEntity)
      .findOneByOrFail({ requestId: request.id, piece: 'PHOTO' });
    expect(Buffer.compare(stored.original, bytes)).toBe(0);
    // Upright JPEG: the display copy is derived from the original on read, not stored.
    expect(stored.displayJpeg).toBeNull();
    const shown = await test.app.get(ImagesService).displayImage(request.id, 'PHOTO');
    expect(shown?.contentType).toBe('image/jpeg');
    const display = await sharp(shown?.bytes as Buffer).metadata();
    expect(display.exif).toBeUndefined();
    expect(display.format).toBe('jpeg');
  });

  it('replaces the draft with a newer valid upload and keeps one row per piece', async () => {
    const bytes = await validPhoto();
    await test.app.get(ImagesService).uploadDraft(request.id, 'PHOTO', bytes);
    const rows = await test.app
      .get(DataSource)
      .getRepository(StoredImageEntity)
      .findBy({ requestId: request.id, piece: 'PHOTO' });
    expect(rows).toHaveLength(1);
    expect(Buffer.compare(rows[0].original, bytes)).toBe(0);
  });

  it('does not store an invalid file and leaves the previous draft as it was', async () => {
    const before = await test.app
      .get(DataSource)
      .getRepository(StoredImageEntity)
      .findOneByOrFail({ requestId: request.id, piece: 'PHOTO' });
    const outcome = await test.app
      .get(ImagesService)
      .uploadDraft(request.id, 'PHOTO', Buffer.from('not an image'));
    expect(outcome.verdict.valid).toBe(false);
    expect(outcome.image).toBeUndefined();
    const after = await test.app
      .get(DataSource)
      .getRepository(StoredImageEntity)
      .findOneByOrFail({ requestId: request.id, piece: 'PHOTO' });
    expect(after.sha256).toBe(before.sha256);
  });
});
