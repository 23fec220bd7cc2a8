import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  HostListener,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody, Piece, RequestReasonCode, ReviewOutcome } from '@t3p/contracts';
import type {
  EmailPreview,
  RequestListItem,
  ReviewRequestBody,
  ReviewResult,
  ReviewableRequest,
} from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { DashboardApi, RequestsApi, imageUrl } from '../../api/backoffice-api';
import { PIECE_LABELS, REASON_LABELS, REASON_TEXTS, frDate, frDateTime } from '../../labels';

type ImageOfRequest = ReviewableRequest['images'][number];

interface Figures {
  format: string;
  size: string;
  pixels: string;
  dpi: string;
  millimetres: string;
  widthMm: number | null;
  heightMm: number | null;
}

interface Decision {
  outcome: ReviewOutcome | null;
  reason: string;
  /** The catalogue entry the reason started from, if any. */
  reasonCode?: RequestReasonCode;
}

/** The request reasons' catalogue that fits a refused piece (the same entries as when asking for images). */
export const REJECTION_REASONS: Record<Piece, RequestReasonCode[]> = {
  PHOTO: [
    'PHOTO_BLURRY',
    'PHOTO_BACKGROUND',
    'PHOTO_LIGHTING',
    'PHOTO_FRAMING',
    'PHOTO_NOT_COMPLIANT',
    'FORMAT_INVALID',
    'OTHER',
  ],
  SIGNATURE: ['SIGNATURE_ILLEGIBLE', 'SIGNATURE_CROPPED', 'FORMAT_INVALID', 'OTHER'],
};

/** The reason the driver will read when choosing `code`: the catalogue's wording (OTHER starts empty). */
export const reasonTextOf = (code: RequestReasonCode): string =>
  code === 'OTHER' ? '' : REASON_TEXTS[code];

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const mm = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

export function figuresOf(image: ImageOfRequest): Figures {
  const m = image.measured;
  const widthMm = num(m['widthMm']);
  const heightMm = num(m['heightMm']);
  const dpiX = num(m['dpiX']);
  const dpiY = num(m['dpiY']);
  return {
    format: image.format === 'pdf' ? 'PDF' : 'JPEG',
    size: `${(image.byteSize / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko (${image.byteSize.toLocaleString('fr-FR')} octets)`,
    pixels: `${num(m['widthPx']) ?? '?'} × ${num(m['heightPx']) ?? '?'} pixels`,
    dpi: dpiX === null ? 'non déclarée' : dpiX === dpiY ? `${dpiX} DPI` : `${dpiX} × ${dpiY} DPI`,
    millimetres:
      widthMm !== null && heightMm !== null ? `${mm(widthMm)} × ${mm(heightMm)} mm` : 'inconnues',
    widthMm,
    heightMm,
  };
}

