import { formatFr } from '@t3p/image-rules';
import { THRESHOLDS as T } from './thresholds';
import {
  WarningCode,
  type PhotoFigures,
  type QualityWarning,
  type SignatureFigures,
} from './types';

const FIX = 'Vous pouvez aussi utiliser « Corriger ma photo » pour recadrer.';
const pct = (v: number): string => `${formatFr(v * 100)} %`;
const mm = (v: number): string => `${formatFr(v, 1, true)} mm`;
const lvl = (v: number): string => `${formatFr(v)}/255`;

function w(code: WarningCode, message: string, hint: string): QualityWarning {
  return { code, message, hint };
}

/** The quality warnings of a photo, in a fixed order. They never make a file invalid. */
export function photoWarnings(f: PhotoFigures): QualityWarning[] {
  const out: QualityWarning[] = [];
  if (f.faceCount === null) {
    out.push(
      w(
        WarningCode.FACE_ANALYSIS_UNAVAILABLE,
        'Le cadrage du visage n’a pas pu être vérifié (analyse trop longue). Les autres vérifications ont été faites.',
        'Vérifiez vous-même que le visage est bien centré, de face, et occupe la plus grande partie de la hauteur.',
      ),
    );
  } else if (f.faceCount === 0) {
    out.push(
      w(
        WarningCode.NO_FACE,
        'Aucun visage détecté sur la photo. Attendu : un visage, de face.',
        'Prenez la photo de face, visage découvert, bien éclairé, regard vers l’objectif.',
      ),
    );
  } else if (f.faceCount > 1) {
    out.push(
      w(
        WarningCode.SEVERAL_FACES,
        `${f.faceCount} visages détectés sur la photo. Attendu : un seul.`,
        'Refaites la photo seul(e) devant un fond uni, sans autre personne ni portrait derrière vous.',
      ),
    );
  }
  const g = f.geometry;
  if (g) {
    const expectedHead = `entre ${mm(T.headMinMm)} et ${mm(T.headMaxMm)} sur ${mm(T.photoHeightMm)}`;
    if (g.headMm < T.headMinMm) {
      out.push(
        w(
          WarningCode.HEAD_TOO_SMALL,
          `Tête trop petite : environ ${mm(g.headMm)} du menton au sommet du crâne. Attendu : ${expectedHead}.`,
          `Rapprochez-vous de l’appareil ou recadrez plus serré. ${FIX}`,
        ),
      );
    } else if (g.headMm > T.headMaxMm) {
      out.push(
        w(
          WarningCode.HEAD_TOO_LARGE,
          `Tête trop grande : environ ${mm(g.headMm)} du menton au sommet du crâne. Attendu : ${expectedHead}.`,
          `Éloignez-vous un peu de l’appareil ou recadrez plus large. ${FIX}`,
        ),
      );
    }
    const offCentre = Math.abs(g.offsetX) > T.maxOffsetX;
    const eyesOut = g.eyeHeight < T.eyeHeightMin || g.eyeHeight > T.eyeHeightMax;
    if (offCentre || eyesOut) {
      const parts: string[] = [];
      if (offCentre)
        parts.push(
          `visage décalé de ${pct(Math.abs(g.offsetX))} de la largeur vers la ${g.offsetX > 0 ? 'droite' : 'gauche'} (attendu : au plus ${pct(T.maxOffsetX)})`,
        );
      if (eyesOut)
        parts.push(
          `yeux à ${pct(g.eyeHeight)} de la hauteur depuis le bas (attendu : entre ${pct(T.eyeHeightMin)} et ${pct(T.eyeHeightMax)})`,
        );
      out.push(
        w(
          WarningCode.FACE_OFF_CENTRE,
          `Visage mal centré : ${parts.join(' ; ')}.`,
          `Placez le visage au milieu de la photo. ${FIX}`,
        ),
      );
    }
    if (Math.abs(g.eyeAngleDeg) > T.maxEyeAngleDeg) {
      out.push(
        w(
          WarningCode.EYES_NOT_LEVEL,
          `Les yeux ne sont pas à l’horizontale : inclinaison de ${formatFr(Math.abs(g.eyeAngleDeg))}°. Attendu : au plus ${formatFr(T.maxEyeAngleDeg)}°.`,
          `Tenez la tête droite et l’appareil bien vertical. ${FIX}`,
        ),
      );
    }
    if (g.topMargin < T.minTopMargin || g.sideMargin < T.minSideMargin) {
      const parts: string[] = [];
      if (g.topMargin < T.minTopMargin)
        parts.push(
          g.topMargin < 0
            ? 'le haut de la tête est coupé'
            : `marge au-dessus de la tête : ${pct(g.topMargin)} (attendu : au moins ${pct(T.minTopMargin)})`,
        );
      if (g.sideMargin < T.minSideMargin)
        parts.push(
          `marge sur le côté : ${pct(Math.max(0, g.sideMargin))} (attendu : au moins ${pct(T.minSideMargin)})`,
        );
      out.push(
        w(
          WarningCode.FACE_NEAR_EDGE,
          `Visage trop près du bord : ${parts.join(' ; ')}.`,
          `Laissez de l’espace autour de la tête. ${FIX}`,
        ),
      );
    }
  }
  const p = f.pixels;
  if (p.backgroundLumaStd !== null && p.backgroundLumaStd > T.maxBackgroundStd) {
    out.push(
      w(
        WarningCode.BACKGROUND_NOT_UNIFORM,
        `Le fond n’est pas uni : écart de luminosité de ${formatFr(p.backgroundLumaStd, 1, true)}. Attendu : au plus ${formatFr(T.maxBackgroundStd)}.`,
        'Placez-vous devant un mur uni, clair (gris clair ou bleu clair), sans objet ni motif, à un mètre environ.',
      ),
    );
  }
  if (p.backgroundLuma === null || p.backgroundChroma === null) {
    // The head fills the frame: HEAD_TOO_LARGE says so; the background is not judged.
  } else if (
    p.backgroundLuma >= T.whiteBackgroundLuma &&
    p.backgroundChroma <= T.whiteBackgroundMaxChroma
  ) {
    out.push(
      w(
        WarningCode.BACKGROUND_WHITE,
        `Le fond est blanc (luminosité ${lvl(p.backgroundLuma)}). Le fond blanc n’est pas accepté : attendu un fond clair, gris clair ou bleu clair, sous ${lvl(T.whiteBackgroundLuma)}.`,
        'Placez-vous devant un mur gris clair ou bleu clair plutôt que blanc.',
      ),
    );
  } else if (p.backgroundLuma < T.minBackgroundLuma) {
    out.push(
      w(
        WarningCode.BACKGROUND_TOO_DARK,
        `Le fond est trop sombre (luminosité ${lvl(p.backgroundLuma)}). Attendu : un fond clair, au moins ${lvl(T.minBackgroundLuma)}.`,
        'Placez-vous devant un mur clair, gris clair ou bleu clair, bien éclairé.',
      ),
    );
  }
  const faceTooDark = p.faceLuma !== null && p.faceLuma < T.minFaceLuma;
  if (p.highlightLuma < T.minHighlightLuma || faceTooDark) {
    const face = p.faceLuma === null ? '' : `, visage ${lvl(p.faceLuma)}`;
    out.push(
      w(
        WarningCode.FACE_UNDEREXPOSED,
        `La photo est trop sombre (parties les plus claires ${lvl(p.highlightLuma)}${face}). Attendu : parties claires au moins ${lvl(T.minHighlightLuma)}, visage au moins ${lvl(T.minFaceLuma)}.`,
        'Mettez-vous face à une fenêtre ou à une lumière douce, sans contre-jour, devant un fond clair.',
      ),
    );
  } else if (
    p.faceLuma !== null &&
    p.faceClipped !== null &&
    (p.faceLuma > T.maxFaceLuma || p.faceClipped > T.maxFaceClipped)
  ) {
    out.push(
      w(
        WarningCode.FACE_OVEREXPOSED,
        `Le visage est surexposé (luminosité ${lvl(p.faceLuma)}, ${pct(p.faceClipped)} de zones brûlées). Attendu : au plus ${lvl(T.maxFaceLuma)} et ${pct(T.maxFaceClipped)} de zones brûlées.`,
        'Évitez le flash et le soleil direct ; préférez une lumière douce et égale.',
      ),
    );
  }
  if (p.sharpness < T.minSharpness) {
    out.push(
      w(
        WarningCode.BLURRED,
        `La photo semble floue (netteté ${formatFr(p.sharpness, 1, true)}). Attendu : au moins ${formatFr(T.minSharpness)}.`,
        'Nettoyez l’objectif, tenez l’appareil immobile (appuyé si possible), touchez l’écran sur le visage pour faire la mise au point.',
      ),
    );
  }
  if (p.chroma < T.minChroma) {
    out.push(
      w(
        WarningCode.GRAYSCALE,
        `La photo semble en noir et blanc (couleur moyenne ${formatFr(p.chroma, 1, true)}). Attendu : une photo en couleurs, au moins ${formatFr(T.minChroma)}.`,
        'Désactivez le filtre noir et blanc de l’appareil et envoyez la photo en couleurs.',
      ),
    );
  } else if (
    Math.abs(p.castRedGreen) > T.maxCastRedGreen ||
    Math.abs(p.castYellowBlue) > T.maxCastYellowBlue
  ) {
    out.push(
      w(
        WarningCode.COLOUR_CAST,
        `Les couleurs semblent faussées (dominante rouge/vert ${formatFr(p.castRedGreen)}, jaune/bleu ${formatFr(p.castYellowBlue)}). Attendu : au plus ${formatFr(T.maxCastRedGreen)} et ${formatFr(T.maxCastYellowBlue)}.`,
        'Retirez tout filtre, évitez les éclairages colorés et prenez la photo à la lumière du jour.',
      ),
    );
  }
  return out;
}

