import sharp from 'sharp';
import {
  analysePhoto,
  analysisImage,
  analyseSignature,
  type QualityWarning,
  type Rgba,
} from '@t3p/image-warnings';
import type { ImageKind } from '@t3p/image-rules';
import { facePool } from './face-pool';
import { SHARP_INPUT } from './sharp-guard';

/** Decodes a (valid, hence small) JPEG to RGBA, orientation applied, as a browser canvas shows it. */
export async function decodeRgba(bytes: Uint8Array): Promise<Rgba> {
  const { data, info } = await sharp(bytes, { ...SHARP_INPUT, autoOrient: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

/**
 * The quality warnings of a JPEG that passed the rules: pixel statistics
 * here (pure, on the 300 px analysis image), faces in the budgeted worker.
 * `decoded`: the photo's pixels already decoded upright (RGBA), else it is decoded here.
 * Never throws: a file that cannot be decoded here gets no warnings.
 */
export async function qualityWarnings(
  bytes: Uint8Array,
  kind: ImageKind,
  decoded?: Rgba,
): Promise<QualityWarning[]> {
  let img: Rgba;
  try {
    img = analysisImage(decoded ?? (await decodeRgba(bytes)));
  } catch {
    return [];
  }
  if (kind === 'signature') return analyseSignature(img).warnings;
  const faces = await facePool().detect(img);
  return analysePhoto(img, faces).warnings;
}