/** One submitted request, image by image: large and at print size, figures, the previous refused image, the decision. */
@Component({
  selector: 'app-review-page',
  imports: [RouterLink],
  templateUrl: './review.html',
  // The email preview keeps its lines but wraps them: no sideways scroll at 360 px.
  styles: ['.review-mail { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPage {
  readonly id = input.required<string>();
  /** Set after a decision sent the agent on to this request: the one decided (the way back). */
  readonly apres = input<string | undefined>();
  private readonly api = inject(RequestsApi);
  private readonly dashboard = inject(DashboardApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly confirmBox = viewChild<ElementRef<HTMLElement>>('confirmPanel');
  private readonly resultBox = viewChild<ElementRef<HTMLElement>>('resultPanel');

  protected readonly pieceLabels = PIECE_LABELS;
  protected readonly frDate = frDate;
  protected readonly frDateTime = frDateTime;
  protected readonly imageUrl = imageUrl;
  protected readonly figuresOf = figuresOf;
  protected readonly rejectionReasons = REJECTION_REASONS;
  protected readonly reasonLabels = REASON_LABELS;
  /** The new request's email, as the driver would receive it, shown before a refusal is confirmed. */
  protected readonly emailPreview = signal<EmailPreview | null>(null);

  protected readonly request = signal<ReviewableRequest | null>(null);
  protected readonly previous = signal<ReviewableRequest | null>(null);
  protected readonly queue = signal<RequestListItem[]>([]);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly decisions = signal<Partial<Record<Piece, Decision>>>({});
  protected readonly errors = signal<Partial<Record<Piece, string>>>({});
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly result = signal<ReviewResult | null>(null);
  protected readonly submitError = signal<ApiErrorBody | null>(null);
  protected readonly shortcuts = signal(true);
  protected readonly active = signal(0);

  protected readonly images = computed(() => {
    const request = this.request();
    if (!request) return [];
    return request.pieces.map((piece) => ({
      piece,
      image: request.images.find((image) => image.piece === piece) ?? null,
      previous:
        this.previous()?.images.find(
          (image) => image.piece === piece && image.state === 'REJECTED',
        ) ?? null,
    }));
  });

  protected readonly position = computed(() =>
    this.queue().findIndex((item) => item.id === this.id()),
  );
  protected readonly nextInQueue = computed(() => {
    const queue = this.queue().filter((item) => item.id !== this.id());
    const index = this.position();
    return index >= 0 ? (this.queue()[index + 1] ?? null) : (queue[0] ?? null);
  });
  /** After a decision: the next request of the queue, else the first other one still waiting (the queue wraps). */
  protected readonly nextToReview = computed(
    () => this.nextInQueue() ?? this.queue().find((item) => item.id !== this.id()) ?? null,
  );
  protected readonly previousInQueue = computed(() =>
    this.position() > 0 ? this.queue()[this.position() - 1] : null,
  );

  /** What the decision will do, stated before it is confirmed. */
  protected readonly consequence = computed(() => {
    const request = this.request();
    if (!request) return null;
    const decided = request.pieces.map((piece) => ({ piece, decision: this.decisions()[piece] }));
    if (decided.some(({ decision }) => !decision?.outcome)) return null;
    const rejected = decided.filter(({ decision }) => decision?.outcome === 'REJECTED');
    const name = `${request.driver.lastName} ${request.driver.firstName}`;
    if (rejected.length === 0) {
      return {
        validated: true,
        text: `Les images seront validées et la demande de carte ${request.cardType} passera à l’étape du paiement : ${name} recevra le courriel « demande de paiement ».`,
      };
    }
    const pieces = rejected.map(({ piece }) => PIECE_LABELS[piece].toLowerCase()).join(' et ');
    return {
      validated: false,
      text: `La demande sera refusée. Une nouvelle demande d’images (${pieces}) sera créée et ${name} recevra un courriel avec le motif du refus et 45 jours pour envoyer de nouvelles images.`,
    };
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    this.request.set(null);
    this.previous.set(null);
    this.decisions.set({});
    this.errors.set({});
    this.confirming.set(false);
    this.result.set(null);
    this.submitError.set(null);
    this.emailPreview.set(null);
    this.active.set(0);
    try {
      const [request, queue] = await Promise.all([
        this.api.request(id),
        this.dashboard.requests({ state: 'SUBMITTED', sort: 'oldest', limit: 100 }),
      ]);
      this.queue.set(queue.items);
      this.request.set(request);
      this.error.set(null);
      if (request.previousRequestId)
        this.previous.set(await this.api.request(request.previousRequestId));
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
  }

  protected decide(piece: Piece, outcome: ReviewOutcome): void {
    this.decisions.update((all) => ({
      ...all,
      [piece]: { outcome, reason: all[piece]?.reason ?? '' },
    }));
    this.errors.update((all) => ({ ...all, [piece]: undefined }));
    this.confirming.set(false);
  }

  protected setReason(piece: Piece, reason: string): void {
    this.decisions.update((all) => ({
      ...all,
      [piece]: { ...all[piece], outcome: all[piece]?.outcome ?? 'REJECTED', reason },
    }));
    this.confirming.set(false);
  }

  /** A catalogue reason fills the text, which stays editable. */
  protected chooseReason(piece: Piece, code: string): void {
    if (!code) return;
    const reasonCode = code as RequestReasonCode;
    this.decisions.update((all) => ({
      ...all,
      [piece]: { outcome: 'REJECTED', reason: reasonTextOf(reasonCode), reasonCode },
    }));
    this.confirming.set(false);
    afterNextRender(() => document.getElementById(`reason-${piece}`)?.focus(), {
      injector: this.injector,
    });
  }

  /** The decisions as « Confirmer la décision » sends them (and as the email preview takes them). */
  private reviewBody(request: ReviewableRequest): ReviewRequestBody {
    const decisions = request.pieces.map((piece) => {
      const decision = this.decisions()[piece] as Decision;
      return decision.outcome === 'REJECTED'
        ? {
            piece,
            outcome: 'REJECTED' as const,
            reason: decision.reason.trim(),
            ...(decision.reasonCode ? { reasonCode: decision.reasonCode } : {}),
          }
        : { piece, outcome: 'VALIDATED' as const };
    });
    return { decisions };
  }

  /** Checks the decisions, then shows the consequence and asks for confirmation. */
  protected prepare(): void {
    const request = this.request();
    if (!request) return;
    const errors: Partial<Record<Piece, string>> = {};
    for (const piece of request.pieces) {
      const decision = this.decisions()[piece];
      if (!decision?.outcome)
        errors[piece] =
          `Choisissez de valider ou de refuser : ${PIECE_LABELS[piece].toLowerCase()}.`;
      else if (decision.outcome === 'REJECTED' && !decision.reason.trim())
        errors[piece] = 'Indiquez le motif du refus : il sera envoyé au chauffeur.';
      else if (decision.reason.length > 500)
        errors[piece] = 'Le motif ne doit pas dépasser 500 caractères.';
    }
    this.errors.set(errors);
    const first = request.pieces.find((piece) => errors[piece]);
    if (first) {
      const decision = this.decisions()[first];
      document
        .getElementById(decision?.outcome === 'REJECTED' ? `reason-${first}` : `validate-${first}`)
        ?.focus();
      return;
    }
    this.confirming.set(true);
    this.emailPreview.set(null);
    afterNextRender(() => this.confirmBox()?.nativeElement.focus(), { injector: this.injector });
    if (request.pieces.some((piece) => this.decisions()[piece]?.outcome === 'REJECTED')) {
      this.api
        .reviewEmailPreview(request.id, this.reviewBody(request))
        .then((preview) => this.emailPreview.set(preview))
        .catch((error: unknown) => this.submitError.set(apiErrorOf(error)));
    }
  }

  protected async confirm(): Promise<void> {
    const request = this.request();
    if (!request) return;
    this.busy.set(true);
    this.submitError.set(null);
    try {
      const result = await this.api.review(request.id, this.reviewBody(request));
      const next = this.nextToReview();
      if (next) {
        // Straight on to the next request to review; its page offers the way back to this one.
        await this.router.navigate(['/demandes', next.id, 'examen'], {
          queryParams: { apres: request.id },
        });
        return;
      }
      this.result.set(result);
      this.confirming.set(false);
    } catch (error) {
      this.submitError.set(apiErrorOf(error));
    } finally {
      this.busy.set(false);
    }
    afterNextRender(() => this.resultBox()?.nativeElement.focus(), { injector: this.injector });
  }

  protected go(item: RequestListItem | null): void {
    if (item) void this.router.navigate(['/demandes', item.id, 'examen']);
  }

  /**
   * Shortcuts (WCAG 2.1.4: they can be switched off, and never fire while typing):
   * 1/2 choose the image, V validates it, R refuses it (and moves to the reason),
   * S opens the next request of the queue, P the previous one.
   */
  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    if (!this.shortcuts() || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (
      target &&
      (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
    ) {
      if (!(
        target instanceof HTMLInputElement &&
        (target.type === 'radio' || target.type === 'checkbox')
      ))
        return;
    }
    const images = this.images();
    const key = event.key.toLowerCase();
    if ((key === '1' || key === '2') && images[Number(key) - 1]) {
      this.active.set(Number(key) - 1);
      document.getElementById(`image-${images[Number(key) - 1].piece}`)?.focus();
    } else if ((key === 'v' || key === 'r') && !this.result()) {
      const current = images[this.active()];
      if (!current) return;
      this.decide(current.piece, key === 'v' ? 'VALIDATED' : 'REJECTED');
      if (key === 'r')
        afterNextRender(() => document.getElementById(`reason-${current.piece}`)?.focus(), {
          injector: this.injector,
        });
      else if (images[this.active() + 1]) this.active.update((index) => index + 1);
    } else if (key === 's') {
      this.go(this.nextInQueue());
    } else if (key === 'p') {
      this.go(this.previousInQueue());
    } else {
      return;
    }
    event.preventDefault();
  }
}
