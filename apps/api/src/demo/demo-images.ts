import sharp from 'sharp';

/**
 * The demo's submitted and decided images, drawn pixel by pixel at seed time (no binary file in
 * the repository, and this sharp build reads no SVG): a head-and-shoulders silhouette on a plain
 * light background, 35 × 45 mm at 300 DPI, and a pen stroke, 25 × 12 mm at 300 DPI. Both pass
 * the card factory's rules, so the agent's review of the demo shows a photo to look at.
 */
type Rgb = [number, number, number];

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

function portraitColour(x: number, y: number): Rgb {
  const skin: Rgb = [214, 170, 140];
  if (inEllipse(x, y, 176, 236, 9, 6) || inEllipse(x, y, 236, 236, 9, 6)) return [43, 43, 43];
  if (Math.abs(x - 206) < 24 && Math.abs(y - (310 - ((x - 206) / 24) ** 2 * 8)) < 3)
    return [140, 79, 68];
  const hair = inEllipse(x, y, 206, 200, 92, 92) && y < 175 + Math.abs(x - 206) * 0.35;
  if (hair) return [59, 42, 34];
  if (inEllipse(x, y, 206, 235, 86, 110)) return skin;
  if (y > 320 && y < 400 && Math.abs(x - 206) < 34) return [201, 154, 124];
  if (y > 380 && inEllipse(x, y, 206, 560, 175, 175)) return [47, 62, 86];
  const shade = 233 - Math.round((y / 531) * 14);
  return [shade, shade + 4, shade + 8];
}

function pixels(width: number, height: number, colour: (x: number, y: number) => Rgb): Buffer {
  const buffer = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) buffer.set(colour(x, y), (y * width + x) * 3);
  }
  return buffer;
}

/** A looping pen stroke: distance to a sampled curve, a 2-pixel-wide line. */
function signatureColour(): (x: number, y: number) => Rgb {
  const points: [number, number][] = [];
  for (let t = 0; t <= 1; t += 0.002) {
    points.push([
      25 + t * 245,
      75 - Math.sin(t * Math.PI * 5) * 28 * (1 - t * 0.4) + Math.cos(t * Math.PI * 11) * 8,
    ]);
  }
  for (let t = 0; t <= 1; t += 0.004) points.push([40 + t * 222, 112 - Math.sin(t * Math.PI) * 5]);
  const ink = new Set<number>();
  for (const [px, py] of points) {
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) ink.add(Math.round(py + dy) * 1000 + Math.round(px + dx));
  }
  return (x, y) => (ink.has(y * 1000 + x) ? [26, 26, 64] : [255, 255, 255]);
}

const jpeg300 = (width: number, height: number, colour: (x: number, y: number) => Rgb) =>
  sharp(pixels(width, height, colour), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82 })
    .withMetadata({ density: 300 })
    .toBuffer();

let drawn: Promise<{ photo: Buffer; signature: Buffer }> | undefined;

/** The demo's photo and signature as JPEGs at 300 DPI (drawn once per process). */
export function demoImages(): Promise<{ photo: Buffer; signature: Buffer }> {
  drawn ??= Promise.all([
    jpeg300(413, 531, portraitColour),
    jpeg300(295, 142, signatureColour()),
  ]).then(([photo, signature]) => ({ photo, signature }));
  return drawn;
}
