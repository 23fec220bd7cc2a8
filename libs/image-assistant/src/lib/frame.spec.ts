import fc from 'fast-check';
import {
  centredFrame,
  clampFrame,
  type Frame,
  FRAME_RATIO,
  frameCorners,
  frameForFace,
  MAX_STRAIGHTEN_DEG,
  outputTransform,
  panFrame,
  straightenFrame,
  turnFrame,
  zoomFrame,
} from './frame';

const phone = { width: 3024, height: 4032 };
const inside = (f: Frame, img: { width: number; height: number }) =>
  frameCorners(f).every(
    (p) => p.x >= -1e-6 && p.y >= -1e-6 && p.x <= img.width + 1e-6 && p.y <= img.height + 1e-6,
  );

describe('frame geometry', () => {
  it('starts centred and as large as the picture allows, at 35:45', () => {
    const f = centredFrame(phone);
    expect(f.cx).toBeCloseTo(1512);
    expect(f.cy).toBeCloseTo(2016);
    // 3024 / (35/45) = 3888 ≤ 4032: the width is the limit.
    expect(f.height).toBeCloseTo(3024 / FRAME_RATIO);
    expect(inside(f, phone)).toBe(true);
  });

  it('frameForFace(null) is the centred frame', () => {
    expect(frameForFace(null, phone)).toEqual(centredFrame(phone));
  });

  it('frameForFace puts a head of 34 mm of 45 centred horizontally, its centre at 22 mm from the top', () => {
    const face = { x: 1200, y: 1000, width: 600, height: 800 };
    const f = frameForFace(face, phone);
    expect(f.height).toBeCloseTo((800 * 45) / 34);
    expect(f.cx).toBeCloseTo(1500);
    const top = f.cy - f.height / 2;
    expect(((1400 - top) / f.height) * 45).toBeCloseTo(22);
  });

  it('frameForFace near an edge stays inside the picture', () => {
    const f = frameForFace({ x: 0, y: 0, width: 500, height: 700 }, phone);
    expect(inside(f, phone)).toBe(true);
  });

  it('a quarter turn of a landscape picture of a portrait', () => {
    const landscape = { width: 4032, height: 3024 };
    const f = turnFrame(centredFrame(landscape), 1, landscape);
    expect(f.quarterTurns).toBe(1);
    // Turned, the frame's height runs along the picture's width.
    expect(f.height).toBeCloseTo(Math.min(4032, 3024 / FRAME_RATIO));
    expect(inside(f, landscape)).toBe(true);
    expect(turnFrame(f, -1, landscape).quarterTurns).toBe(0);
    expect(turnFrame(f, 3, landscape).quarterTurns).toBe(0);
  });

  it('pan follows the finger: dragging right shows what is left of the frame', () => {
    const f = zoomFrame(centredFrame(phone), 2, phone);
    const moved = panFrame(f, 100, 0, 500, phone);
    expect(moved.cx).toBeLessThan(f.cx);
    expect(moved.cx).toBeCloseTo(f.cx - (100 * f.height) / 500);
    expect(moved.cy).toBeCloseTo(f.cy);
  });

  it('zoom is bounded: never larger than the picture, never under the minimum', () => {
    const f = centredFrame(phone);
    expect(zoomFrame(f, 0.1, phone).height).toBeCloseTo(f.height);
    expect(zoomFrame(f, 1000, phone).height).toBe(48);
    expect(zoomFrame(f, 0, phone)).toBe(f);
  });

  it('straighten is limited to ±15°', () => {
    const f = centredFrame(phone);
    expect(straightenFrame(f, 40, phone).straighten).toBe(MAX_STRAIGHTEN_DEG);
    expect(straightenFrame(f, -40, phone).straighten).toBe(-MAX_STRAIGHTEN_DEG);
    expect(inside(straightenFrame(f, 7, phone), phone)).toBe(true);
  });

  it('outputTransform maps the frame centre to the output centre and its corners to the output corners', () => {
    const out = { width: 413, height: 531 };
    const f = straightenFrame(zoomFrame(centredFrame(phone), 1.7, phone), 5, phone);
    const [a, b, c, d, e, g] = outputTransform(f, out);
    const map = (p: { x: number; y: number }) => ({
      x: a * p.x + c * p.y + e,
      y: b * p.x + d * p.y + g,
    });
    const centre = map({ x: f.cx, y: f.cy });
    expect(centre.x).toBeCloseTo(206.5);
    expect(centre.y).toBeCloseTo(265.5);
    const corners = frameCorners(f).map(map);
    const expected = [
      [0, 0],
      [413, 0],
      [413, 531],
      [0, 531],
    ];
    corners.forEach((p, i) => {
      expect(p.x).toBeCloseTo(expected[i][0], 6);
      expect(p.y).toBeCloseTo(expected[i][1], 6);
    });
  });

  it('property: whatever the moves, the frame stays inside the picture, at 35:45, with valid turns', () => {
    const size = fc.record({
      width: fc.integer({ min: 60, max: 9000 }),
      height: fc.integer({ min: 60, max: 9000 }),
    });
    const move = fc.oneof(
      fc.record({
        t: fc.constant('pan' as const),
        dx: fc.double({ min: -5000, max: 5000, noNaN: true }),
        dy: fc.double({ min: -5000, max: 5000, noNaN: true }),
      }),
      fc.record({
        t: fc.constant('zoom' as const),
        k: fc.double({ min: 0.01, max: 100, noNaN: true }),
      }),
      fc.record({ t: fc.constant('turn' as const), q: fc.integer({ min: -5, max: 5 }) }),
      fc.record({
        t: fc.constant('straighten' as const),
        deg: fc.double({ min: -90, max: 90, noNaN: true }),
      }),
    );
    const face = fc.option(
      fc.record({
        x: fc.double({ min: -100, max: 9000, noNaN: true }),
        y: fc.double({ min: -100, max: 9000, noNaN: true }),
        width: fc.double({ min: 0, max: 5000, noNaN: true }),
        height: fc.double({ min: 0, max: 5000, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(size, face, fc.array(move, { maxLength: 20 }), (img, faceBox, moves) => {
        let f = frameForFace(faceBox, img);
        expect(inside(f, img)).toBe(true);
        for (const m of moves) {
          if (m.t === 'pan') f = panFrame(f, m.dx, m.dy, 400, img);
          else if (m.t === 'zoom') f = zoomFrame(f, m.k, img);
          else if (m.t === 'turn') f = turnFrame(f, m.q, img);
          else f = straightenFrame(f, m.deg, img);
          expect(inside(f, img)).toBe(true);
          expect([0, 1, 2, 3]).toContain(f.quarterTurns);
          expect(Math.abs(f.straighten)).toBeLessThanOrEqual(MAX_STRAIGHTEN_DEG);
          expect(f.height).toBeGreaterThan(0);
          expect(clampFrame(f, img)).toEqual(f);
        }
      }),
    );
  });
});
