import {
  CRITERIA,
  DPI_MAX,
  DPI_MIN,
  emptyMeasured,
  ERROR_CODES,
  ErrorCode,
  evaluate,
  formatBytesFr,
  formatFr,
  MAX_PIXELS,
  type Measured,
  NNBSP,
  NOMINAL,
  physicalSizeMm,
  type Verdict,
} from '../index';

/** A JPEG measured at `dpi` whose pixel size gives exactly `wMm × hMm`. */
function jpeg(over: Partial<Measured> = {}): Measured {
  return {
    ...emptyMeasured(40_000),
    format: 'jpeg',
    analysed: true,
    widthPx: 413,
    heightPx: 531,
    announcedPixels: 413 * 531,
    dpiX: 300,
    dpiY: 300,
    dpiSource: 'jfif',
    ...over,
  };
}

function pdf(over: Partial<Measured> = {}): Measured {
  return {
    ...emptyMeasured(40_000),
    format: 'pdf',
    analysed: true,
    pdfPages: 1,
    hasImage: true,
    widthPx: 413,
    heightPx: 531,
    announcedPixels: 413 * 531,
    dpiX: 300,
    dpiY: 300,
    dpiSource: 'pdf',
    pageWidthPt: (35 / 25.4) * 72,
    pageHeightPt: (45 / 25.4) * 72,
    ...over,
  };
}

const codes = (v: Verdict): string[] => v.errors.map((e) => e.code);

/** Pixel size giving `mm` millimetres at `dpi`. */
const px = (mm: number, dpi: number): number => (mm / 25.4) * dpi;

describe('nominal table', () => {
  it('has the spec figures', () => {
    expect(NOMINAL.photo).toMatchObject({ widthMm: 35, heightMm: 45, maxBytes: 81_920 });
    expect(NOMINAL.signature).toMatchObject({ widthMm: 25, heightMm: 12, maxBytes: 51_200 });
    expect(NOMINAL.photo.ratio).toBeCloseTo(0.7778, 4);
    expect(NOMINAL.signature.ratio).toBeCloseTo(2.0833, 4);
    expect([DPI_MIN, DPI_MAX, MAX_PIXELS]).toEqual([300, 400, 40_000_000]);
  });

  it('lists exactly the spec codes in check order', () => {
    expect(ERROR_CODES).toEqual([
      'EMPTY',
      'TOO_LARGE',
      'UNSUPPORTED_FORMAT',
      'CORRUPT',
      'PDF_PAGES',
      'PDF_NO_IMAGE',
      'PDF_UNSAFE',
      'DPI_MISSING',
      'DPI_OUT_OF_RANGE',
      'RATIO',
      'DIMENSIONS',
      'TOO_MANY_PIXELS',
    ]);
  });
});

describe('evaluate: a nominal file', () => {
  it('accepts a 413×531 photo at 300 DPI', () => {
    const v = evaluate(jpeg(), 'photo');
    expect(v).toMatchObject({ kind: 'photo', valid: true, errors: [], warnings: [] });
  });

  it('accepts a 295×142 signature at 300 DPI and a one-page PDF', () => {
    expect(evaluate(jpeg({ widthPx: 295, heightPx: 142 }), 'signature').valid).toBe(true);
    expect(evaluate(pdf(), 'photo').valid).toBe(true);
  });

  it('keeps the measured figures in the verdict', () => {
    const m = jpeg();
    expect(evaluate(m, 'photo').measured).toBe(m);
  });
});

describe('EMPTY and TOO_LARGE', () => {
  it('EMPTY stops everything', () => {
    const v = evaluate(emptyMeasured(0), 'photo');
    expect(codes(v)).toEqual(['EMPTY']);
    expect(v.errors[0].message).toContain('0 octet');
  });

  it('81,920 bytes is accepted, 81,921 refused (photo)', () => {
    expect(codes(evaluate(jpeg({ bytes: 81_920 }), 'photo'))).toEqual([]);
    const v = evaluate(jpeg({ bytes: 81_921 }), 'photo');
    expect(codes(v)).toEqual(['TOO_LARGE']);
    expect(v.errors[0].message).toBe(
      `Poids mesuré : 81${NNBSP}921 octets (80,0 Ko). Attendu : au plus 81${NNBSP}920 octets (80 Ko).`,
    );
  });

  it('51,200 bytes is accepted, 51,201 refused (signature)', () => {
    const sig = { widthPx: 295, heightPx: 142 };
    expect(codes(evaluate(jpeg({ ...sig, bytes: 51_200 }), 'signature'))).toEqual([]);
    expect(codes(evaluate(jpeg({ ...sig, bytes: 51_201 }), 'signature'))).toEqual(['TOO_LARGE']);
  });

  it('a large file is still measured: every other failing check is reported too', () => {
    const v = evaluate(jpeg({ bytes: 200_000, dpiX: 72, dpiY: 72 }), 'photo');
    expect(codes(v)).toEqual(['TOO_LARGE', 'DPI_OUT_OF_RANGE', 'DIMENSIONS']);
  });

  it('over the hard cap (not analysed) only TOO_LARGE', () => {
    const m: Measured = { ...emptyMeasured(20_000_000), format: 'jpeg' };
    expect(codes(evaluate(m, 'photo'))).toEqual(['TOO_LARGE']);
  });
});

