import { nominalPixels } from './criteria';
import { formatBytesFr, formatFr } from './format-fr';
import {
  DPI_MAX,
  DPI_MIN,
  MAX_PIXELS,
  NOMINAL,
  type Nominal,
  ptToMm,
  pxToMm,
  roundDpi,
  TOLERANCE,
} from './nominal';
import {
  type CorruptReason,
  ErrorCode,
  type ImageKind,
  type Measured,
  type RuleError,
  type UnsafeReason,
  type Verdict,
} from './types';

/** Absorbs floating-point noise at the exact ±10 % edges (an edge value passes). */
const EPSILON = 1e-9;

const KIND_NAME: Record<ImageKind, string> = { photo: 'la photo', signature: 'la signature' };

/**
 * The driver portal's assistant for each kind: most drivers have a phone, not a scanner or a
 * photo editor, so the hints point to what the portal does for them.
 */
const ASSISTANT: Record<ImageKind, string> = {
  photo:
    'Choisissez simplement votre photo sur la page de dépôt : l’assistant « Corriger ma photo » s’ouvre',
  signature:
    'Choisissez simplement une photo de votre signature sur la page de dépôt, ou signez sur l’écran : l’assistant « Corriger ma signature » s’ouvre',
};

const FORMAT_NAMES: Record<string, string> = {
  png: 'PNG',
  gif: 'GIF',
  webp: 'WebP',
  tiff: 'TIFF',
  bmp: 'BMP',
  heic: 'HEIC/HEIF',
  avif: 'AVIF',
  jxl: 'JPEG XL',
  jp2: 'JPEG 2000',
  zip: 'ZIP (ou document Office)',
  text: 'texte',
  unknown: 'inconnu',
};

const UNSAFE_NAMES: Record<UnsafeReason, string> = {
  javascript: 'du JavaScript',
  launch: 'une action de lancement de programme',
  'submit-form': 'un envoi de formulaire',
  'import-data': 'une importation de données',
  'remote-goto': 'un lien vers un autre document',
  'embedded-file': 'un fichier joint',
  encryption: 'un chiffrement ou un mot de passe',
};

const CORRUPT_MESSAGES: Record<CorruptReason, string> = {
  'jpeg-header':
    'Le fichier commence comme une image JPEG, mais son en-tête est illisible. Attendu : une image JPEG complète et lisible.',
  'jpeg-data':
    "Le fichier commence comme une image JPEG, mais l'image ne se décode pas entièrement (fichier tronqué ou données endommagées). Attendu : une image JPEG complète et lisible.",
  'pdf-truncated':
    'Le fichier commence comme un PDF, mais il est incomplet (il a été coupé). Attendu : un PDF complet.',
  'pdf-structure':
    'Le fichier commence comme un PDF, mais sa structure est illisible. Attendu : un PDF valide.',
  'pdf-bomb':
    "Le fichier PDF n'a pas pu être analysé : ses données compressées se décompressent en un volume démesuré. Attendu : un PDF simple contenant uniquement l'image.",
  'pdf-timeout':
    "Le fichier PDF n'a pas pu être analysé dans le temps et la mémoire impartis. Attendu : un PDF simple contenant uniquement l'image.",
  'pdf-image':
    "Le fichier PDF contient une image qui ne se décode pas (données endommagées ou format d'image non pris en charge). Attendu : un PDF contenant une image JPEG lisible.",
  'pdf-filter':
    "Le fichier PDF utilise une compression ancienne que le portail n'accepte pas. Attendu : un PDF récent (PDF 1.4 ou plus).",
};

const HINT_SCAN_AGAIN =
  'Numérisez ou exportez de nouveau le document, puis envoyez le nouveau fichier. Si le problème persiste, enregistrez-le en JPEG.';

function err(code: ErrorCode, message: string, hint: string): RuleError {
  return { code, message, hint };
}

function mm(v: number): string {
  return formatFr(v, 1);
}

function sizeMm(n: Nominal): string {
  return `${formatFr(n.widthMm)} × ${formatFr(n.heightMm)} mm`;
}

function dpiText(x: number, y: number): string {
  return x === y
    ? `${formatFr(x)} DPI`
    : `${formatFr(x)} × ${formatFr(y)} DPI (horizontale × verticale)`;
}

/** Physical size in mm, from primary figures (page points, or pixels ÷ rounded DPI). */
export function physicalSizeMm(m: Measured): { width: number; height: number } | null {
  if (m.format === 'pdf' && m.pageWidthPt !== null && m.pageHeightPt !== null) {
    return { width: ptToMm(m.pageWidthPt), height: ptToMm(m.pageHeightPt) };
  }
  if (
    m.format === 'jpeg' &&
    m.widthPx !== null &&
    m.heightPx !== null &&
    m.dpiX !== null &&
    m.dpiY !== null &&
    roundDpi(m.dpiX) > 0 &&
    roundDpi(m.dpiY) > 0
  ) {
    return { width: pxToMm(m.widthPx, m.dpiX), height: pxToMm(m.heightPx, m.dpiY) };
  }
  if (m.widthMm !== null && m.heightMm !== null) {
    return { width: m.widthMm, height: m.heightMm };
  }
  return null;
}

