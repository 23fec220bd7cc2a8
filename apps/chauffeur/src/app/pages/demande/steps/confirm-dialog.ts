import { ChangeDetectionStrategy, Component, ElementRef, input, output, signal, viewChild } from '@angular/core';
import type { Piece } from '@t3p/contracts';
import { PIECE_LABEL } from '../format';

/**
 * The confirmation of the upload, a DSFR modal on a native <dialog> (showModal: the rest of the
 * page is inert, Tab stays inside, Escape closes, focus returns to the button that opened it).
 */
@Component({
  selector: 'app-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      id="confirmation"
      class="fr-modal"
      [class.fr-modal--opened]="opened()"
      aria-labelledby="confirmation-title"
      aria-describedby="confirmation-desc"
      (close)="opened.set(false)"
    >
      <div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button type="button" class="fr-btn--close fr-btn" aria-controls="confirmation" (click)="close()" [disabled]="busy()">
                  Fermer
                </button>
              </div>
              <div class="fr-modal__content">
                <h2 id="confirmation-title" class="fr-modal__title">Confirmer l’envoi de vos images</h2>
                <div id="confirmation-desc">
                  <p>Vous allez envoyer à la préfecture :</p>
                  <ul>
                    @for (piece of pieces(); track piece) {
                      <li>{{ label[piece] }}</li>
                    }
                  </ul>
                  <p>
                    <strong>Valider</strong> : vos images partent à la préfecture ; vous ne pourrez plus les changer.<br />
                    <strong>Annuler</strong> : les images déposées sont effacées et vous recommencez le dépôt depuis le début.
                  </p>
                </div>
                @if (error(); as problem) {
                  <div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>{{ problem }}</p></div>
                }
              </div>
              <div class="fr-modal__footer">
                <ul class="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
                  <li>
                    <button type="button" class="fr-btn" [disabled]="busy()" (click)="validate.emit()">Valider</button>
                  </li>
                  <li>
                    <button type="button" class="fr-btn fr-btn--secondary" [disabled]="busy()" (click)="restart.emit()">
                      Annuler
                    </button>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  `,
  // The DSFR modal is its own full-screen overlay: undo the browser's defaults for a modal <dialog>.
  styles: `
    dialog.fr-modal { width: 100%; height: 100%; max-width: none; max-height: none; margin: 0; padding: 0; border: 0; }
    dialog.fr-modal::backdrop { background: transparent; }
  `,
})
export class ConfirmDialog {
  readonly pieces = input.required<readonly Piece[]>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  /** "Valider": submit the images. */
  readonly validate = output<void>();
  /** "Annuler": discard this pass's images and start the upload again. */
  readonly restart = output<void>();

  protected readonly label = PIECE_LABEL;
  protected readonly opened = signal(false);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  open(): void {
    const dialog = this.dialog().nativeElement;
    if (!dialog.open) dialog.showModal();
    this.opened.set(true);
  }

  close(): void {
    const dialog = this.dialog().nativeElement;
    if (dialog.open) dialog.close();
    this.opened.set(false);
  }
}
