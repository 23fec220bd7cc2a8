import type { ImageRequestState, Piece } from '@t3p/contracts';

/** The numbered steps of the wizard, in order; the upload steps appear only when requested. */
export type StepId = 'detail' | 'engagement' | 'photo' | 'signature' | 'recapitulatif';

/** Where a driver whose request is no longer open is sent (validated, cancelled, none). */
export const STATUS_ROUTE = 'statut';

export interface StepDef {
  id: StepId;
  label: string;
}

const LABELS: Record<StepId, string> = {
  detail: 'Détail',
  engagement: 'Engagement',
  photo: 'Photo d’identité',
  signature: 'Signature',
  recapitulatif: 'Récapitulatif',
};

const PIECE_STEP: Record<Piece, StepId> = { PHOTO: 'photo', SIGNATURE: 'signature' };

/** What the server says about the driver's request: all the wizard needs to place the driver. */
export interface WizardFacts {
  state: ImageRequestState | null;
  pieces: readonly Piece[];
  termsAccepted: boolean;
  /** Pieces that have a valid image kept (drafts before "Valider"). */
  uploaded: readonly Piece[];
}

/** The steps that apply to this request: a signature-only request has no photo step. */
export function stepsFor(pieces: readonly Piece[]): StepDef[] {
  const ids: StepId[] = ['detail', 'engagement'];
  for (const piece of ['PHOTO', 'SIGNATURE'] as const) {
    if (pieces.includes(piece)) ids.push(PIECE_STEP[piece]);
  }
  ids.push('recapitulatif');
  return ids.map((id) => ({ id, label: LABELS[id] }));
}

export function isOpen(state: ImageRequestState | null): boolean {
  return state === 'PENDING' || state === 'REMINDED';
}

/** The upload step of each requested piece, in order. */
export function uploadSteps(pieces: readonly Piece[]): StepId[] {
  return stepsFor(pieces)
    .map((step) => step.id)
    .filter((id) => id === 'photo' || id === 'signature');
}

export function pieceOfStep(step: StepId): Piece | null {
  return step === 'photo' ? 'PHOTO' : step === 'signature' ? 'SIGNATURE' : null;
}

/** Whether every requested piece has an image: the confirmation dialog may open. */
export function readyToSubmit(facts: WizardFacts): boolean {
  return (
    isOpen(facts.state) &&
    facts.termsAccepted &&
    facts.pieces.every((piece) => facts.uploaded.includes(piece))
  );
}

/**
 * The furthest step the driver may open, from the server's state only: Détail and Engagement
 * are always open; an upload step needs the terms accepted and every earlier piece uploaded;
 * the récapitulatif needs the request submitted. So no step can be skipped, and a reload or a
 * new sign-in finds the same place.
 */
export function furthestStep(facts: WizardFacts): StepId | typeof STATUS_ROUTE {
  if (facts.state === 'SUBMITTED') return 'recapitulatif';
  if (!isOpen(facts.state)) return STATUS_ROUTE;
  if (!facts.termsAccepted) return 'engagement';
  for (const step of uploadSteps(facts.pieces)) {
    const piece = pieceOfStep(step) as Piece;
    if (!facts.uploaded.includes(piece)) return step;
  }
  const uploads = uploadSteps(facts.pieces);
  return uploads[uploads.length - 1] ?? 'engagement';
}

/** Where to resume when the driver arrives without a step (sign-in, reload of /demande). */
export function resumeStep(facts: WizardFacts): StepId | typeof STATUS_ROUTE {
  const furthest = furthestStep(facts);
  // Nothing done yet: start with the request itself.
  if (furthest === 'engagement') return 'detail';
  return furthest;
}

/**
 * The step to show for a requested one: itself when allowed, else where the driver belongs
 * (a closed request never shows an upload step; an open one never shows the récapitulatif).
 */
export function allowedStep(
  requested: StepId | typeof STATUS_ROUTE,
  facts: WizardFacts,
): StepId | typeof STATUS_ROUTE {
  const furthest = furthestStep(facts);
  if (furthest === STATUS_ROUTE || furthest === 'recapitulatif') return furthest;
  if (requested === STATUS_ROUTE || requested === 'recapitulatif') return resumeStep(facts);
  const order = stepsFor(facts.pieces).map((step) => step.id);
  const index = order.indexOf(requested);
  if (index < 0) return resumeStep(facts);
  return index <= order.indexOf(furthest) ? requested : furthest;
}

/** The steps around one, for "Précédent" and "Suivant". */
export function neighbours(
  step: StepId,
  pieces: readonly Piece[],
): { previous: StepId | null; next: StepId | null } {
  const order = stepsFor(pieces).map((s) => s.id);
  const index = order.indexOf(step);
  return {
    previous: index > 0 ? order[index - 1] : null,
    next: index >= 0 && index < order.length - 1 ? order[index + 1] : null,
  };
}
