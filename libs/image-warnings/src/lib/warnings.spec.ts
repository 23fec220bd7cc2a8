import { analysePhoto, analyseSignature } from './analyse';
import { faceGeometry, headBox, significantFaces } from './face-geometry';
import { backgroundBands } from './photo-stats';
import { downscale, grayQuantile, laplacianVariance, toGray } from './raster';
import { THRESHOLDS } from './thresholds';
import { photoWarnings } from './warnings';
import { WARNING_CODES, type DetectedFace, type PhotoFigures, type Rgba } from './types';
import { detectorInput, toDetectedFaces } from './detector';

const W = 300;
const H = 386;

function image(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number],
): Rgba {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const i = (y * width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/**
 * A face of the 68-point scheme drawn from its eye line and chin to brow
 * height: eyes at (cx ± d, eyeY), brows `d` above the eyes, chin below.
 */
function face(cx: number, eyeY: number, chinToBrow: number, tiltDeg = 0): DetectedFace {
  const lm = Array.from({ length: 68 }, () => ({ x: cx, y: eyeY }));
  const half = chinToBrow * 0.45;
  const t = Math.tan((tiltDeg * Math.PI) / 180);
  const browY = eyeY - chinToBrow * 0.12;
  const chinY = browY + chinToBrow;
  for (let i = 0; i <= 16; i++)
    lm[i] = {
      x: cx - half + (i / 16) * 2 * half,
      y: eyeY + (i === 8 ? chinY - eyeY : chinToBrow * 0.3),
    };
  for (let i = 17; i <= 26; i++) lm[i] = { x: cx - half + ((i - 17) / 9) * 2 * half, y: browY };
  for (let i = 36; i <= 41; i++) lm[i] = { x: cx - half * 0.45, y: eyeY - t * half * 0.45 };
  for (let i = 42; i <= 47; i++) lm[i] = { x: cx + half * 0.45, y: eyeY + t * half * 0.45 };
  return {
    box: { x: cx - half, y: browY - 5, width: 2 * half, height: chinY - browY + 10 },
    score: 0.9,
    landmarks: lm,
  };
}

/** A well-framed face: head 34 mm of 45, eyes at 55 % from the bottom, centred. */
const headPx = (34 / 45) * H;
const goodFace = (): DetectedFace => face(W / 2, H * 0.45, headPx / THRESHOLDS.crownFactor);

/** A photo-like image: light grey-blue background, a skin-coloured textured ellipse where the face is. */
function photo(
  opts: { bg?: [number, number, number]; gray?: boolean; scale?: number; busy?: boolean } = {},
): Rgba {
  const bg = opts.bg ?? [200, 205, 214];
  const k = opts.scale ?? 1;
  return image(W, H, (x, y) => {
    const inHead = ((x - W / 2) / 95) ** 2 + ((y - H * 0.45) / 150) ** 2 <= 1;
    let c: [number, number, number];
    if (inHead) {
      const tex = ((x * 7 + y * 13) % 23) * 3; // texture: focus measure sees detail
      c = [170 + tex / 3, 130 + tex / 3, 110 + tex / 3];
    } else if (opts.busy) {
      c = (Math.floor(x / 20) + Math.floor(y / 20)) % 2 ? [40, 90, 160] : [230, 200, 40];
    } else c = bg;
    c = c.map((v) => Math.min(255, Math.round(v * k))) as [number, number, number];
    if (opts.gray) {
      const l = Math.round(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]);
      c = [l, l, l];
    }
    return c;
  });
}

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('pixel statistics', () => {
  it('downscale averages areas and keeps the aspect ratio', () => {
    const img = image(600, 772, (x) => (x % 2 ? [0, 0, 0] : [200, 100, 50]));
    const small = downscale(img, 300);
    expect([small.width, small.height]).toEqual([300, 386]);
    expect(Array.from(small.data.subarray(0, 4))).toEqual([100, 50, 25, 255]);
    expect(downscale(small, 400)).toBe(small);
  });

  it('downscale gives the plain area average of each output pixel, byte for byte', () => {
    // The straightforward definition (the first version of downscale), against the optimised one.
    const reference = (img: Rgba, w: number): number[] => {
      const h = Math.max(1, Math.round((img.height * w) / img.width));
      const sx = img.width / w;
      const sy = img.height / h;
      const out: number[] = [];
      for (let y = 0; y < h; y++) {
        const y0 = Math.floor(y * sy);
        const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
        for (let x = 0; x < w; x++) {
          const x0 = Math.floor(x * sx);
          const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
          for (let c = 0; c < 4; c++) {
            let sum = 0;
            for (let yy = y0; yy < y1; yy++)
              for (let xx = x0; xx < x1; xx++) sum += img.data[(yy * img.width + xx) * 4 + c];
            out.push(Math.round(sum / ((y1 - y0) * (x1 - x0))));
          }
        }
      }
      return out;
    };
    let seed = 7;
    const noise = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    for (const [w, h] of [
      [413, 531],
      [600, 772],
      [301, 17],
    ]) {
      const img = image(w, h, () => [noise(), noise(), noise()]);
      expect(Array.from(downscale(img, 300).data)).toEqual(reference(img, 300));
    }
  });

  it('Laplacian variance is 0 on a flat image and high on a checkerboard', () => {
    expect(laplacianVariance(toGray(image(50, 50, () => [120, 120, 120])))).toBe(0);
    expect(
      laplacianVariance(
        toGray(image(50, 50, (x, y) => ((x + y) % 2 ? [0, 0, 0] : [255, 255, 255]))),
      ),
    ).toBeGreaterThan(10000);
  });

  it('quantiles come from the histogram', () => {
    const g = toGray(image(10, 10, (x) => (x < 5 ? [0, 0, 0] : [255, 255, 255])));
    expect(grayQuantile(g, 0.4)).toBe(0);
    expect(grayQuantile(g, 0.9)).toBe(255);
  });

  it('background bands leave the head out', () => {
    const bands = backgroundBands(W, H, goodFace());
    expect(bands.length).toBe(3);
    for (const b of bands)
      expect(b.y + b.height <= H * 0.45 || b.x + b.width <= W / 2 - 60 || b.x >= W / 2 + 60).toBe(
        true,
      );
  });
});

describe('face geometry', () => {
  it('measures head size, centring and eye angle from the landmarks', () => {
    const g = faceGeometry(goodFace(), W, H);
    expect(g.headMm).toBeCloseTo(34, 5);
    expect(g.offsetX).toBeCloseTo(0, 5);
    expect(g.eyeHeight).toBeCloseTo(0.55, 5);
    expect(g.eyeAngleDeg).toBeCloseTo(0, 5);
    expect(faceGeometry(face(W / 2, H * 0.45, 100, 8), W, H).eyeAngleDeg).toBeCloseTo(8, 1);
  });

  it('gives the head box (estimated crown to chin, jaw side to side) the assistant frames', () => {
    const f = goodFace();
    const box = headBox(f);
    const g = faceGeometry(f, W, H);
    expect(box.height / H).toBeCloseTo(g.headRatio, 5);
    expect(box.y / H).toBeCloseTo(g.topMargin, 5);
    expect(box.y + box.height).toBeCloseTo(f.landmarks[8].y, 5);
    expect(box.x + box.width / 2).toBeCloseTo(W / 2, 5);
    expect(box.width).toBeCloseTo(f.landmarks[16].x - f.landmarks[0].x, 5);
  });

  it('ignores weak and tiny boxes', () => {
    const big = goodFace();
    const tiny = { ...face(40, 40, 20), box: { x: 30, y: 30, width: 10, height: 12 } };
    const weak = { ...face(250, 60, 80), score: 0.2 };
    expect(significantFaces([tiny, big, weak])).toEqual([big]);
  });

  it('maps detector boxes back from the padded canvas', () => {
    const img = image(300, 386, () => [10, 20, 30]);
    const input = detectorInput(img);
    expect([input.width, input.height, input.rgb.length]).toEqual([450, 579, 450 * 579 * 3]);
    const i = (input.offsetY * input.width + input.offsetX) * 3;
    expect(Array.from(input.rgb.subarray(i - 3, i + 3))).toEqual([128, 128, 128, 10, 20, 30]);
    const last = ((input.offsetY + 385) * input.width + input.offsetX + 299) * 3;
    expect(Array.from(input.rgb.subarray(last, last + 6))).toEqual([10, 20, 30, 128, 128, 128]);
    const [f] = toDetectedFaces(
      [
        {
          detection: {
            score: 0.91234,
            box: { x: input.offsetX + 10, y: input.offsetY + 5, width: 50, height: 60 },
          },
          landmarks: { positions: [{ x: input.offsetX + 1.234, y: input.offsetY }] },
        },
      ],
      input,
    );
    expect(f).toEqual({
      score: 0.91,
      box: { x: 10, y: 5, width: 50, height: 60 },
      landmarks: [{ x: 1.23, y: 0 }],
    });
  });
});

describe('photo warnings', () => {
  it('a well-framed colour photo on a light plain background gets none', () => {
    expect(codes(analysePhoto(photo(), [goodFace()]).warnings)).toEqual([]);
  });

  it.each([
    ['no face', [] as DetectedFace[], {}, 'NO_FACE'],
    ['two faces', [goodFace(), face(60, 80, 60)], {}, 'SEVERAL_FACES'],
    [
      'head 27 mm',
      [face(W / 2, H * 0.5, ((27 / 45) * H) / THRESHOLDS.crownFactor)],
      {},
      'HEAD_TOO_SMALL',
    ],
    [
      'head 40 mm',
      [face(W / 2, H * 0.45, ((40 / 45) * H) / THRESHOLDS.crownFactor)],
      {},
      'HEAD_TOO_LARGE',
    ],
    [
      'off centre',
      [face(W / 2 + 40, H * 0.45, headPx / THRESHOLDS.crownFactor)],
      {},
      'FACE_OFF_CENTRE',
    ],
    ['tilted', [face(W / 2, H * 0.45, headPx / THRESHOLDS.crownFactor, 9)], {}, 'EYES_NOT_LEVEL'],
    ['white background', [goodFace()], { bg: [252, 252, 252] }, 'BACKGROUND_WHITE'],
    ['dark background', [goodFace()], { bg: [90, 90, 100] }, 'BACKGROUND_TOO_DARK'],
    ['busy background', [goodFace()], { busy: true }, 'BACKGROUND_NOT_UNIFORM'],
    ['grayscale', [goodFace()], { gray: true }, 'GRAYSCALE'],
    ['−1.5 EV', [goodFace()], { scale: 0.62 }, 'FACE_UNDEREXPOSED'],
    ['+1.5 EV', [goodFace()], { scale: 1.6 }, 'FACE_OVEREXPOSED'],
  ] as const)('%s → %s', (_name, faces, opts, code) => {
    expect(
      codes(analysePhoto(photo(opts as Parameters<typeof photo>[0]), [...faces]).warnings),
    ).toContain(code);
  });

  it('a blurred photo (flat face) gets BLURRED', () => {
    const flat = image(W, H, (x, y) =>
      ((x - W / 2) / 95) ** 2 + ((y - H * 0.45) / 150) ** 2 <= 1
        ? [180, 140, 120]
        : [200, 205, 214],
    );
    expect(codes(analysePhoto(flat, [goodFace()]).warnings)).toContain('BLURRED');
  });

  it('a detector that did not run says so and still checks the pixels', () => {
    const out = codes(analysePhoto(photo({ gray: true }), null).warnings);
    expect(out[0]).toBe('FACE_ANALYSIS_UNAVAILABLE');
    expect(out).toContain('GRAYSCALE');
    expect(out).not.toContain('NO_FACE');
  });

  it('messages give the measured and the expected figure, hints mention « Corriger ma photo » for framing', () => {
    const figures: PhotoFigures = {
      faceCount: 1,
      geometry: {
        headMm: 27.04,
        headRatio: 0.6,
        offsetX: 0,
        eyeHeight: 0.55,
        eyeAngleDeg: 0,
        topMargin: 0.1,
        sideMargin: 0.2,
      },
      pixels: {
        backgroundLuma: 200,
        backgroundLumaStd: 2,
        backgroundChroma: 10,
        highlightLuma: 220,
        clipped: 0,
        faceLuma: 140,
        faceClipped: 0,
        sharpness: 200,
        chroma: 30,
        castRedGreen: 10,
        castYellowBlue: 10,
      },
    };
    const [w] = photoWarnings(figures);
    expect(w.code).toBe('HEAD_TOO_SMALL');
    expect(w.message).toContain('27 mm');
    expect(w.message).toContain('entre 32 mm et 36 mm sur 45 mm');
    expect(w.hint).toContain('« Corriger ma photo »');
    expect(w.message).not.toContain("'");
  });

  it('every code is unique', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
  });
});

