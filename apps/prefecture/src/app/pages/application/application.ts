import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody, Piece, RequestReasonCode } from '@t3p/contracts';
import type {
  ApplicationDetail,
  AuditEntryView,
  CreateImageRequestBody,
  EmailDeliveryView,
  EmailPreview,
} from '@t3p/api-client';
import { apiErrorOf } from '@t3p/ui';
import { RequestsApi } from '../../api/backoffice-api';
import {
  ACTION_LABELS,
  APPLICATION_STATE_LABELS,
  DELIVERY_LABELS,
  EMAIL_LABELS,
  OPEN_STATES,
  PIECE_LABELS,
  REASON_CODES,
  REASON_LABELS,
  STATE_BADGES,
  STATE_LABELS,
  frDate,
  frDateTime,
} from '../../labels';

interface TimelineEvent {
  at: string;
  title: string;
  who: string;
  detail: string | null;
  delivery: string | null;
}

const PIECE_CHOICES: { value: string; label: string; pieces: Piece[] }[] = [
  { value: 'PHOTO', label: 'La photo d’identité', pieces: ['PHOTO'] },
  { value: 'SIGNATURE', label: 'La signature', pieces: ['SIGNATURE'] },
  { value: 'BOTH', label: 'La photo et la signature', pieces: ['PHOTO', 'SIGNATURE'] },
];

/** One card application: the driver, the current request, a new request (with its email preview), the timeline. */
@Component({
  selector: 'app-application-page',
  imports: [RouterLink],
  templateUrl: './application.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationPage {
  readonly id = input.required<string>();
  private readonly api = inject(RequestsApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly injector = inject(Injector);
  private readonly resultBox = viewChild<ElementRef<HTMLElement>>('result');

  protected readonly pieceChoices = PIECE_CHOICES;
  protected readonly reasonCodes = REASON_CODES;
  protected readonly reasons = REASON_LABELS;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly stateBadges = STATE_BADGES;
  protected readonly applicationStateLabels = APPLICATION_STATE_LABELS;
  protected readonly pieceLabels = PIECE_LABELS;
  protected readonly frDate = frDate;
  protected readonly frDateTime = frDateTime;

  protected readonly detail = signal<ApplicationDetail | null>(null);
  protected readonly timeline = signal<TimelineEvent[]>([]);
  protected readonly error = signal<ApiErrorBody | null>(null);

  protected readonly piecesChoice = signal('');
  protected readonly reasonCode = signal<RequestReasonCode | ''>('');
  protected readonly reasonText = signal('');
  protected readonly formErrors = signal<Record<string, string>>({});
  protected readonly preview = signal<EmailPreview | null>(null);
  protected readonly previewHtml = signal<SafeHtml | null>(null);
  protected readonly busy = signal(false);
  protected readonly created = signal<string | null>(null);
  protected readonly submitError = signal<ApiErrorBody | null>(null);

  protected readonly canAsk = computed(() => {
    const detail = this.detail();
    if (!detail) return false;
    const state = detail.application.state;
    const open = detail.request && OPEN_STATES.includes(detail.request.state);
    return state !== 'VALIDATED' && state !== 'CANCELLED' && !open;
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    try {
      const [detail, audit, emails] = await Promise.all([
        this.api.application(id),
        this.api.audit(id),
        this.api.emails(id),
      ]);
      this.detail.set(detail);
      this.timeline.set(buildTimeline(audit, emails));
      this.error.set(null);
    } catch (error) {
      this.error.set(apiErrorOf(error));
    }
  }

  protected piecesOf(request: NonNullable<ApplicationDetail['request']>): string {
    return [
      request.photoRequested ? PIECE_LABELS.PHOTO : null,
      request.signatureRequested ? PIECE_LABELS.SIGNATURE : null,
    ]
      .filter(Boolean)
      .join(', ');
  }

  private body(): CreateImageRequestBody | null {
    const errors: Record<string, string> = {};
    const pieces = PIECE_CHOICES.find((choice) => choice.value === this.piecesChoice())?.pieces;
    if (!pieces) errors['pieces'] = 'Choisissez les pièces à demander.';
    if (!this.reasonCode()) errors['reason'] = 'Choisissez un motif dans la liste.';
    const text = this.reasonText().trim();
    if (this.reasonCode() === 'OTHER' && !text)
      errors['text'] = 'Avec « Autre motif », décrivez le motif au chauffeur.';
    if (text.length > 500) errors['text'] = 'Le motif ne doit pas dépasser 500 caractères.';
    this.formErrors.set(errors);
    if (Object.keys(errors).length > 0 || !pieces) {
      const first = errors['pieces']
        ? 'pieces-PHOTO'
        : errors['reason']
          ? 'reason-code'
          : 'reason-text';
      document.getElementById(first)?.focus();
      return null;
    }
    return {
      pieces,
      reasonCode: this.reasonCode() as RequestReasonCode,
      ...(text ? { reasonText: text } : {}),
    };
  }

  protected async showPreview(): Promise<void> {
    const body = this.body();
    if (!body) return;
    this.busy.set(true);
    try {
      const preview = await this.api.preview(this.id(), body);
      this.preview.set(preview);
      // The API's own template, shown in a sandboxed frame: no script runs in it; the page reads its height.
      this.previewHtml.set(this.sanitizer.bypassSecurityTrustHtml(preview.html));
      afterNextRender(() => document.getElementById('preview-title')?.focus(), {
        injector: this.injector,
      });
    } catch (error) {
      this.submitError.set(apiErrorOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** The preview frame as tall as the email, so that it shows whole (button and footer included). */
  protected fitToContent(event: Event): void {
    const frame = event.target as HTMLIFrameElement;
    const height = frame.contentDocument?.documentElement.scrollHeight;
    if (height) frame.style.height = `${height + 2}px`;
  }

  protected async create(): Promise<void> {
    const body = this.body();
    if (!body) return;
    this.busy.set(true);
    this.submitError.set(null);
    try {
      await this.api.create(this.id(), body);
      this.created.set(this.detail()?.driver.email ?? '');
      this.preview.set(null);
      this.previewHtml.set(null);
      await this.load(this.id());
    } catch (error) {
      this.submitError.set(apiErrorOf(error));
    } finally {
      this.busy.set(false);
    }
    afterNextRender(() => this.resultBox()?.nativeElement.focus(), { injector: this.injector });
  }
}

function buildTimeline(audit: AuditEntryView[], emails: EmailDeliveryView[]): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...audit.map((entry) => ({
      at: entry.at,
      title: ACTION_LABELS[entry.action] ?? entry.action,
      who: entry.actor,
      detail: entry.reason,
      delivery: null,
    })),
    ...emails.map((email) => ({
      at: email.createdAt,
      title: EMAIL_LABELS[email.kind],
      who: 'le service (envoi automatique)',
      detail: email.subject,
      delivery:
        DELIVERY_LABELS[email.state] +
        (email.sentAt ? ` le ${frDateTime(email.sentAt)}` : '') +
        (email.attempts > 1 ? ` (${email.attempts} tentatives)` : ''),
    })),
  ];
  // Stable: an email follows the transition that wrote it (same instant).
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.localeCompare(b.event.at) || a.index - b.index)
    .map(({ event }) => event)
    .reverse();
}
