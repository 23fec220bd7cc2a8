import fc from 'fast-check';
import type { GrayImage } from './gray';
import { grayFromRgba, rgbaFromGray } from './gray';
import { cropAroundInk, inkBounds, strokesBounds } from './ink';
import { levelInk, paperLevel, stretchInk, threshold } from './levels';

function page(width: number, height: number, paper: (x: number, y: number) => number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = paper(x, y);
  return { width, height, data };
}

function drawStroke(
  g: GrayImage,
  x0: number,
  x1: number,
  y0: number,
  thickness: number,
  ink: number | ((x: number, y: number) => number),
) {
  for (let y = y0; y < y0 + thickness; y++) {
    for (let x = x0; x <= x1; x++) {
      const yy = y + Math.round(10 * Math.sin(x / 15));
      if (yy >= 0 && yy < g.height)
        g.data[yy * g.width + x] = typeof ink === 'number' ? ink : ink(x, yy);
    }
  }
}

describe('ink bounds', () => {
  it('finds a small signature on a white page and ignores a speck of dust', () => {
    const g = page(1000, 1400, () => 245);
    drawStroke(g, 400, 640, 700, 3, 30);
    g.data[100 * 1000 + 100] = 0; // one dark pixel
    const box = inkBounds(g);
    expect(box).not.toBeNull();
    expect(box?.x).toBe(400);
    expect(box?.width).toBe(241);
    expect(box?.y).toBeGreaterThanOrEqual(689);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(714);
  });

  it('leaves out the table around the page in a phone photo', () => {
    const g = page(600, 800, (x, y) => (x < 40 || x > 560 || y < 50 || y > 750 ? 90 : 228));
    drawStroke(g, 200, 420, 400, 3, 40);
    const box = inkBounds(levelInk(g));
    expect(box?.x).toBe(200);
    expect(box?.width).toBe(221);
  });

  it('on a form, the signature and not the printed line above it', () => {
    const g = page(1240, 1754, () => 250);
    for (let i = 0; i < 20; i++) drawStroke(g, 100 + i * 16, 110 + i * 16, 200, 30, 30); // "Signature du titulaire :"
    drawStroke(g, 650, 1000, 1150, 4, 20);
    drawStroke(g, 680, 980, 1200, 3, 20); // the underline, part of the signature
    const box = inkBounds(levelInk(g));
    expect(box?.x).toBe(650);
    expect(box?.y).toBeGreaterThan(1100);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(1200);
  });

  it('is null on a blank page', () => {
    expect(inkBounds(page(50, 50, () => 250))).toBeNull();
  });

  it('a phone photo with a shadow: the levels make the shadowed paper white and keep the ink', () => {
    // Paper from 240 on the right down to 110 on the left (a hand's shadow); ink is 40 % of the paper there.
    const light = (x: number) => 110 + (130 * x) / 799;
    const g = page(800, 500, (x) => Math.round(light(x)));
    drawStroke(g, 100, 700, 240, 4, (x) => Math.round(light(x) * 0.35));
    // A plain threshold takes the shadow for ink…
    const naive = inkBounds(threshold(g, 128), { ignoreEdges: false });
    expect(naive?.x).toBe(0);
    // …the levels against the local paper do not.
    const levelled = levelInk(g, paperLevel(g));
    const box = inkBounds(levelled);
    expect(box?.x).toBeGreaterThanOrEqual(98);
    expect(box?.x).toBeLessThanOrEqual(102);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThanOrEqual(699);
    // Paper is white, ink is black.
    expect(levelled.data[10 * 800 + 50]).toBe(255);
    expect(levelled.data[10 * 800 + 750]).toBe(255);
  });

  it('thick ink (whole cells of ink) stays ink', () => {
    const g = page(600, 300, () => 235);
    drawStroke(g, 100, 500, 120, 45, 20);
    const levelled = levelInk(g);
    const box = inkBounds(levelled);
    expect(box?.x).toBe(100);
    expect(box?.width).toBe(401);
  });

  it('crops at 25:12 with a margin, about the ink’s centre', () => {
    const crop = cropAroundInk({ x: 100, y: 100, width: 200, height: 40 }, 25 / 12, 0.1);
    expect(crop.width / crop.height).toBeCloseTo(25 / 12);
    expect(crop.width).toBeCloseTo(240);
    expect(crop.x + crop.width / 2).toBeCloseTo(200);
    expect(crop.y + crop.height / 2).toBeCloseTo(120);
    const tall = cropAroundInk({ x: 0, y: 0, width: 50, height: 100 }, 25 / 12, 0);
    expect(tall.height).toBeCloseTo(100);
    expect(tall.width).toBeCloseTo(100 * (25 / 12));
  });

  it('property: the crop holds the ink with its margin and has the ratio', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -500, max: 5000 }),
          y: fc.integer({ min: -500, max: 5000 }),
          width: fc.integer({ min: 1, max: 4000 }),
          height: fc.integer({ min: 1, max: 4000 }),
        }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (ink, margin) => {
          const c = cropAroundInk(ink, 25 / 12, margin);
          const m = Math.max(ink.width, ink.height) * margin - 1e-6;
          expect(c.width / c.height).toBeCloseTo(25 / 12, 9);
          expect(c.x).toBeLessThanOrEqual(ink.x - m);
          expect(c.y).toBeLessThanOrEqual(ink.y - m);
          expect(c.x + c.width).toBeGreaterThanOrEqual(ink.x + ink.width + m);
          expect(c.y + c.height).toBeGreaterThanOrEqual(ink.y + ink.height + m);
        },
      ),
    );
  });

  it('strokes of a signature pad: bounds widened by the pen', () => {
    expect(strokesBounds([], 3)).toBeNull();
    expect(
      strokesBounds(
        [
          [
            { x: 10, y: 20 },
            { x: 110, y: 40 },
          ],
          [{ x: 50, y: 5 }],
        ],
        4,
      ),
    ).toEqual({ x: 8, y: 3, width: 104, height: 39 });
  });

  it('stretchInk makes a thin resampled stroke black again, and leaves a blank page alone', () => {
    const g = page(300, 150, () => 255);
    drawStroke(g, 20, 280, 70, 1, 150);
    const out = stretchInk(g);
    expect(Math.min(...out.data)).toBe(0);
    expect(out.data[5]).toBe(255);
    const blank = page(30, 30, () => 240);
    expect(stretchInk(blank)).toBe(blank);
  });

  it('gray and back: luma of RGBA, transparency read as white paper', () => {
    const g = grayFromRgba(
      Uint8ClampedArray.from([255, 0, 0, 255, 0, 0, 0, 0, 10, 10, 10, 255]),
      3,
      1,
    );
    expect(Array.from(g.data)).toEqual([76, 255, 10]);
    expect(Array.from(rgbaFromGray(g).subarray(0, 4))).toEqual([76, 76, 76, 255]);
  });
});
