import { emptyMeasured, evaluate, type ImageKind, pxToMm, displayMm } from '@t3p/image-rules';
import { OUTPUT } from './output';

describe('output size', () => {
  it.each<ImageKind>(['photo', 'signature'])(
    'a %s written at the output size, density and weight limit passes every rule',
    (kind) => {
      const o = OUTPUT[kind];
      const m = emptyMeasured(o.maxBytes);
      Object.assign(m, {
        format: 'jpeg',
        detectedFormat: 'jpeg',
        analysed: true,
        widthPx: o.width,
        heightPx: o.height,
        announcedPixels: o.width * o.height,
        dpiX: o.dpi,
        dpiY: o.dpi,
        dpiSource: 'jfif',
        widthMm: displayMm(pxToMm(o.width, o.dpi)),
        heightMm: displayMm(pxToMm(o.height, o.dpi)),
      });
      expect(evaluate(m, kind).errors).toEqual([]);
    },
  );

  it('is 413 × 531 at 300 DPI for the photo, 295 × 142 for the signature', () => {
    expect(OUTPUT.photo).toEqual({
      kind: 'photo',
      width: 413,
      height: 531,
      dpi: 300,
      maxBytes: 81920,
    });
    expect(OUTPUT.signature).toEqual({
      kind: 'signature',
      width: 295,
      height: 142,
      dpi: 300,
      maxBytes: 51200,
    });
  });
});
