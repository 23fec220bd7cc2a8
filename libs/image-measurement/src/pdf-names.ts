import type { UnsafeReason } from '@t3p/image-rules';

/** PDF names that make a file unsafe (`PDF_UNSAFE`), after #xx decoding. */
export const UNSAFE_NAMES: Readonly<Record<string, UnsafeReason>> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  Launch: 'launch',
  SubmitForm: 'submit-form',
  ImportData: 'import-data',
  GoToR: 'remote-goto',
  GoToE: 'remote-goto',
  EmbeddedFiles: 'embedded-file',
  EF: 'embedded-file',
  FileAttachment: 'embedded-file',
  Encrypt: 'encryption',
};

/** Decodes the #xx escapes of a PDF name (`/J#61vaScript` is `/JavaScript`). */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

const NAME_RE = /\/([^\s/<>[\]()%{}\0]*)/g;

/** Adds to `found` the unsafe reasons whose names occur in `text` (latin1). */
export function scanUnsafeNames(text: string, found: Set<UnsafeReason>): void {
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(text); m !== null; m = NAME_RE.exec(text)) {
    const name = m[1].includes('#') ? decodePdfName(m[1]) : m[1];
    const reason = Object.prototype.hasOwnProperty.call(UNSAFE_NAMES, name)
      ? UNSAFE_NAMES[name]
      : undefined;
    if (reason !== undefined) found.add(reason);
  }
}

/** Stable order for reporting. */
export const UNSAFE_ORDER: readonly UnsafeReason[] = [
  'javascript',
  'launch',
  'submit-form',
  'import-data',
  'remote-goto',
  'embedded-file',
  'encryption',
];

export function sortedUnsafe(found: Iterable<UnsafeReason>): UnsafeReason[] {
  const set = new Set(found);
  return UNSAFE_ORDER.filter((r) => set.has(r));
}
