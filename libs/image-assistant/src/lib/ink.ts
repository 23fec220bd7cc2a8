import type { GrayImage } from './gray';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InkOptions {
  /** A pixel darker than this (0–255) is ink. */
  dark?: number;
  /** A stroke (8-connected dark pixels) smaller than this is a speck of dust, not ink. */
  minPixels?: number;
  /**
   * Strokes that touch the picture's edge are left out (the table or the page's edge in a phone
   * photo), unless nothing else is found.
   */
  ignoreEdges?: boolean;
}

interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  count: number;
  edge: boolean;
}

/** The 8-connected groups of dark pixels, each with its box, size and whether it touches the edge. */
function darkComponents(gray: GrayImage, dark: number): Component[] {
  const { width, height, data } = gray;
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const components: Component[] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start] >= dark || label[start] !== 0) continue;
    const c: Component = { x0: width, y0: height, x1: -1, y1: -1, count: 0, edge: false };
    components.push(c);
    const id = components.length;
    let top = 0;
    stack[top++] = start;
    label[start] = id;
    while (top > 0) {
      const i = stack[--top];
      const x = i % width;
      const y = (i - x) / width;
      c.count++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) c.edge = true;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (label[j] === 0 && data[j] < dark) {
            label[j] = id;
            stack[top++] = j;
          }
        }
      }
    }
  }
  return components;
}

type Cluster = Component;

/**
 * Groups strokes closer than `gap` pixels (a signature's letters, its underline, a dot) and
 * returns each group's box and ink count.
 */
function clusters(strokes: Component[], gap: number): Cluster[] {
  const parent = strokes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < strokes.length; i++) {
    for (let j = i + 1; j < strokes.length; j++) {
      const a = strokes[i];
      const b = strokes[j];
      const near =
        a.x0 - gap <= b.x1 && b.x0 - gap <= a.x1 && a.y0 - gap <= b.y1 && b.y0 - gap <= a.y1;
      if (near) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Cluster>();
  strokes.forEach((c, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (!g) groups.set(root, { ...c });
    else {
      g.x0 = Math.min(g.x0, c.x0);
      g.y0 = Math.min(g.y0, c.y0);
      g.x1 = Math.max(g.x1, c.x1);
      g.y1 = Math.max(g.y1, c.y1);
      g.count += c.count;
      g.edge ||= c.edge;
    }
  });
  return [...groups.values()];
}

/** At most this many strokes are grouped (the largest): beyond, it is noise, not handwriting. */
const MAX_STROKES = 1500;

/**
 * Bounding box of the signature: strokes (groups of pixels darker than `dark`) of at least
 * `minPixels` pixels, those touching the edge left out when others exist, grouped when closer
 * than 5 % of the picture's longer side; the group with the largest box wins (a signature is
 * taller and wider than a line of printed text on the same page). Null when there is no ink.
 */
export function inkBounds(gray: GrayImage, options: InkOptions = {}): Box | null {
  const dark = options.dark ?? 128;
  const minPixels = options.minPixels ?? 4;
  const strokes = darkComponents(gray, dark)
    .filter((c) => c.count >= minPixels)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_STROKES);
  const inside = strokes.filter((c) => !c.edge);
  const kept = (options.ignoreEdges ?? true) && inside.length > 0 ? inside : strokes;
  if (kept.length === 0) return null;
  const gap = Math.max(4, 0.05 * Math.max(gray.width, gray.height));
  const area = (c: Cluster) => (c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1);
  const best = clusters(kept, gap).reduce((a, b) => (area(b) > area(a) ? b : a));
  return { x: best.x0, y: best.y0, width: best.x1 - best.x0 + 1, height: best.y1 - best.y0 + 1 };
}

/**
 * The crop around the ink: a margin (share of the ink's larger side) on every side, then widened
 * or heightened about its centre to `ratio` (width / height). It may pass the picture's edges:
 * the caller fills outside with white paper.
 */
export function cropAroundInk(ink: Box, ratio: number, margin = 0.08): Box {
  const m = Math.max(ink.width, ink.height) * margin;
  let width = ink.width + 2 * m;
  let height = ink.height + 2 * m;
  if (width / height < ratio) width = height * ratio;
  else height = width / ratio;
  const cx = ink.x + ink.width / 2;
  const cy = ink.y + ink.height / 2;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

export interface Point {
  x: number;
  y: number;
}

/** Bounding box of pen strokes (a signature pad), widened by half the pen's width. */
export function strokesBounds(
  strokes: readonly (readonly Point[])[],
  penWidth: number,
): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const stroke of strokes) {
    for (const p of stroke) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
  }
  if (x0 === Infinity) return null;
  const h = penWidth / 2;
  return { x: x0 - h, y: y0 - h, width: x1 - x0 + penWidth, height: y1 - y0 + penWidth };
}
