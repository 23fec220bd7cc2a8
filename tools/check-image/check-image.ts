/**
 * check-image: the spec's command-line contract (shared/spec/image-rules.md).
 *
 *   npm run -s check-image -- --kind photo|signature FILE...
 *
 * Prints one JSON object per file and per line, in the order given:
 * {"file","kind","valid","errors","warnings","measured"}. Runs the same
 * measurement and rule engine as the api; needs no server and no database.
 *
 * Exit status: 0 every file valid, 1 any file invalid, 2 usage error.
 * A file that cannot be read (missing, a directory, no permission) is a
 * usage error: nothing is printed for any file, the reason goes to stderr
 * with the usage, and the status is 2 (files are all read before any check).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluate, IMAGE_KINDS, type ImageKind, type Verdict } from '@t3p/image-rules';
import { checkImage, HARD_CAP_BYTES, measureImage } from '@t3p/image-measurement';

export const USAGE = `Usage : npm run -s check-image -- --kind photo|signature FICHIER...

Vérifie des images (JPEG ou PDF) selon les règles du portail T3P, sans serveur
ni base de données. Affiche un objet JSON par fichier et par ligne, dans l'ordre
donné.

Options :
  --kind photo|signature   le type de pièce (obligatoire) ; --kind=photo est accepté
  -h, --help               affiche cette aide

Code de sortie : 0 si tous les fichiers sont conformes, 1 si au moins un ne l'est
pas, 2 en cas d'erreur d'utilisation (option inconnue, type absent, fichier
illisible ou introuvable).
`;

export type ParsedArgs = { kind: ImageKind; files: string[] } | { help: true } | { error: string };

export function parseArgs(argv: string[]): ParsedArgs {
  let kind: string | undefined;
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyFiles) files.push(a);
    else if (a === '--') onlyFiles = true;
    else if (a === '-h' || a === '--help') return { help: true };
    else if (a === '--kind') {
      if (kind !== undefined) return { error: 'option --kind donnée deux fois' };
      if (i + 1 >= argv.length)
        return { error: "l'option --kind attend une valeur (photo ou signature)" };
      kind = argv[++i];
    } else if (a.startsWith('--kind=')) {
      if (kind !== undefined) return { error: 'option --kind donnée deux fois' };
      kind = a.slice('--kind='.length);
    } else if (a.startsWith('-') && a !== '-') return { error: `option inconnue : ${a}` };
    else files.push(a);
  }
  if (kind === undefined) return { error: "l'option --kind est obligatoire (photo ou signature)" };
  if (!(IMAGE_KINDS as readonly string[]).includes(kind)) {
    return { error: `type inconnu : « ${kind} » (attendu : photo ou signature)` };
  }
  if (files.length === 0) return { error: 'aucun fichier à vérifier' };
  return { kind: kind as ImageKind, files };
}

/**
 * Reads a file, refusing what is not a regular file. Past the hard cap only
 * the first HARD_CAP_BYTES + 1 bytes are read (nothing is parsed anyway);
 * `size` is the real size.
 */
async function readInput(file: string): Promise<{ bytes: Buffer; size: number }> {
  const st = await stat(file);
  if (!st.isFile()) throw new Error("ce n'est pas un fichier ordinaire");
  if (st.size <= HARD_CAP_BYTES) return { bytes: await readFile(file), size: st.size };
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(HARD_CAP_BYTES + 1);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return { bytes: head.subarray(0, bytesRead), size: st.size };
  } finally {
    await fh.close();
  }
}

/** The verdict for one input, with the real size when over the hard cap. */
async function verdictFor(
  input: { bytes: Buffer; size: number },
  kind: ImageKind,
): Promise<Verdict> {
  if (input.size === input.bytes.length) return checkImage(input.bytes, kind);
  const measured = await measureImage(input.bytes, kind);
  measured.bytes = input.size;
  return evaluate(measured, kind);
}

export async function main(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    out.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    err.write(`check-image : ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const inputs: { bytes: Buffer; size: number }[] = [];
  // npm runs scripts from the workspace root; INIT_CWD is where the user typed the command.
  const base = process.env['INIT_CWD'] ?? process.cwd();
  for (const file of parsed.files) {
    try {
      inputs.push(await readInput(resolve(base, file)));
    } catch (e) {
      const reason =
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'fichier introuvable'
          : e instanceof Error
            ? e.message
            : String(e);
      err.write(`check-image : impossible de lire « ${file} » : ${reason}\n\n${USAGE}`);
      return 2;
    }
  }
  let allValid = true;
  for (let i = 0; i < parsed.files.length; i++) {
    const verdict = await verdictFor(inputs[i], parsed.kind);
    allValid &&= verdict.valid;
    out.write(
      JSON.stringify({
        file: parsed.files[i],
        kind: verdict.kind,
        valid: verdict.valid,
        errors: verdict.errors,
        warnings: verdict.warnings,
        measured: verdict.measured,
      }) + '\n',
    );
  }
  return allValid ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `check-image : erreur inattendue : ${e instanceof Error ? e.message : String(e)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