describe('UNSUPPORTED_FORMAT and CORRUPT', () => {
  it('names the detected format', () => {
    const v = evaluate({ ...emptyMeasured(1000), detectedFormat: 'png' }, 'photo');
    expect(codes(v)).toEqual(['UNSUPPORTED_FORMAT']);
    expect(v.errors[0].message).toContain('Format détecté : PNG');
    expect(v.errors[0].message).toContain('Attendu : JPEG ou PDF');
  });

  it('too large and unsupported are both reported', () => {
    expect(codes(evaluate({ ...emptyMeasured(100_000), detectedFormat: 'gif' }, 'photo'))).toEqual([
      'TOO_LARGE',
      'UNSUPPORTED_FORMAT',
    ]);
  });

  it('CORRUPT stops the content checks, with a message per reason', () => {
    for (const reason of [
      'jpeg-header',
      'jpeg-data',
      'pdf-truncated',
      'pdf-structure',
      'pdf-bomb',
      'pdf-timeout',
      'pdf-image',
      'pdf-filter',
    ] as const) {
      const v = evaluate(jpeg({ corrupt: reason, dpiX: 72, dpiY: 72 }), 'photo');
      expect(codes(v)).toEqual(['CORRUPT']);
      expect(v.errors[0].message.length).toBeGreaterThan(20);
      expect(v.errors[0].hint.length).toBeGreaterThan(20);
    }
    expect(evaluate(pdf({ corrupt: 'pdf-timeout' }), 'photo').errors[0].message).toContain(
      "n'a pas pu être analysé",
    );
  });
});

describe('PDF checks', () => {
  it('PDF_PAGES when not exactly one page', () => {
    expect(codes(evaluate(pdf({ pdfPages: 2 }), 'photo'))).toEqual(['PDF_PAGES']);
    expect(evaluate(pdf({ pdfPages: 2 }), 'photo').errors[0].message).toBe(
      'Nombre de pages mesuré : 2. Attendu : exactement 1 page.',
    );
    expect(codes(evaluate(pdf({ pdfPages: 0, hasImage: null }), 'photo'))).toEqual(['PDF_PAGES']);
  });

  it('PDF_NO_IMAGE checks the page size but not the resolution', () => {
    const v = evaluate(
      pdf({
        hasImage: false,
        widthPx: null,
        heightPx: null,
        dpiX: null,
        dpiY: null,
        announcedPixels: null,
      }),
      'photo',
    );
    expect(codes(v)).toEqual(['PDF_NO_IMAGE']);
  });

  it('PDF_UNSAFE lists what was found', () => {
    const v = evaluate(pdf({ unsafe: ['javascript', 'embedded-file'] }), 'photo');
    expect(codes(v)).toEqual(['PDF_UNSAFE']);
    expect(v.errors[0].message).toContain('JavaScript');
    expect(v.errors[0].message).toContain('fichier joint');
  });

  it('an A4 page fails DIMENSIONS (its ratio 0.707 is within 10 % of 0.778)', () => {
    const v = evaluate(
      pdf({ pageWidthPt: 595.28, pageHeightPt: 841.89, dpiX: 50, dpiY: 50 }),
      'photo',
    );
    expect(codes(v)).toEqual(['DPI_OUT_OF_RANGE', 'DIMENSIONS']);
  });

  it('never reports DPI_MISSING for a PDF', () => {
    expect(codes(evaluate(pdf({ dpiX: null, dpiY: null, hasImage: false }), 'photo'))).toEqual([
      'PDF_NO_IMAGE',
    ]);
  });
});

