import { type OutputSpec, searchQuality, setJfifDensity } from '@t3p/image-assistant';

export interface ExportedJpeg {
  blob: Blob;
  quality: number;
  bytes: number;
}

function canvasJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => {
        if (!blob) return reject(new Error('toBlob gave nothing'));
        blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
      },
      'image/jpeg',
      quality / 100,
    ),
  );
}

/**
 * The canvas (already at the output size) as the file that is sent: a baseline JPEG from the
 * browser's encoder (no EXIF: a canvas has none), the JFIF density written, at the best quality
 * that stays under the weight limit.
 */
export async function exportJpeg(
  canvas: HTMLCanvasElement,
  spec: OutputSpec,
): Promise<ExportedJpeg> {
  const found = await searchQuality(
    async (q) => {
      const written = setJfifDensity(await canvasJpeg(canvas, q), spec.dpi);
      if (!written.ok) throw new Error(`JFIF: ${written.reason}`);
      return written.bytes;
    },
    { maxBytes: spec.maxBytes },
  );
  if (!found.ok)
    throw new Error(`no quality fits ${spec.maxBytes} bytes (smallest ${found.smallestBytes})`);
  return {
    blob: new Blob([found.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
    quality: found.quality,
    bytes: found.bytes.length,
  };
}
