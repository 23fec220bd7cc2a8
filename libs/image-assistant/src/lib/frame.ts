/**
 * The photo editor's frame, in the coordinates of the picture as displayed (EXIF orientation
 * already applied): a 35:45 rectangle of height `height` source pixels, centred on (cx, cy),
 * turned by `quarterTurns` × 90° plus `straighten` degrees. Whatever the driver does, the frame
 * stays wholly inside the picture: the output never holds a pixel that was not in the photo.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Frame {
  cx: number;
  cy: number;
  /** Frame height in source pixels (its width is height × FRAME_RATIO). */
  height: number;
  /** Quarter turns applied to the picture as the driver sees it, 0–3, clockwise. */
  quarterTurns: number;
  /** Fine straightening of the picture, degrees, within ±MAX_STRAIGHTEN_DEG, clockwise positive. */
  straighten: number;
}

/** A face (head: crown to chin, ear to ear) found in the picture, source pixels. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const FRAME_RATIO = 35 / 45;
export const FRAME_HEIGHT_MM = 45;
export const MAX_STRAIGHTEN_DEG = 15;
/** Smallest frame, source pixels (past it the output would be mostly blur). */
export const MIN_FRAME_HEIGHT = 48;

/**
 * The head guide of the French rule, millimetres from the top of the 45 mm frame: the head
 * (chin to crown) is 32 to 36 mm tall, centred horizontally; both ovals share a centre placed
 * HEAD_CENTRE_MM from the top (a little above the middle, leaving room for the shoulders).
 */
export const HEAD_GUIDE = { minMm: 32, maxMm: 36, centreMm: 22, widthToHeight: 0.72 } as const;

/** The frame's angle in the source (the picture turns clockwise, so the frame turns the other way). */
export function angleRad(frame: Frame): number {
  return (-(frame.quarterTurns * 90 + frame.straighten) * Math.PI) / 180;
}

/** Axis-aligned size, in source pixels, of the turned frame. */
function boundsOf(height: number, angle: number): Size {
  const w = height * FRAME_RATIO;
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  return { width: w * c + height * s, height: w * s + height * c };
}

/** Largest frame height that fits in the picture at this angle. */
export function maxFrameHeight(image: Size, angle: number): number {
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  return Math.min(image.width / (FRAME_RATIO * c + s), image.height / (FRAME_RATIO * s + c));
}

function clampNumber(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** The frame made valid: turns in 0–3, straighten within bounds, size and centre inside the picture. */
export function clampFrame(frame: Frame, image: Size): Frame {
  const quarterTurns = (((Math.round(frame.quarterTurns) % 4) + 4) % 4) as number;
  const straighten = clampNumber(frame.straighten, -MAX_STRAIGHTEN_DEG, MAX_STRAIGHTEN_DEG);
  const turned = { ...frame, quarterTurns, straighten };
  const angle = angleRad(turned);
  const maxH = maxFrameHeight(image, angle);
  const height = clampNumber(frame.height, Math.min(MIN_FRAME_HEIGHT, maxH), maxH);
  const b = boundsOf(height, angle);
  return {
    quarterTurns,
    straighten,
    height,
    cx: clampNumber(frame.cx, b.width / 2, image.width - b.width / 2),
    cy: clampNumber(frame.cy, b.height / 2, image.height - b.height / 2),
  };
}

/** The largest upright frame, centred. */
export function centredFrame(image: Size): Frame {
  return clampFrame(
    { cx: image.width / 2, cy: image.height / 2, height: Infinity, quarterTurns: 0, straighten: 0 },
    image,
  );
}

/**
 * The editor's first frame: on the face when one was found (the head fills the middle of the
 * guide, 34 mm of 45, centred horizontally at the guide's height), else centred.
 */
export function frameForFace(face: FaceBox | null, image: Size): Frame {
  if (face === null || !(face.width > 0) || !(face.height > 0)) return centredFrame(image);
  const headMm = (HEAD_GUIDE.minMm + HEAD_GUIDE.maxMm) / 2;
  const height = (face.height * FRAME_HEIGHT_MM) / headMm;
  const headCentreY = face.y + face.height / 2;
  const cy = headCentreY + ((FRAME_HEIGHT_MM / 2 - HEAD_GUIDE.centreMm) / FRAME_HEIGHT_MM) * height;
  return clampFrame(
    { cx: face.x + face.width / 2, cy, height, quarterTurns: 0, straighten: 0 },
    image,
  );
}

/**
 * Drags the picture under the frame by (dx, dy) on screen, where the frame is shown `viewHeight`
 * pixels tall: the picture follows the finger, so the frame moves the other way in the picture.
 */
export function panFrame(
  frame: Frame,
  dx: number,
  dy: number,
  viewHeight: number,
  image: Size,
): Frame {
  const k = frame.height / viewHeight;
  const a = angleRad(frame);
  const c = Math.cos(a);
  const s = Math.sin(a);
  // Screen axes are the frame's axes; the frame's axes are the source's turned by `a`.
  const sx = -(dx * c - dy * s) * k;
  const sy = -(dx * s + dy * c) * k;
  return clampFrame({ ...frame, cx: frame.cx + sx, cy: frame.cy + sy }, image);
}

/** Zooms in (factor > 1) or out (< 1) around the frame's centre. */
export function zoomFrame(frame: Frame, factor: number, image: Size): Frame {
  if (!(factor > 0)) return frame;
  return clampFrame({ ...frame, height: frame.height / factor }, image);
}

/**
 * Turns the picture a quarter clockwise (+1) or counter-clockwise (−1); the frame keeps its centre
 * and its zoom, except that a frame as large as the picture stays as large as the turned picture.
 */
export function turnFrame(frame: Frame, quarters: number, image: Size): Frame {
  const wasLargest = frame.height >= maxFrameHeight(image, angleRad(frame)) - 1e-6;
  return clampFrame(
    {
      ...frame,
      height: wasLargest ? Infinity : frame.height,
      quarterTurns: frame.quarterTurns + quarters,
    },
    image,
  );
}

/** Sets the fine straightening, degrees. */
export function straightenFrame(frame: Frame, degrees: number, image: Size): Frame {
  return clampFrame({ ...frame, straighten: degrees }, image);
}

/** The frame's four corners in source pixels (top-left, top-right, bottom-right, bottom-left of the output). */
export function frameCorners(frame: Frame): { x: number; y: number }[] {
  const a = angleRad(frame);
  const c = Math.cos(a);
  const s = Math.sin(a);
  const hw = (frame.height * FRAME_RATIO) / 2;
  const hh = frame.height / 2;
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([u, v]) => ({ x: frame.cx + u * c - v * s, y: frame.cy + u * s + v * c }));
}

/**
 * The 2D affine transform [a, b, c, d, e, f] (canvas `setTransform` order) that draws the
 * source picture so that the frame fills an output of `out` pixels.
 */
export function outputTransform(
  frame: Frame,
  out: Size,
): [number, number, number, number, number, number] {
  const k = out.height / frame.height;
  const t = -angleRad(frame);
  const c = Math.cos(t) * k;
  const s = Math.sin(t) * k;
  // p_out = R(-a)·k·(p_src − centre) + out/2
  return [
    c,
    s,
    -s,
    c,
    out.width / 2 - (c * frame.cx - s * frame.cy),
    out.height / 2 - (s * frame.cx + c * frame.cy),
  ];
}
