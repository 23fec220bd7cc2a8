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
  untracked,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import type { Piece } from '@t3p/contracts';
import type { StoredImageSummary } from '@t3p/api-client';
import { CRITERIA, NOMINAL, type ImageKind, type Measured, type RuleError } from '@t3p/image-rules';
import type { QualityWarning } from '@t3p/image-warnings';
import { ApiCallError } from '@t3p/api-client';
import { statusOf } from '@t3p/ui';
import { DriverRequestApi, imageUrlOf, isImageRefusal } from '../../../api/request-api';
import { dateTimeFr, integerFr } from '../format';
import { HEADER_BYTES, readHead, routeFile, sniffFormat } from '../pre-check';
import type { ExportedJpeg } from '../assistant/export-jpeg';
import { ASSISTANT_MARKS } from '@t3p/image-assistant/marks';
import { PhotoEditor } from '../assistant/photo-editor';
import { SignatureAssistant } from '../assistant/signature-assistant';
import { SignaturePad } from '../assistant/signature-pad';
import { CardPreview } from '../assistant/card-preview';
import { WizardStepper } from '../wizard-stepper';
import { WizardStore } from '../wizard-store';
import { neighbours, pieceOfStep, readyToSubmit, uploadSteps, type StepId } from '../wizard-steps';
import { QualityWarningsView, qualityWarningsOf } from '../warnings/quality-warnings';
import { ConfirmDialog } from './confirm-dialog';
import { VerdictView, measuredLines } from './verdict-view';

type Outcome =
  | {
      kind: 'refused';
      source: 'browser' | 'server' | 'assistant';
      fileName: string;
      errors: readonly RuleError[];
      measured: Partial<Measured> | null;
    }
  | { kind: 'accepted'; fileName: string }
  | { kind: 'failed'; title: string; message: string };

/** "Too heavy" and "network failure" are different problems with different fixes: different titles. */
function failureOf(error: unknown, message: string): { title: string; message: string } {
  if (statusOf(error) === 413) return { title: 'Fichier trop lourd', message };
  if (statusOf(error) === 0) {
    return {
      title: 'Connexion interrompue',
      message:
        'Le fichier n’a pas pu être envoyé : la connexion au réseau a été coupée. Vérifiez votre réseau (Wi-Fi ou données mobiles), puis choisissez de nouveau le fichier.',
    };
  }
  return { title: 'L’envoi n’a pas abouti', message };
}

const STEP_OF: Record<Piece, StepId> = { PHOTO: 'photo', SIGNATURE: 'signature' };
const KIND_OF: Record<Piece, ImageKind> = { PHOTO: 'photo', SIGNATURE: 'signature' };