/** The quality warnings of a signature, in a fixed order. */
export function signatureWarnings(s: SignatureFigures): QualityWarning[] {
  const out: QualityWarning[] = [];
  const contrast = s.paperLuma - s.inkLuma;
  if (s.paperLuma < T.minPaperLuma) {
    out.push(
      w(
        WarningCode.INK_NOT_DARK_ON_LIGHT,
        `Le fond de la signature n’est pas clair (luminosité ${lvl(s.paperLuma)}). Attendu : une encre foncée sur un papier clair, au moins ${lvl(T.minPaperLuma)}.`,
        'Signez à l’encre noire ou bleu foncé sur une feuille blanche, et photographiez-la bien éclairée, sans ombre.',
      ),
    );
  } else if (s.inkLuma > T.maxInkLuma || contrast < T.minInkContrast) {
    out.push(
      w(
        WarningCode.INK_TOO_PALE,
        `L’encre est trop pâle (luminosité ${lvl(s.inkLuma)}, contraste ${formatFr(contrast)}). Attendu : au plus ${lvl(T.maxInkLuma)} et un contraste d’au moins ${formatFr(T.minInkContrast)}.`,
        'Signez avec un stylo noir à pointe moyenne ou un feutre, en appuyant franchement.',
      ),
    );
  }
  if (
    s.inkShare > 0 &&
    s.inkWidthShare < T.minInkWidthShare &&
    s.inkHeightShare < T.minInkHeightShare
  ) {
    out.push(
      w(
        WarningCode.SIGNATURE_WIDE_MARGINS,
        `La signature n’occupe que ${pct(s.inkWidthShare)} de la largeur et ${pct(s.inkHeightShare)} de la hauteur. Attendu : au moins ${pct(T.minInkWidthShare)} de la largeur ou ${pct(T.minInkHeightShare)} de la hauteur.`,
        'Recadrez au plus près de la signature, en laissant une petite marge.',
      ),
    );
  }
  const lines = s.longestRowRun > T.maxLineRun || s.longestColumnRun > T.maxLineRun;
  if (lines || s.inkShare > T.maxInkShare) {
    const parts: string[] = [];
    if (lines) parts.push('une ligne ou un cadre traverse l’image');
    if (s.inkShare > T.maxInkShare)
      parts.push(
        `l’encre couvre ${pct(s.inkShare)} de l’image (attendu : au plus ${pct(T.maxInkShare)})`,
      );
    out.push(
      w(
        WarningCode.SIGNATURE_EXTRA_MARKS,
        `L’image semble contenir plus que la signature : ${parts.join(' ; ')}.`,
        'Signez sur une feuille blanche sans lignes ni texte, et recadrez sur la seule signature.',
      ),
    );
  }
  return out;
}
