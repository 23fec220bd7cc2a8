/**
 * Realistic inputs for the photo and signature assistant, made with sharp (no binary is
 * committed): what drivers' phones and computers produce. Used by the chauffeur e2e suite and
 * written to a folder by `npm run assistant-inputs` (tools/assistant-inputs). The faces are synthetic, drawn as
 * shapes (ellipses for the head, the hair, the eyes, the shoulders) with sensor-like noise so
 * that the files weigh what phone photos weigh; the signatures are pen strokes drawn as SVG
 * paths, on a white A4 page or on a phone photo of paper with a shadow.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ImageKind } from '@t3p/image-rules';

export interface AssistantInput {
  file: string;
  kind: ImageKind;
  mimeType: string;
  description: string;
  /** What the browser will not open (then the assistant must say so): none in this set but the HEIC. */
  undecodable?: true;
  /** Already compliant: the portal must send it unchanged. */
  passesAsIs?: true;
  bytes: Buffer;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

interface Look {
  name: string;
  background: string;
  skin: string;
  hair: string;
  shirt: string;
}

const LOOKS: Look[] = [
  { name: 'fond-clair', background: '#eef1f4', skin: '#d2a68a', hair: '#3b2a20', shirt: '#2f3e5c' },
  {
    name: 'fond-sombre',
    background: '#2b2f36',
    skin: '#e0b899',
    hair: '#1a1410',
    shirt: '#7a2e2e',
  },
  { name: 'fond-beige', background: '#d9cbb0', skin: '#8d5b3e', hair: '#0f0b09', shirt: '#e8e8e8' },
  { name: 'fond-bleu', background: '#a9c4de', skin: '#f0cdb5', hair: '#c9a15a', shirt: '#303030' },
];

/** A head and shoulders, the head about a third of the picture's height, a little off centre as phone shots are. */
function portraitSvg(width: number, height: number, look: Look, offsetX = 0.04): string {
  const cx = width * (0.5 + offsetX);
  const cy = height * 0.42;
  const ry = height * 0.16;
  const rx = ry * 0.74;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" fill="${look.background}"/>
    <path d="M${cx - rx * 2.6} ${height} Q${cx - rx * 2.4} ${cy + ry * 1.45} ${cx} ${cy + ry * 1.3} Q${cx + rx * 2.4} ${cy + ry * 1.45} ${cx + rx * 2.6} ${height} Z" fill="${look.shirt}"/>
    <rect x="${cx - rx * 0.38}" y="${cy + ry * 0.7}" width="${rx * 0.76}" height="${ry * 0.7}" fill="${look.skin}"/>
    <ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${look.skin}"/>
    <path d="M${cx - rx * 1.02} ${cy - ry * 0.1} Q${cx - rx} ${cy - ry * 1.12} ${cx} ${cy - ry * 1.1} Q${cx + rx} ${cy - ry * 1.12} ${cx + rx * 1.02} ${cy - ry * 0.1} Q${cx + rx * 0.8} ${cy - ry * 0.75} ${cx} ${cy - ry * 0.72} Q${cx - rx * 0.8} ${cy - ry * 0.75} ${cx - rx * 1.02} ${cy - ry * 0.1} Z" fill="${look.hair}"/>
    <ellipse cx="${cx - rx * 0.38}" cy="${cy - ry * 0.08}" rx="${rx * 0.12}" ry="${ry * 0.05}" fill="#ffffff"/>
    <ellipse cx="${cx + rx * 0.38}" cy="${cy - ry * 0.08}" rx="${rx * 0.12}" ry="${ry * 0.05}" fill="#ffffff"/>
    <circle cx="${cx - rx * 0.38}" cy="${cy - ry * 0.08}" r="${ry * 0.04}" fill="#2a1d14"/>
    <circle cx="${cx + rx * 0.38}" cy="${cy - ry * 0.08}" r="${ry * 0.04}" fill="#2a1d14"/>
    <path d="M${cx} ${cy - ry * 0.02} L${cx - rx * 0.1} ${cy + ry * 0.3} L${cx + rx * 0.08} ${cy + ry * 0.32}" stroke="#00000033" stroke-width="${rx * 0.04}" fill="none"/>
    <path d="M${cx - rx * 0.3} ${cy + ry * 0.52} Q${cx} ${cy + ry * 0.62} ${cx + rx * 0.3} ${cy + ry * 0.52}" stroke="#7a4b3a" stroke-width="${rx * 0.06}" fill="none"/>
  </svg>`;
}

/** Sensor noise on raw RGB samples: what makes a phone JPEG weigh megabytes. */
async function withNoise(svg: string, amplitude: number, seed: number): Promise<Sharp> {
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rnd = prng(seed);
  for (let i = 0; i < data.length; i++)
    data[i] = Math.max(0, Math.min(255, data[i] + (rnd() - 0.5) * amplitude));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
}

/** A phone's camera file: JPEG at 72 DPI, EXIF with the camera's name, optionally stored turned with EXIF 6 or 8. */
async function phoneJpeg(image: Sharp, orientation: 1 | 6 | 8, quality = 92): Promise<Buffer> {
  // Orientation 6 displays the stored picture turned 90° clockwise: store it turned 90° counter-clockwise.
  const stored =
    orientation === 6 ? image.rotate(270) : orientation === 8 ? image.rotate(90) : image;
  const buffer = await stored.jpeg({ quality }).toBuffer();
  return sharp(buffer)
    .withMetadata({
      density: 72,
      orientation,
      exif: { IFD0: { Make: 'Phone', Model: 'Synthetic camera' } },
    })
    .jpeg({ quality })
    .toBuffer();
}

/** A phone screenshot (1080 × 2340 PNG) showing a photo in a gallery app. */
async function screenshotPng(look: Look, seed: number): Promise<Buffer> {
  const photo = await (await withNoise(portraitSvg(1080, 1440, look, 0), 8, seed)).png().toBuffer();
  return sharp({ create: { width: 1080, height: 2340, channels: 3, background: '#111111' } })
    .composite([
      {
        input: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="200"><rect width="1080" height="200" fill="#202124"/><text x="40" y="120" font-size="48" fill="#fff" font-family="sans-serif">Photos</text></svg>`,
        ),
        top: 0,
        left: 0,
      },
      { input: photo, top: 450, left: 0 },
    ])
    .png()
    .toBuffer();
}

