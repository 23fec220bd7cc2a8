import { DPI_MAX, DPI_MIN, MM_PER_INCH, NOMINAL, TOLERANCE } from './nominal';
import { formatFr } from './format-fr';
import type { ImageKind } from './types';

/** One line of the criteria the wizard shows before the file picker. */
export interface Criterion {
  /** Short label: "Format", "Poids"… */
  label: string;
  /** Plain French sentence for the driver. */
  text: string;
}

export interface KindCriteria {
  kind: ImageKind;
  /** Name of the piece, e.g. "Photo d'identité". */
  title: string;
  /** One-sentence introduction. */
  intro: string;
  items: Criterion[];
}

/** Pixel size matching the nominal size at `dpi` (rounded). */
export function nominalPixels(kind: ImageKind, dpi: number): { width: number; height: number } {
  const n = NOMINAL[kind];
  return {
    width: Math.round((n.widthMm / MM_PER_INCH) * dpi),
    height: Math.round((n.heightMm / MM_PER_INCH) * dpi),
  };
}

function build(kind: ImageKind, title: string, intro: string, formatText: string): KindCriteria {
  const n = NOMINAL[kind];
  const px300 = nominalPixels(kind, DPI_MIN);
  const px400 = nominalPixels(kind, DPI_MAX);
  const pct = formatFr(TOLERANCE * 100);
  return {
    kind,
    title,
    intro,
    items: [
      { label: 'Format', text: formatText },
      {
        label: 'Poids',
        text: `${formatFr(n.maxBytes / 1024)} Ko au maximum (${formatFr(n.maxBytes)} octets).`,
      },
      {
        label: 'Résolution',
        text: `entre ${DPI_MIN} et ${DPI_MAX} DPI (points par pouce), indiquée dans le fichier. Un scanner réglé sur ${DPI_MIN} DPI convient.`,
      },
      {
        label: 'Dimensions',
        text: `${formatFr(n.widthMm)} mm de large sur ${formatFr(n.heightMm)} mm de haut, à ${pct} % près : par exemple ${px300.width} × ${px300.height} pixels à ${DPI_MIN} DPI, ou ${px400.width} × ${px400.height} pixels à ${DPI_MAX} DPI.`,
      },
      {
        label: 'Proportions',
        text: `la largeur divisée par la hauteur doit valoir ${formatFr(n.ratio, 2)}, à ${pct} % près ; ne déformez pas l'image.`,
      },
    ],
  };
}

/** French criteria texts per kind, shown by the wizard before the picker. */
export const CRITERIA: Readonly<Record<ImageKind, KindCriteria>> = {
  photo: build(
    'photo',
    "Photo d'identité",
    "Une photo d'identité récente, de face, au format d'une photo de carte (35 × 45 mm).",
    "image JPEG (.jpg, .jpeg) ou PDF d'une seule page contenant la photo. Les autres formats (PNG, HEIC, GIF…) ne sont pas acceptés, même renommés.",
  ),
  signature: build(
    'signature',
    'Signature',
    'Votre signature, à l’encre foncée sur fond blanc, numérisée au format 25 × 12 mm.',
    "image JPEG (.jpg, .jpeg) ou PDF d'une seule page contenant la signature. Les autres formats (PNG, HEIC, GIF…) ne sont pas acceptés, même renommés.",
  ),
};
