import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ErrorCode, Measured, RuleError } from '@t3p/image-rules';
import { formatFr } from '@t3p/image-rules';

const RULE_NAMES: Record<ErrorCode, string> = {
  EMPTY: 'Fichier vide',
  TOO_LARGE: 'Poids du fichier',
  UNSUPPORTED_FORMAT: 'Format du fichier',
  CORRUPT: 'Fichier illisible',
  PDF_PAGES: 'Nombre de pages du PDF',
  PDF_NO_IMAGE: 'Image dans le PDF',
  PDF_UNSAFE: 'Contenu du PDF',
  DPI_MISSING: 'Résolution non indiquée',
  DPI_OUT_OF_RANGE: 'Résolution',
  RATIO: 'Proportions',
  DIMENSIONS: 'Dimensions',
  TOO_MANY_PIXELS: 'Nombre de pixels',
};

/** The figures measured on a file, as a short list (only those known). */
export function measuredLines(
  m: Partial<Measured> | null | undefined,
): { label: string; value: string }[] {
  if (!m) return [];
  const lines: { label: string; value: string }[] = [];
  if (m.format) lines.push({ label: 'Format', value: m.format === 'jpeg' ? 'JPEG' : 'PDF' });
  if (typeof m.bytes === 'number')
    lines.push({ label: 'Poids', value: `${formatFr(m.bytes / 1024, 1, true)} Ko` });
  if (m.widthPx && m.heightPx)
    lines.push({ label: 'Pixels', value: `${m.widthPx} × ${m.heightPx}` });
  if (m.dpiX && m.dpiY)
    lines.push({
      label: 'Résolution',
      value: m.dpiX === m.dpiY ? `${m.dpiX} DPI` : `${m.dpiX} × ${m.dpiY} DPI`,
    });
  if (m.widthMm && m.heightMm) {
    lines.push({
      label: 'Taille',
      value: `${formatFr(m.widthMm, 1, true)} × ${formatFr(m.heightMm, 1, true)} mm`,
    });
  }
  return lines;
}

/** Every failed rule: what was measured, what is expected, how to fix it. */
@Component({
  selector: 'app-verdict-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-alert fr-alert--error">
      <h3 class="fr-alert__title">{{ title() }}</h3>
      <p>{{ intro() }}</p>
    </div>
    <ol class="fr-mt-2w">
      @for (error of errors(); track error.code) {
        <li class="fr-mb-2w">
          <p class="fr-text--bold fr-mb-1v fr-label--error">
            Règle non respectée : {{ ruleName(error) }}
          </p>
          <p class="fr-mb-1v">{{ error.message }}</p>
          <p class="fr-text--sm fr-mb-0">
            <span class="fr-text--bold">Comment corriger :</span> {{ error.hint }}
          </p>
        </li>
      }
    </ol>
    @if (lines().length) {
      <p class="fr-text--sm fr-mb-1v">Ce qui a été mesuré sur « {{ fileName() }} » :</p>
      <ul class="fr-text--sm">
        @for (line of lines(); track line.label) {
          <li>{{ line.label }} : {{ line.value }}</li>
        }
      </ul>
    }
  `,
})
export class VerdictView {
  readonly errors = input.required<readonly RuleError[]>();
  readonly measured = input<Partial<Measured> | null>(null);
  readonly fileName = input('');
  /**
   * 'browser': instant pre-check, nothing sent; 'assistant': the same, and the assistant opened below
   * to make a file that passes; 'server': the full verdict.
   */
  readonly source = input<'browser' | 'server' | 'assistant'>('server');

  protected readonly title = computed(() => {
    const count = this.errors().length;
    if (this.source() === 'assistant') {
      return count > 1
        ? `Fichier à corriger : ${count} règles ne sont pas respectées`
        : 'Fichier à corriger : une règle n’est pas respectée';
    }
    return count > 1
      ? `Fichier refusé : ${count} règles ne sont pas respectées`
      : 'Fichier refusé : une règle n’est pas respectée';
  });
  protected readonly intro = computed(() =>
    this.source() === 'assistant'
      ? `« ${this.fileName()} » n’a pas été envoyé : tel quel, il ne respecte pas les règles ci-dessous. L’assistant juste en dessous en fait un fichier conforme, sans rien envoyer d’autre que le résultat.`
      : this.source() === 'browser'
        ? `« ${this.fileName()} » n’a pas été envoyé : la vérification faite sur votre appareil a trouvé le problème ci-dessous. Corrigez-le puis choisissez de nouveau le fichier.`
        : `« ${this.fileName()} » n’a pas été gardé. Corrigez chaque point ci-dessous, puis déposez le nouveau fichier.`,
  );
  protected readonly lines = computed(() =>
    this.source() !== 'browser' ? measuredLines(this.measured()) : [],
  );

  protected ruleName(error: RuleError): string {
    return RULE_NAMES[error.code] ?? error.code;
  }
}