function signaturePath(x: number, y: number, w: number, h: number, seed: number): string {
  const rnd = prng(seed);
  const points: string[] = [`M${x} ${y + h * 0.7}`];
  const steps = 9;
  for (let i = 1; i <= steps; i++) {
    const px = x + (w * i) / steps;
    const up = y + h * (0.05 + rnd() * 0.3);
    const down = y + h * (0.6 + rnd() * 0.4);
    points.push(
      `C${px - w / steps / 1.5} ${up} ${px - w / steps / 3} ${down} ${px} ${y + h * (0.4 + rnd() * 0.3)}`,
    );
  }
  points.push(`M${x + w * 0.15} ${y + h * 1.05} L${x + w * 0.9} ${y + h * 0.95}`);
  return points.join(' ');
}

/** A white A4 page (2480 × 3508 at 300 DPI, or a 72 DPI export) with a small signature in it. */
async function a4Signature(
  ink: string,
  stroke: number,
  seed: number,
  dpi: 300 | 72,
): Promise<Buffer> {
  const w = dpi === 300 ? 2480 : 595;
  const h = dpi === 300 ? 3508 : 842;
  const s = w / 2480;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#fdfdfd"/>
    <text x="${200 * s}" y="${400 * s}" font-size="${60 * s}" fill="#444" font-family="serif">Signature du titulaire :</text>
    <path d="${signaturePath(1300 * s, 2300 * s, 700 * s, 240 * s, seed)}" stroke="${ink}" stroke-width="${stroke * s}" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).withMetadata({ density: dpi }).toBuffer();
}