describe('resolution', () => {
  it('DPI_MISSING when no resolution, and DIMENSIONS is then skipped', () => {
    const v = evaluate(jpeg({ dpiX: null, dpiY: null, widthPx: 4000, heightPx: 5000 }), 'photo');
    expect(codes(v)).toEqual(['DPI_MISSING']);
  });

  it('without resolution, RATIO is judged on pixels', () => {
    const v = evaluate(jpeg({ dpiX: null, dpiY: null, widthPx: 1000, heightPx: 1000 }), 'photo');
    expect(codes(v)).toEqual(['DPI_MISSING', 'RATIO']);
    expect(v.errors[1].message).toContain('en pixels');
  });

  it('300 and 400 are accepted, 299 and 401 refused', () => {
    for (const dpi of [300, 400]) {
      const m = jpeg({
        dpiX: dpi,
        dpiY: dpi,
        widthPx: Math.round(px(35, dpi)),
        heightPx: Math.round(px(45, dpi)),
      });
      expect(codes(evaluate(m, 'photo'))).toEqual([]);
    }
    for (const dpi of [299, 401]) {
      const m = jpeg({
        dpiX: dpi,
        dpiY: dpi,
        widthPx: Math.round(px(35, dpi)),
        heightPx: Math.round(px(45, dpi)),
      });
      expect(codes(evaluate(m, 'photo'))).toEqual(['DPI_OUT_OF_RANGE']);
    }
  });

  it('rounds before comparing: 299.5 → 300 passes, 299.4 → 299 fails; 400.4 passes, 400.5 fails', () => {
    expect(codes(evaluate(jpeg({ dpiX: 299.5, dpiY: 299.5 }), 'photo'))).toEqual([]);
    expect(codes(evaluate(jpeg({ dpiX: 299.4, dpiY: 299.4 }), 'photo'))).toEqual([
      'DPI_OUT_OF_RANGE',
    ]);
    const at400 = { widthPx: 551, heightPx: 709 };
    expect(codes(evaluate(jpeg({ ...at400, dpiX: 400.4, dpiY: 400.4 }), 'photo'))).toEqual([]);
    expect(codes(evaluate(jpeg({ ...at400, dpiX: 400.5, dpiY: 400.5 }), 'photo'))).toEqual([
      'DPI_OUT_OF_RANGE',
    ]);
  });

  it('118 dpcm (299.72 DPI) is 300 DPI, and the size is computed with 300', () => {
    const m = jpeg({ dpiX: 118 * 2.54, dpiY: 118 * 2.54 });
    expect(codes(evaluate(m, 'photo'))).toEqual([]);
    expect(physicalSizeMm(m)?.width).toBeCloseTo((413 / 300) * 25.4, 10);
  });

  it('either axis out of range fails, and the message shows both', () => {
    const v = evaluate(jpeg({ dpiX: 300, dpiY: 72 }), 'photo');
    expect(codes(v)).toContain('DPI_OUT_OF_RANGE');
    expect(v.errors[0].message).toBe(
      'Résolution mesurée : 300 × 72 DPI (horizontale × verticale). Attendue : entre 300 et 400 DPI.',
    );
  });

  it('states measured vs expected as in the spec example', () => {
    const v = evaluate(jpeg({ dpiX: 72, dpiY: 72 }), 'photo');
    expect(v.errors[0]).toMatchObject({
      code: 'DPI_OUT_OF_RANGE',
      message: 'Résolution mesurée : 72 DPI. Attendue : entre 300 et 400 DPI.',
    });
    expect(v.errors[0].hint).toContain('300 DPI');
  });
});

describe('RATIO (on millimetres)', () => {
  // Photo 45 mm high at 300 DPI; widths giving a ratio of nominal × k.
  const h = 45;
  const withRatio = (k: number): Measured => {
    const wMm = h * NOMINAL.photo.ratio * k;
    return { ...jpeg(), widthPx: null, heightPx: null, format: 'jpeg', widthMm: wMm, heightMm: h };
  };

  it('accepts exactly ±10 % and refuses just outside', () => {
    expect(codes(evaluate(withRatio(0.9), 'photo'))).not.toContain('RATIO');
    expect(codes(evaluate(withRatio(1.1), 'photo'))).not.toContain('RATIO');
    expect(codes(evaluate(withRatio(0.899), 'photo'))).toContain('RATIO');
    expect(codes(evaluate(withRatio(1.101), 'photo'))).toContain('RATIO');
  });

  it('uses millimetres, not pixels, when X and Y resolutions differ', () => {
    // 413×531 px but 300 × 386 DPI: pixels look nominal, physically squashed.
    const m = jpeg({ dpiX: 300, dpiY: 386 });
    expect(codes(evaluate(m, 'photo'))).toEqual(['RATIO', 'DIMENSIONS']);
    // 413×683 px at 300 × 386 DPI: pixel ratio is off, physical ratio fine.
    const n = jpeg({ widthPx: 413, heightPx: 683, dpiX: 300, dpiY: 386 });
    expect(codes(evaluate(n, 'photo'))).toEqual([]);
  });

  it('signature ratio edges', () => {
    const sig = (k: number): Measured => ({
      ...jpeg(),
      widthPx: null,
      heightPx: null,
      widthMm: 12 * NOMINAL.signature.ratio * k,
      heightMm: 12,
    });
    expect(codes(evaluate(sig(1.1), 'signature'))).toEqual([]);
    expect(codes(evaluate(sig(1.11), 'signature'))).toEqual(['RATIO', 'DIMENSIONS']);
  });
});

