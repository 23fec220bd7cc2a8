import { WARNING_CODES } from '@t3p/image-warnings';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, type Verdict } from '@t3p/image-rules';
import { type CorpusManifest, makeCorpus } from './corpus-fixture';
import { checkImage, readyFaceWorker, shutdownFaceWorker, shutdownPdfWorkers } from './index';

/** Safety net only: every verdict is expected far below this. */
const GENEROUS_BOUND_MS = 5000;

describe('the generated corpus through measurement + engine', () => {
  let dir: string;
  let manifest: CorpusManifest;
  const verdicts = new Map<string, Verdict>();

  beforeAll(async () => {
    ({ dir, manifest } = await makeCorpus());
    // The bound is for a verdict, not for the face worker's start-up (models, kernels).
    await readyFaceWorker();
    for (const entry of manifest.files) {
      const started = performance.now();
      verdicts.set(entry.file, await checkImage(readFileSync(join(dir, entry.file)), entry.kind));
      expect(performance.now() - started).toBeLessThan(GENEROUS_BOUND_MS);
    }
  }, 120_000);

  afterAll(async () => {
    await shutdownPdfWorkers();
    await shutdownFaceWorker();
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers every code and both kinds', () => {
    const codes = new Set(manifest.files.flatMap((f) => f.expected));
    expect([...codes].sort()).toEqual([...ERROR_CODES].sort());
    expect(new Set(manifest.files.map((f) => f.kind))).toEqual(new Set(['photo', 'signature']));
    expect(manifest.files.filter((f) => f.expected.length === 0).length).toBeGreaterThan(10);
  });

  it('gives every file exactly the expected codes', () => {
    const mismatches = manifest.files
      .map((f) => ({
        file: f.file,
        expected: f.expected,
        got: verdicts.get(f.file)?.errors.map((e) => e.code),
      }))
      .filter((r) => JSON.stringify(r.expected) !== JSON.stringify(r.got));
    expect(mismatches).toEqual([]);
  });

  it('valid is true exactly when no code is expected; only valid JPEGs get warnings, each with a known code', () => {
    for (const f of manifest.files) {
      const v = verdicts.get(f.file) as Verdict;
      expect(v.valid).toBe(f.expected.length === 0);
      if (!v.valid || v.measured.format !== 'jpeg') expect(v.warnings).toEqual([]);
      for (const w of v.warnings) {
        expect(WARNING_CODES).toContain(w.code);
        expect(w.message).toMatch(/\S/);
        expect(w.hint).toMatch(/\S/);
      }
      for (const e of v.errors) {
        expect(e.message).toMatch(/\S/);
        expect(e.hint).toMatch(/\S/);
      }
    }
  });

  it('measures the figures as the spec says', () => {
    const m = (file: string) => (verdicts.get(file) as Verdict).measured;
    expect(m('photo-valid-300dpi.jpg')).toMatchObject({
      format: 'jpeg',
      widthPx: 413,
      heightPx: 531,
      dpiX: 300,
      dpiY: 300,
      dpiSource: 'jfif',
      widthMm: 35,
      heightMm: 45,
    });
    expect(m('photo-118dpcm.jpg')).toMatchObject({ dpiX: 300, dpiY: 300 });
    expect(m('photo-117dpcm.jpg')).toMatchObject({ dpiX: 297 });
    expect(m('photo-exif-only-300dpi.jpg')).toMatchObject({ dpiX: 300, dpiSource: 'exif' });
    expect(m('photo-exif-only-cm.jpg')).toMatchObject({ dpiX: 300, dpiSource: 'exif' });
    expect(m('photo-no-density.jpg')).toMatchObject({
      dpiX: null,
      dpiY: null,
      widthMm: null,
      dpiSource: null,
    });
    expect(m('photo-jfif72-exif300.jpg')).toMatchObject({ dpiX: 72, dpiSource: 'jfif' });
    expect(m('photo-orientation6.jpg')).toMatchObject({
      orientation: 6,
      widthPx: 413,
      heightPx: 531,
    });
    expect(m('photo-orientation6-anisotropic.jpg')).toMatchObject({
      widthPx: 413,
      heightPx: 708,
      dpiX: 300,
      dpiY: 400,
    });
    expect(m('photo-60000x60000-header.jpg')).toMatchObject({
      announcedPixels: 3_600_000_000,
      widthPx: 60_000,
    });
    expect(m('photo-5000x5000-under-80k.jpg')).toMatchObject({
      widthPx: 5000,
      heightPx: 5000,
      corrupt: null,
    });
    expect(m('photo-over-hard-cap.jpg')).toMatchObject({
      analysed: false,
      bytes: 10 * 1024 * 1024 + 1,
    });
    expect(m('photo-png-renamed.jpg')).toMatchObject({ format: null, detectedFormat: 'png' });
    expect(m('photo-gif-renamed.jpg')).toMatchObject({ format: null, detectedFormat: 'gif' });
    expect(m('photo-valid.pdf')).toMatchObject({
      format: 'pdf',
      pdfPages: 1,
      hasImage: true,
      widthPx: 413,
      heightPx: 531,
      dpiX: 300,
      widthMm: 35,
      heightMm: 45,
    });
    expect(m('photo-2-pages.pdf')).toMatchObject({ pdfPages: 2 });
    expect(m('photo-a4.pdf')).toMatchObject({ widthMm: 210, heightMm: 297, dpiX: 50 });
    expect(m('photo-rotate90.pdf')).toMatchObject({
      widthMm: 35,
      heightMm: 45,
      widthPx: 413,
      heightPx: 531,
    });
    expect(m('photo-cropbox.pdf')).toMatchObject({ widthMm: 35, heightMm: 45 });
    expect(m('photo-cropbox-outside-mediabox.pdf')).toMatchObject({ widthMm: 35, heightMm: 45 });
    expect(m('photo-userunit.pdf')).toMatchObject({ widthMm: 35, heightMm: 45 });
    expect(m('photo-javascript.pdf').unsafe).toEqual(['javascript']);
    expect(m('photo-javascript-escaped-name.pdf').unsafe).toEqual(['javascript']);
    expect(m('photo-launch.pdf').unsafe).toEqual(['launch']);
    expect(m('photo-attachment.pdf').unsafe).toEqual(['embedded-file']);
    expect(m('photo-encrypted.pdf').unsafe).toEqual(['encryption']);
    expect(m('photo-truncated.pdf').corrupt).toBe('pdf-truncated');
    expect(m('photo-bomb-content-2gib.pdf').corrupt).toBe('pdf-bomb');
    expect(m('photo-bomb-objstm-2gib.pdf').corrupt).toBe('pdf-bomb');
    expect(m('photo-bomb-image-64mib.pdf').corrupt).toBe('pdf-bomb');
    expect(m('photo-truncated.jpg').corrupt).toBe('jpeg-data');
    expect(m('photo-random-after-soi.jpg').corrupt).toBe('jpeg-header');
  });
});