/** Steps 3 and 4: the criteria, then the file (picker, drop or camera), checked at once. */
@Component({
  selector: 'app-upload-step',
  imports: [
    WizardStepper,
    VerdictView,
    ConfirmDialog,
    PhotoEditor,
    SignatureAssistant,
    SignaturePad,
    CardPreview,
    QualityWarningsView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './upload-step.html',
  styles: `
    .drop-zone {
      border: 2px dashed var(--border-default-grey);
      border-radius: 0.25rem;
    }
    .drop-zone--over {
      border-color: var(--border-active-blue-france);
      background: var(--background-alt-blue-france);
    }
    .preview {
      max-width: 100%;
      height: auto;
      border: 1px solid var(--border-default-grey);
    }
    .preview--signature {
      max-width: 16rem;
    }
    .preview--photo {
      max-width: 10rem;
    }
  `,
})
export class UploadStep {
  /** From the route's data. */
  readonly piece = input.required<Piece>();

  protected readonly store = inject(WizardStore);
  private readonly api = inject(DriverRequestApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly result = viewChild<ElementRef<HTMLElement>>('result');
  private readonly picker = viewChild.required<ElementRef<HTMLInputElement>>('picker');
  private readonly dialog = viewChild.required(ConfirmDialog);

  protected readonly kind = computed(() => KIND_OF[this.piece()]);
  protected readonly step = computed(() => STEP_OF[this.piece()]);
  protected readonly criteria = computed(() => CRITERIA[this.kind()]);
  protected readonly maxKo = computed(() => NOMINAL[this.kind()].maxBytes / 1024);
  protected readonly image = computed<StoredImageSummary | null>(() => {
    this.store.request();
    return this.store.imageOf(this.piece());
  });
  /** The images the confirmation shows: this pass's accepted file of each requested piece. */
  protected readonly toSend = computed(() =>
    this.pieces().flatMap((piece) => {
      const image = this.store.imageOf(piece);
      return image ? [{ piece, src: imageUrlOf(piece, image.sha256) }] : [];
    }),
  );

  /** The accepted photo and signature of this pass, for the true-size preview on the card. */
  protected readonly cardImages = computed(() => {
    this.store.request();
    const urlOf = (piece: Piece) => {
      const image = this.store.imageOf(piece);
      return image && image.format !== 'pdf' ? imageUrlOf(piece, image.sha256) : null;
    };
    return { photo: urlOf('PHOTO'), signature: urlOf('SIGNATURE') };
  });
  protected readonly imageUrl = computed(() => {
    const image = this.image();
    return image ? imageUrlOf(image.piece, image.sha256) : null;
  });
  protected readonly imageLines = computed(() =>
    measuredLines(this.image()?.measured as Partial<Measured> | undefined),
  );
  protected readonly uploadedAt = computed(() => dateTimeFr(this.image()?.uploadedAt));
  protected readonly pieces = computed(() => this.store.request()?.pieces ?? []);
  protected readonly nav = computed(() => neighbours(this.step(), this.pieces()));
  protected readonly isLastUpload = computed(() => {
    const uploads = uploadSteps(this.pieces());
    return uploads[uploads.length - 1] === this.step();
  });

  protected readonly busy = signal(false);
  protected readonly instant = signal<readonly RuleError[] | null>(null);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly missing = signal(false);
  protected readonly dragging = signal(false);
  protected readonly previewFailed = signal(false);
  protected readonly submitting = signal(false);
  protected readonly dialogError = signal<string | null>(null);
  /** The picture open in the assistant, and what is wrong with it as it is (null: not a JPEG). */
  protected readonly assistantFile = signal<File | null>(null);
  /** The signature pad is open. */
  protected readonly padOpen = signal(false);
  /** The quality warnings this browser found on the file just sent (null: not known, or still checking). */
  protected readonly quality = signal<readonly QualityWarning[] | null>(null);
  protected readonly checkingQuality = signal(false);
  /** The JPEG just sent, reopened in the assistant by « Corriger ma photo ». */
  private lastSent: File | null = null;
  private qualityRun = 0;

  constructor() {
    // A new piece (photo → signature reuses this component): start clean.
    effect(() => {
      this.piece();
      untracked(() => {
        this.outcome.set(null);
        this.instant.set(null);
        this.missing.set(false);
        this.assistantFile.set(null);
        this.padOpen.set(false);
        this.forgetQuality();
      });
    });
  }

  protected assistantName(): string {
    return this.piece() === 'PHOTO' ? '« Corriger ma photo »' : '« Corriger ma signature »';
  }

  protected label(): string {
    return this.piece() === 'PHOTO' ? 'votre photo d’identité' : 'votre signature';
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // User Timing, read by tools/bench/assistant-bench.ts: the start of « photo chosen → editor shown ».
    performance.mark(ASSISTANT_MARKS.chosen);
    input.value = '';
    if (file) void this.handle(file);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) void this.handle(file);
  }

  protected async handle(file: File): Promise<void> {
    if (this.busy()) return;
    this.outcome.set(null);
    this.missing.set(false);
    this.store.restartNotice.set(false);
    this.assistantFile.set(null);
    this.padOpen.set(false);
    this.forgetQuality();
    const route = routeFile(await readHead(file, HEADER_BYTES), file.size, this.kind());
    if (route.to === 'refuse') {
      this.instant.set(null);
      this.show({
        kind: 'refused',
        source: 'browser',
        fileName: file.name,
        errors: route.verdict.errors,
        measured: null,
      });
      return;
    }
    if (route.to === 'assistant') {
      this.instant.set(null);
      this.assistantFile.set(file);
      if (route.verdict?.errors.length) {
        this.show({
          kind: 'refused',
          source: 'assistant',
          fileName: file.name,
          errors: route.verdict.errors,
          measured: route.verdict.measured,
        });
      }
      return;
    }
    await this.send(file, file.name, sniffFormat(await readHead(file)).format === 'jpeg');
  }

  /** The assistant's result: the only thing sent (never the picture it was made from). */
  protected async sendCorrected(result: ExportedJpeg): Promise<void> {
    const name = this.piece() === 'PHOTO' ? 'photo-corrigee.jpg' : 'signature-corrigee.jpg';
    this.assistantFile.set(null);
    this.padOpen.set(false);
    await this.send(result.blob, name, true);
  }

  /** « Corriger ma photo » beside the warnings: the file just sent, opened in the assistant. */
  protected correctSent(): void {
    const file = this.lastSent;
    this.outcome.set(null);
    this.forgetQuality();
    if (file) this.assistantFile.set(file);
  }

  private forgetQuality(): void {
    this.qualityRun++;
    this.quality.set(null);
    this.checkingQuality.set(false);
    this.lastSent = null;
  }

  /**
   * The quality warnings of a JPEG being sent, computed in this browser with the server's code
   * (the detector loaded on first use); shown with the accepted verdict, never blocking.
   */
  private checkQuality(file: Blob, fileName: string): void {
    this.forgetQuality();
    const run = this.qualityRun;
    this.lastSent = new File([file], fileName, { type: 'image/jpeg' });
    this.checkingQuality.set(true);
    void qualityWarningsOf(file, this.kind()).then((warnings) => {
      if (run !== this.qualityRun) return;
      this.quality.set(warnings);
      this.checkingQuality.set(false);
    });
  }

  protected openPad(): void {
    this.assistantFile.set(null);
    this.outcome.set(null);
    this.padOpen.set(true);
  }

  /** Beside the pad, a keyboard user is offered the file route: the pad closes, the picker takes the focus. */
  protected useFileRoute(): void {
    this.padOpen.set(false);
    afterNextRender(() => this.picker().nativeElement.focus(), { injector: this.injector });
  }

  private async send(file: Blob, fileName: string, jpeg: boolean): Promise<void> {
    this.busy.set(true);
    if (jpeg) this.checkQuality(file, fileName);
    else this.forgetQuality();
    try {
      await this.api.upload(this.piece(), file, fileName);
      await this.store.refreshRequest();
      this.previewFailed.set(false);
      this.show({ kind: 'accepted', fileName });
    } catch (error) {
      const body = error instanceof ApiCallError ? error.body : null;
      if (isImageRefusal(body)) {
        this.show({
          kind: 'refused',
          source: 'server',
          fileName,
          errors: body.verdict.errors,
          measured: body.verdict.measured,
        });
      } else {
        const message = this.store.actionError(error);
        if (message) this.show({ kind: 'failed', ...failureOf(error, message) });
      }
    } finally {
      this.instant.set(null);
      this.busy.set(false);
    }
  }

  /** Shows the verdict and moves the focus to it, so a screen reader reads it at once. */
  private show(outcome: Outcome): void {
    this.outcome.set(outcome);
    afterNextRender(() => this.result()?.nativeElement.focus(), { injector: this.injector });
  }

  protected openPicker(): void {
    this.picker().nativeElement.click();
  }

  protected previous(): void {
    const previous = this.nav().previous;
    if (previous) void this.router.navigate(['/demande', previous]);
  }

  protected next(): void {
    if (!this.image()) {
      this.missing.set(true);
      afterNextRender(() => this.result()?.nativeElement.focus(), { injector: this.injector });
      return;
    }
    if (this.isLastUpload()) {
      if (readyToSubmit(this.store.facts())) {
        this.dialogError.set(null);
        this.dialog().open();
      } else {
        const first = uploadSteps(this.pieces()).find(
          (step) => !this.store.imageOf(pieceOfStep(step) as Piece),
        );
        if (first) void this.router.navigate(['/demande', first]);
      }
      return;
    }
    const next = this.nav().next;
    if (next) void this.router.navigate(['/demande', next]);
  }

  /** "Valider". */
  protected async submit(): Promise<void> {
    this.submitting.set(true);
    this.dialogError.set(null);
    try {
      await this.api.submit();
      await this.store.refreshRequest();
      this.dialog().close();
      await this.router.navigate(['/demande', 'recapitulatif']);
    } catch (error) {
      const message = this.store.actionError(error);
      if (message) this.dialogError.set(message);
    } finally {
      this.submitting.set(false);
    }
  }

  /** "Annuler": the images of this pass are deleted; the upload starts again at its first step. */
  protected async restart(): Promise<void> {
    this.submitting.set(true);
    this.dialogError.set(null);
    try {
      await this.api.discard();
      await this.store.refreshRequest();
      this.dialog().close();
      this.outcome.set(null);
      this.store.restartNotice.set(true);
      const first = uploadSteps(this.pieces())[0];
      await this.router.navigate(['/demande', first]);
    } catch (error) {
      const message = this.store.actionError(error);
      if (message) this.dialogError.set(message);
    } finally {
      this.submitting.set(false);
    }
  }

  protected readonly formatKo = integerFr;
}