/**
 * Applies every rule of the spec, in its order, to measured figures.
 * Reports every failing check, except when the file cannot be read at all
 * (empty, unsupported format, over the hard cap, corrupt): then the checks
 * that need its content are not applied.
 */
export function evaluate(measured: Measured, kind: ImageKind): Verdict {
  const n = NOMINAL[kind];
  const errors: RuleError[] = [];
  const done = (): Verdict => ({
    kind,
    valid: errors.length === 0,
    errors,
    warnings: [],
    measured,
  });

  // EMPTY
  if (measured.bytes === 0) {
    errors.push(
      err(
        ErrorCode.EMPTY,
        'Le fichier est vide (0 octet). Attendu : une image JPEG ou un PDF.',
        "Vérifiez que le fichier s'ouvre sur votre appareil, puis choisissez-le de nouveau.",
      ),
    );
    return done();
  }

  // TOO_LARGE
  if (measured.bytes > n.maxBytes) {
    errors.push(
      err(
        ErrorCode.TOO_LARGE,
        `Poids mesuré : ${formatBytesFr(measured.bytes)}. Attendu : au plus ${formatBytesFr(n.maxBytes)}.`,
        `${ASSISTANT[kind]} et en fait un fichier de moins de ${formatBytesFr(n.maxBytes)}, sans rien changer d’autre que le cadrage, la taille et la compression.`,
      ),
    );
  }

  // UNSUPPORTED_FORMAT
  if (measured.format === null) {
    const name =
      FORMAT_NAMES[measured.detectedFormat ?? 'unknown'] ?? measured.detectedFormat ?? 'inconnu';
    errors.push(
      err(
        ErrorCode.UNSUPPORTED_FORMAT,
        `Format détecté : ${name} (d'après le contenu du fichier, pas son nom). Attendu : JPEG ou PDF.`,
        "Ouvrez l'image dans un logiciel de retouche ou de numérisation et enregistrez-la au format JPEG (« Enregistrer sous… », type JPEG). Renommer le fichier ne suffit pas.",
      ),
    );
    return done();
  }

  // Over the hard cap: nothing was parsed, TOO_LARGE above says it all.
  if (!measured.analysed) {
    return done();
  }

  // CORRUPT
  if (measured.corrupt !== null) {
    errors.push(err(ErrorCode.CORRUPT, CORRUPT_MESSAGES[measured.corrupt], HINT_SCAN_AGAIN));
    return done();
  }

  if (measured.format === 'pdf') {
    // PDF_PAGES
    if (measured.pdfPages !== null && measured.pdfPages !== 1) {
      errors.push(
        err(
          ErrorCode.PDF_PAGES,
          `Nombre de pages mesuré : ${formatFr(measured.pdfPages)}. Attendu : exactement 1 page.`,
          `Enregistrez un PDF ne contenant que la page de ${KIND_NAME[kind]}, ou envoyez directement l'image en JPEG.`,
        ),
      );
    }
    // PDF_NO_IMAGE
    if (measured.hasImage === false) {
      errors.push(
        err(
          ErrorCode.PDF_NO_IMAGE,
          `Aucune image trouvée dans la page du PDF. Attendu : une page contenant ${KIND_NAME[kind]} numérisée.`,
          `Numérisez ${KIND_NAME[kind]} avec un scanner ou envoyez-la en JPEG ; un PDF créé par un traitement de texte ou dessiné à la main ne convient pas.`,
        ),
      );
    }
    // PDF_UNSAFE
    if (measured.unsafe.length > 0) {
      errors.push(
        err(
          ErrorCode.PDF_UNSAFE,
          `Le PDF contient ${measured.unsafe.map((u) => UNSAFE_NAMES[u]).join(', ')}. Attendu : un PDF simple, sans script, pièce jointe ni mot de passe.`,
          "Exportez l'image seule en JPEG, ou imprimez le document en PDF (« Imprimer » puis « Enregistrer au format PDF ») pour obtenir un PDF simple.",
        ),
      );
    }
  }

  // DPI_MISSING (a JPEG that declares no resolution)
  const hasDpi = measured.dpiX !== null && measured.dpiY !== null;
  if (measured.format === 'jpeg' && !hasDpi) {
    errors.push(
      err(
        ErrorCode.DPI_MISSING,
        `Résolution mesurée : aucune (le fichier n'indique pas de résolution). Attendue : entre ${DPI_MIN} et ${DPI_MAX} DPI.`,
        `${ASSISTANT[kind]} et écrit la résolution dans le fichier.`,
      ),
    );
  }

  // DPI_OUT_OF_RANGE (rounded to the nearest whole DPI first)
  if (measured.dpiX !== null && measured.dpiY !== null) {
    const dx = roundDpi(measured.dpiX);
    const dy = roundDpi(measured.dpiY);
    if (dx < DPI_MIN || dx > DPI_MAX || dy < DPI_MIN || dy > DPI_MAX) {
      const px = nominalPixels(kind, DPI_MIN);
      errors.push(
        err(
          ErrorCode.DPI_OUT_OF_RANGE,
          `Résolution mesurée : ${dpiText(dx, dy)}. Attendue : entre ${DPI_MIN} et ${DPI_MAX} DPI.`,
          `${ASSISTANT[kind]} et écrit ${DPI_MIN} DPI dans le fichier${measured.widthPx === px.width && measured.heightPx === px.height ? ' (vos pixels sont déjà les bons : seule la résolution indiquée change)' : ''}.`,
        ),
      );
    }
  }

  // RATIO (physical proportions; pixels when the resolution is missing)
  const size = physicalSizeMm(measured);
  let ratio: number | null = null;
  let ratioFromPixels = false;
  if (size !== null && size.height > 0) {
    ratio = size.width / size.height;
  } else if (measured.widthPx !== null && measured.heightPx !== null && measured.heightPx > 0) {
    ratio = measured.widthPx / measured.heightPx;
    ratioFromPixels = true;
  }
  if (ratio !== null) {
    const rel = ratio / n.ratio;
    if (rel < 1 - TOLERANCE - EPSILON || rel > 1 + TOLERANCE + EPSILON) {
      errors.push(
        err(
          ErrorCode.RATIO,
          `Proportions mesurées (largeur ÷ hauteur${ratioFromPixels ? ', en pixels' : ''}) : ${formatFr(ratio, 3)}. Attendues : ${formatFr(n.ratio, 3)} (${sizeMm(n)}), à ${formatFr(TOLERANCE * 100)} % près, soit entre ${formatFr(n.ratio * (1 - TOLERANCE), 3)} et ${formatFr(n.ratio * (1 + TOLERANCE), 3)}.`,
          `${ASSISTANT[kind]} et recadre ${KIND_NAME[kind]} aux proportions ${sizeMm(n)}, sans l’étirer ni la déformer.`,
        ),
      );
    }
  }

  // DIMENSIONS (skipped when the resolution is missing)
  if (size !== null) {
    const dw = Math.abs(size.width - n.widthMm) / n.widthMm;
    const dh = Math.abs(size.height - n.heightMm) / n.heightMm;
    if (dw > TOLERANCE + EPSILON || dh > TOLERANCE + EPSILON) {
      const lo = 1 - TOLERANCE;
      const hi = 1 + TOLERANCE;
      const px = nominalPixels(kind, DPI_MIN);
      errors.push(
        err(
          ErrorCode.DIMENSIONS,
          `Dimensions mesurées : ${mm(size.width)} × ${mm(size.height)} mm. Attendues : ${sizeMm(n)}, à ${formatFr(TOLERANCE * 100)} % près (largeur de ${mm(n.widthMm * lo)} à ${mm(n.widthMm * hi)} mm, hauteur de ${mm(n.heightMm * lo)} à ${mm(n.heightMm * hi)} mm).`,
          measured.format === 'pdf'
            ? `Numérisez ${KIND_NAME[kind]} seule, à sa taille réelle (${sizeMm(n)}), sans l'agrandir ni la placer sur une page entière.`
            : measured.widthPx === px.width && measured.heightPx === px.height
              ? `Vos ${px.width} × ${px.height} pixels sont les bons : c’est la résolution indiquée dans le fichier qui donne cette taille. ${ASSISTANT[kind]} et écrit ${DPI_MIN} DPI dans le fichier.`
              : `${ASSISTANT[kind]} et met ${KIND_NAME[kind]} à sa taille réelle (${sizeMm(n)}).`,
        ),
      );
    }
  }

  // TOO_MANY_PIXELS (refused before decoding)
  if (measured.announcedPixels !== null && measured.announcedPixels > MAX_PIXELS) {
    const w = measured.widthPx;
    const h = measured.heightPx;
    const dims = w !== null && h !== null ? `${formatFr(w)} × ${formatFr(h)} pixels, soit ` : '';
    errors.push(
      err(
        ErrorCode.TOO_MANY_PIXELS,
        `Taille annoncée : ${dims}${formatFr(measured.announcedPixels / 1e6, 1, true)} millions de pixels. Attendue : au plus ${formatFr(MAX_PIXELS / 1e6)} millions de pixels.`,
        `${ASSISTANT[kind]} et réduit l’image à ${nominalPixels(kind, DPI_MIN).width} × ${nominalPixels(kind, DPI_MIN).height} pixels, sur votre appareil.`,
      ),
    );
  }

  return done();
}

/** An empty `Measured` to start from (all figures unknown). */
export function emptyMeasured(bytes: number): Measured {
  return {
    format: null,
    detectedFormat: null,
    bytes,
    analysed: false,
    corrupt: null,
    widthPx: null,
    heightPx: null,
    announcedPixels: null,
    dpiX: null,
    dpiY: null,
    dpiSource: null,
    widthMm: null,
    heightMm: null,
    orientation: null,
    pageWidthPt: null,
    pageHeightPt: null,
    pdfPages: null,
    hasImage: null,
    unsafe: [],
  };
}