describe('signature warnings', () => {
  /** Black strokes over most of the frame on white paper. */
  const stroke = (x: number, y: number, w: number, h: number) =>
    Math.abs(y - h / 2 - Math.sin((x / w) * 12) * h * 0.3) < 3 && x > w * 0.08 && x < w * 0.92;
  const sig = (ink: number, paper: number, extra?: (x: number, y: number) => boolean): Rgba =>
    image(300, 144, (x, y) =>
      stroke(x, y, 300, 144) || extra?.(x, y) ? [ink, ink, ink] : [paper, paper, paper],
    );

  it('dark ink filling the frame on white paper gets none', () => {
    expect(codes(analyseSignature(sig(20, 245)).warnings)).toEqual([]);
  });

  it('pale ink, dark paper, wide margins, a ruled line', () => {
    expect(codes(analyseSignature(sig(170, 245)).warnings)).toContain('INK_TOO_PALE');
    expect(codes(analyseSignature(sig(20, 120)).warnings)).toContain('INK_NOT_DARK_ON_LIGHT');
    const small = image(300, 144, (x, y) =>
      x > 130 && x < 170 && y > 60 && y < 80 && (x + y) % 3 === 0 ? [20, 20, 20] : [245, 245, 245],
    );
    expect(codes(analyseSignature(small).warnings)).toContain('SIGNATURE_WIDE_MARGINS');
    expect(
      codes(analyseSignature(sig(20, 245, (_x, y) => y === 130 || y === 131)).warnings),
    ).toContain('SIGNATURE_EXTRA_MARKS');
  });
});