describe('DIMENSIONS', () => {
  const sized = (wMm: number, hMm: number, dpi = 300): Measured =>
    jpeg({ widthPx: px(wMm, dpi), heightPx: px(hMm, dpi), dpiX: dpi, dpiY: dpi });

  it('accepts ±10 % exactly, refuses just past', () => {
    expect(codes(evaluate(sized(35 * 1.1, 45 * 1.1), 'photo'))).toEqual([]);
    expect(codes(evaluate(sized(35 * 0.9, 45 * 0.9), 'photo'))).toEqual([]);
    expect(codes(evaluate(sized(35 * 1.102, 45 * 1.102), 'photo'))).toEqual(['DIMENSIONS']);
    expect(codes(evaluate(sized(35 * 0.898, 45 * 0.898), 'photo'))).toEqual(['DIMENSIONS']);
  });

  it('integer pixel edges at 300 DPI: 454×584 px (38,4 × 49,4 mm) passes, 455×585 fails; 373×479 passes, 372×478 fails', () => {
    expect(codes(evaluate(jpeg({ widthPx: 454, heightPx: 584 }), 'photo'))).toEqual([]);
    expect(codes(evaluate(jpeg({ widthPx: 455, heightPx: 585 }), 'photo'))).toEqual(['DIMENSIONS']);
    expect(codes(evaluate(jpeg({ widthPx: 373, heightPx: 479 }), 'photo'))).toEqual([]);
    expect(codes(evaluate(jpeg({ widthPx: 372, heightPx: 478 }), 'photo'))).toEqual(['DIMENSIONS']);
  });

  it('one axis out is enough, and the message gives both sizes and the range', () => {
    const v = evaluate(sized(35, 52), 'photo');
    expect(codes(v)).toEqual(['RATIO', 'DIMENSIONS']);
    expect(v.errors[1].message).toBe(
      'Dimensions mesurées : 35,0 × 52,0 mm. Attendues : 35 × 45 mm, à 10 % près (largeur de 31,5 à 38,5 mm, hauteur de 40,5 à 49,5 mm).',
    );
  });

  it('PDF page size is the physical size', () => {
    const v = evaluate(pdf({ pageWidthPt: 72 * 2, pageHeightPt: 72 * 2 * (45 / 35) }), 'photo');
    expect(codes(v)).toEqual(['DIMENSIONS']);
  });
});

describe('TOO_MANY_PIXELS', () => {
  it('40,000,000 is accepted, 40,000,001 refused', () => {
    expect(codes(evaluate(jpeg({ announcedPixels: 40_000_000 }), 'photo'))).toEqual([]);
    expect(codes(evaluate(jpeg({ announcedPixels: 40_000_001 }), 'photo'))).toEqual([
      'TOO_MANY_PIXELS',
    ]);
  });

  it('a 60000×60000 header also fails the header-based checks', () => {
    const v = evaluate(
      jpeg({ widthPx: 60_000, heightPx: 60_000, announcedPixels: 3.6e9 }),
      'photo',
    );
    expect(codes(v)).toEqual(['RATIO', 'DIMENSIONS', 'TOO_MANY_PIXELS']);
    expect(v.errors[2].message).toContain(`60${NNBSP}000 × 60${NNBSP}000 pixels`);
    expect(v.errors[2].message).toContain(`3${NNBSP}600 millions de pixels`);
  });
});

