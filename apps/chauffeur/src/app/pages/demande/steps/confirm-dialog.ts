import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Piece } from '@t3p/contracts';
import { PIECE_LABEL } from '../format';

/**
 * The confirmation of the upload, a DSFR modal on a native <dialog> (showModal: the rest of the
 * page is inert, Tab stays inside, Escape closes, focus returns to the button that opened it).
 * It shows the images about to leave. « Annuler et recommencer » discards this pass's uploads, as
 * the upload rules say (shared spec: the driver starts again from the first image); keeping the
 * files is what « Fermer » (and Escape) does, so each of the three buttons does one thing, said
 * on it and in the dialog.
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
      tabindex="-1"
      (close)="opened.set(false)"
    >
      <div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button
                  type="button"
                  class="fr-btn--close fr-btn"
                  aria-controls="confirmation"
                  (click)="close()"
                  [disabled]="busy()"
                >
                  Fermer
                </button>
              </div>
              <div class="fr-modal__content">
                <h2 id="confirmation-title" class="fr-modal__title">
                  Confirmer l’envoi de vos images
                </h2>
                <div id="confirmation-desc">
                  <p>Vous allez envoyer à la préfecture :</p>
                  <ul class="confirm-thumbnails">
                    @for (image of images(); track image.piece) {
                      <li>
                        <img
                          [src]="image.src"
                          [alt]="label[image.piece] + ' que vous allez envoyer'"
                          [class]="
                            'confirm-thumbnail confirm-thumbnail--' + image.piece.toLowerCase()
                          "
                        />
                        <span>{{ label[image.piece] }}</span>
                      </li>
                    }
                  </ul>
                  <p>
                    <strong>Valider</strong> : vos images partent à la préfecture ; vous ne pourrez
                    plus les changer.<br />
                    <strong>Annuler et recommencer</strong> : ces images sont effacées et vous
                    recommencez le dépôt depuis la première image.<br />
                    <strong>Fermer</strong> (ou Échap) : vous revenez au dépôt, vos images restent
                    enregistrées.
                  </p>
                </div>
                @if (error(); as problem) {
                  <div class="fr-alert fr-alert--error fr-alert--sm" role="alert">
                    <p>{{ problem }}</p>
                  </div>
                }
              </div>
              <div class="fr-modal__footer">
                <ul
                  class="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg"
                >
                  <li>
                    <button
                      type="button"
                      class="fr-btn"
                      [disabled]="busy()"
                      (click)="validate.emit()"
                    >
                      Valider
                    </button>
                  </li>
                  <li>
                    <button
                      type="button"
                      class="fr-btn fr-btn--secondary"
                      [disabled]="busy()"
                      (click)="restart.emit()"
                    >
                      Annuler et recommencer
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
    dialog.fr-modal {
      width: 100%;
      height: 100%;
      max-width: none;
      max-height: none;
      margin: 0;
      padding: 0;
      border: 0;
    }
    dialog.fr-modal::backdrop {
      background: transparent;
    }
    dialog.fr-modal:focus {
      outline: none;
    }
    /* Visible at once when opened (only the opacity fades): a transition of visibility keeps it hidden, so unfocusable, for its first frame. */
    dialog.fr-modal.fr-modal--opened {
      transition: opacity 0.3s;
    }
    .confirm-thumbnails {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .confirm-thumbnails li {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.25rem;
    }
    .confirm-thumbnail {
      display: block;
      border: 1px solid var(--border-default-grey);
      background: #fff;
    }
    .confirm-thumbnail--photo {
      width: 5.25rem;
      height: auto;
    }
    .confirm-thumbnail--signature {
      width: 7.5rem;
      height: auto;
    }
  `,
})
export class ConfirmDialog {
  /** The images about to be sent, in the order of the steps. */
  readonly images = input.required<readonly { piece: Piece; src: string }[]>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  /** "Valider": submit the images. */
  readonly validate = output<void>();
  /** "Annuler": discard this pass's images and start the upload again. */
  readonly restart = output<void>();

  protected readonly label = PIECE_LABEL;
  protected readonly opened = signal(false);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /**
   * Opens the dialog visible at once (the DSFR class set before showModal: a dialog still hidden
   * by it cannot take focus) and moves focus into it, so that a screen reader announces its
   * title and description.
   */
  open(): void {
    const dialog = this.dialog().nativeElement;
    dialog.classList.add('fr-modal--opened');
    this.opened.set(true);
    if (!dialog.open) dialog.showModal();
    dialog.focus();
  }

  close(): void {
    const dialog = this.dialog().nativeElement;
    if (dialog.open) dialog.close();
    this.opened.set(false);
  }
}