/** A phone photo of a signature on paper: grey paper, a shadow across it, the table at the edges, noise. */
async function phoneSignature(
  ink: string,
  stroke: number,
  seed: number,
  orientation: 1 | 6 = 1,
): Promise<Buffer> {
  const w = 3024;
  const h = 4032;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs>
      <linearGradient id="shadow" x1="0" y1="0" x2="1" y2="0.3">
        <stop offset="0" stop-color="#000" stop-opacity="0.45"/><stop offset="0.45" stop-color="#000" stop-opacity="0.1"/><stop offset="1" stop-color="#000" stop-opacity="0"/>
      </linearGradient>
    </defs>
    <rect width="${w}" height="${h}" fill="#6b5440"/>
    <rect x="150" y="200" width="${w - 300}" height="${h - 400}" fill="#e4e1da"/>
    <path d="${signaturePath(800, 1700, 1500, 520, seed)}" stroke="${ink}" stroke-width="${stroke}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
    <rect x="150" y="200" width="${w - 300}" height="${h - 400}" fill="url(#shadow)"/>
  </svg>`;
  return phoneJpeg(await withNoise(svg, 14, seed), orientation, 90);
}

/** One phone portrait (3024 × 4032 at 72 DPI), for the tests that need a single input. */
export async function samplePhonePhoto(): Promise<AssistantInput> {
  const bytes = await phoneJpeg(await withNoise(portraitSvg(3024, 4032, LOOKS[0]), 18, 4242), 1);
  return {
    file: 'photo-telephone.jpg',
    kind: 'photo',
    mimeType: 'image/jpeg',
    description: 'phone portrait',
    bytes,
  };
}

export async function assistantInputs(): Promise<AssistantInput[]> {
  const inputs: AssistantInput[] = [];
  const add = (
    file: string,
    kind: ImageKind,
    mimeType: string,
    description: string,
    bytes: Buffer,
    extra: Partial<AssistantInput> = {},
  ) => inputs.push({ file, kind, mimeType, description, bytes, ...extra });
  let seed = 1;
  for (const look of LOOKS) {
    const portrait = () => withNoise(portraitSvg(3024, 4032, look), 18, seed++);
    add(
      `photo-telephone-${look.name}.jpg`,
      'photo',
      'image/jpeg',
      `phone portrait 3024 × 4032 at 72 DPI, ${look.name}`,
      await phoneJpeg(await portrait(), 1),
    );
    add(
      `photo-telephone-exif6-${look.name}.jpg`,
      'photo',
      'image/jpeg',
      'phone portrait stored sideways, EXIF orientation 6',
      await phoneJpeg(await portrait(), 6),
    );
    add(
      `photo-telephone-exif8-${look.name}.jpg`,
      'photo',
      'image/jpeg',
      'phone portrait stored sideways, EXIF orientation 8',
      await phoneJpeg(await portrait(), 8),
    );
    add(
      `photo-capture-ecran-${look.name}.png`,
      'photo',
      'image/png',
      'phone screenshot 1080 × 2340 PNG of the photo in a gallery',
      await screenshotPng(look, seed++),
    );
    add(
      `photo-${look.name}.webp`,
      'photo',
      'image/webp',
      'WebP 2000 × 2667',
      await (
        await withNoise(portraitSvg(2000, 2667, look), 10, seed++)
      )
        .webp({ quality: 85 })
        .toBuffer(),
    );
    add(
      `photo-paysage-${look.name}.jpg`,
      'photo',
      'image/jpeg',
      'landscape phone photo 4032 × 3024 at 72 DPI',
      await phoneJpeg(await withNoise(portraitSvg(4032, 3024, look, 0.1), 18, seed++), 1),
    );
  }
  add(
    'photo-413x531-72dpi.jpg',
    'photo',
    'image/jpeg',
    'the right pixel size tagged 72 DPI',
    await sharp(Buffer.from(portraitSvg(413, 531, LOOKS[0], 0)))
      .jpeg({ quality: 90 })
      .withMetadata({ density: 72 })
      .toBuffer(),
  );
  add(
    'photo-sans-resolution.jpg',
    'photo',
    'image/jpeg',
    'a photo editor export with no resolution',
    await sharp(Buffer.from(portraitSvg(800, 1029, LOOKS[1], 0)))
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  add(
    'photo-50-mpx.jpg',
    'photo',
    'image/jpeg',
    'a 50 Mpx camera file (8660 × 5774) of about 20 MB',
    await phoneJpeg(await withNoise(portraitSvg(5774, 8660, LOOKS[2]), 40, seed++), 1, 90),
  );
  add(
    'photo-conforme.jpg',
    'photo',
    'image/jpeg',
    'already compliant (413 × 531 at 300 DPI): sent unchanged',
    await sharp(Buffer.from(portraitSvg(413, 531, LOOKS[3], 0)))
      .jpeg({ quality: 88 })
      .withMetadata({ density: 300 })
      .toBuffer(),
    { passesAsIs: true },
  );
  add(
    'photo.heic',
    'photo',
    'image/heic',
    'an iPhone HEIC (header only: this Chromium cannot decode HEIC)',
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(2000, 7),
    ]),
    { undecodable: true },
  );

  const inks = [
    { name: 'fine', stroke: 4, colour: '#111a44' },
    { name: 'moyenne', stroke: 9, colour: '#101010' },
    { name: 'epaisse', stroke: 22, colour: '#0b2a80' },
  ];
  for (const ink of inks) {
    add(
      `signature-a4-300dpi-${ink.name}.jpg`,
      'signature',
      'image/jpeg',
      `signature on a white A4 page scanned at 300 DPI, ${ink.name} ink`,
      await a4Signature(ink.colour, ink.stroke, seed++, 300),
    );
    add(
      `signature-a4-72dpi-${ink.name}.jpg`,
      'signature',
      'image/jpeg',
      `signature on a white A4 page exported at 72 DPI, ${ink.name} ink`,
      await a4Signature(ink.colour, ink.stroke / 3, seed++, 72),
    );
    add(
      `signature-telephone-ombre-${ink.name}.jpg`,
      'signature',
      'image/jpeg',
      `phone photo of a signature with a shadow, ${ink.name} ink`,
      await phoneSignature(ink.colour, ink.stroke * 2, seed++),
    );
    add(
      `signature-telephone-bleue-${ink.name}.jpg`,
      'signature',
      'image/jpeg',
      `phone photo of a blue-ink signature, ${ink.name} ink`,
      await phoneSignature('#1f3fbf', ink.stroke * 2, seed++),
    );
  }
  add(
    'signature-telephone-exif6.jpg',
    'signature',
    'image/jpeg',
    'phone photo of a signature stored sideways, EXIF 6',
    await phoneSignature('#111111', 14, seed++, 6),
  );
  add(
    'signature.png',
    'signature',
    'image/png',
    'a PNG signature drawn on a computer',
    await sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600"><rect width="1200" height="600" fill="#fff"/><path d="${signaturePath(150, 150, 900, 300, 99)}" stroke="#000" stroke-width="8" fill="none"/></svg>`,
      ),
    )
      .png()
      .toBuffer(),
  );
  add(
    'signature.webp',
    'signature',
    'image/webp',
    'a WebP signature',
    await sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#f4f4f0"/><path d="${signaturePath(300, 300, 1000, 300, 77)}" stroke="#222" stroke-width="10" fill="none"/></svg>`,
      ),
    )
      .webp({ quality: 85 })
      .toBuffer(),
  );
  return inputs;
}

/** Bump when the inputs change: a folder written by another version is made again. */
const GENERATOR_VERSION = 1;

export async function writeInputs(folder: string, inputs: AssistantInput[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const input of inputs) await writeFile(join(folder, input.file), input.bytes);
  const files = inputs.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.length }));
  await writeFile(
    join(folder, 'manifest.json'),
    JSON.stringify({ version: GENERATOR_VERSION, files }, null, 2) + '\n',
  );
}

/** The inputs from `folder` when this version wrote them there (the generation takes minutes on a busy machine), else made and written. */
export async function assistantInputsIn(folder: string): Promise<AssistantInput[]> {
  try {
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as {
      version: number;
      files: (Omit<AssistantInput, 'bytes'> & { bytes: number })[];
    };
    if (manifest.version === GENERATOR_VERSION) {
      const inputs = await Promise.all(
        manifest.files.map(async (f) => ({ ...f, bytes: await readFile(join(folder, f.file)) })),
      );
      if (inputs.every((input, i) => input.bytes.length === manifest.files[i].bytes)) return inputs;
    }
  } catch {
    // No usable folder: make the inputs.
  }
  const inputs = await assistantInputs();
  await writeInputs(folder, inputs);
  return inputs;
}