describe('every failing check is reported, in spec order', () => {
  it('all content codes at once', () => {
    const v = evaluate(
      pdf({
        bytes: 100_000,
        pdfPages: 3,
        unsafe: ['encryption'],
        dpiX: 72,
        dpiY: 72,
        pageWidthPt: 600,
        pageHeightPt: 300,
        announcedPixels: 50_000_000,
      }),
      'photo',
    );
    expect(codes(v)).toEqual([
      'TOO_LARGE',
      'PDF_PAGES',
      'PDF_UNSAFE',
      'DPI_OUT_OF_RANGE',
      'RATIO',
      'DIMENSIONS',
      'TOO_MANY_PIXELS',
    ]);
    expect(v.valid).toBe(false);
  });

  it('each code has a French message and a hint', () => {
    const seen = new Set<string>();
    const samples: [Measured, 'photo' | 'signature'][] = [
      [emptyMeasured(0), 'photo'],
      [{ ...emptyMeasured(10), detectedFormat: 'unknown' }, 'photo'],
      [jpeg({ corrupt: 'jpeg-data' }), 'photo'],
      [pdf({ pdfPages: 2, hasImage: false, unsafe: ['launch'] }), 'photo'],
      [jpeg({ bytes: 90_000, dpiX: null, dpiY: null, widthPx: 10, heightPx: 90 }), 'photo'],
      [jpeg({ dpiX: 10, dpiY: 10, announcedPixels: 1e9 }), 'signature'],
    ];
    for (const [m, k] of samples) {
      for (const e of evaluate(m, k).errors) {
        seen.add(e.code);
        expect(e.message).toMatch(/\S/);
        expect(e.hint).toMatch(/\S/);
      }
    }
    expect([...seen].sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(ErrorCode)).toHaveLength(12);
  });
});

describe('French formatting and criteria', () => {
  it('formats numbers the French way', () => {
    expect(formatFr(145.69, 1)).toBe('145,7');
    expect(formatFr(81921)).toBe(`81${NNBSP}921`);
    expect(formatFr(0.7778, 3)).toBe('0,778');
    expect(formatFr(3600, 1, true)).toBe(`3${NNBSP}600`);
    expect(formatFr(-2.5, 1)).toBe('-2,5');
    expect(formatBytesFr(51_200)).toBe(`51${NNBSP}200 octets (50 Ko)`);
  });

  it('criteria cover format, weight, resolution and dimensions for both kinds', () => {
    for (const kind of ['photo', 'signature'] as const) {
      const labels = CRITERIA[kind].items.map((i) => i.label);
      expect(labels).toEqual(
        expect.arrayContaining(['Format', 'Poids', 'Résolution', 'Dimensions']),
      );
    }
    const photoText = CRITERIA.photo.items.map((i) => i.text).join(' ');
    expect(photoText).toContain('80 Ko');
    expect(photoText).toContain('35 mm de large sur 45 mm de haut');
    expect(photoText).toContain('413 × 531 pixels à 300 DPI');
    const sigText = CRITERIA.signature.items.map((i) => i.text).join(' ');
    expect(sigText).toContain('50 Ko');
    expect(sigText).toContain('295 × 142 pixels');
  });
});

describe('hints for phone users', () => {
  const jpegOf = (width: number, height: number, dpi: number, bytes: number) => {
    const m = emptyMeasured(bytes);
    Object.assign(m, {
      format: 'jpeg',
      detectedFormat: 'jpeg',
      analysed: true,
      widthPx: width,
      heightPx: height,
      announcedPixels: width * height,
      dpiX: dpi,
      dpiY: dpi,
      dpiSource: 'jfif',
    });
    return m;
  };

  it('point to the assistant, never to a scanner or a JPEG quality', () => {
    const verdict = evaluate(jpegOf(3024, 4032, 72, 3_000_000), 'photo');
    expect(verdict.errors.map((e) => e.code)).toEqual([
      'TOO_LARGE',
      'DPI_OUT_OF_RANGE',
      'DIMENSIONS',
    ]);
    for (const error of verdict.errors) {
      expect(error.hint).toContain('« Corriger ma photo »');
      expect(error.hint).not.toMatch(/scanner|numérisez|qualité|80 %/i);
    }
    expect(evaluate(jpegOf(3024, 4032, 72, 3_000_000), 'signature').errors[0].hint).toContain(
      '« Corriger ma signature »',
    );
  });

  it('never advise resizing to the size the file already has (413 × 531 at 72 DPI)', () => {
    const verdict = evaluate(jpegOf(413, 531, 72, 40_000), 'photo');
    expect(verdict.errors.map((e) => e.code)).toEqual(['DPI_OUT_OF_RANGE', 'DIMENSIONS']);
    for (const error of verdict.errors) {
      expect(error.hint).not.toMatch(/redimensionn|réduisez|agrandissez/i);
      expect(error.hint).toContain('pixels sont');
    }
  });
});
