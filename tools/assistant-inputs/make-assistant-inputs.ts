/**
 * Writes the assistant's realistic inputs (phone portraits, screenshots, EXIF 6/8, WebP,
 * signatures on A4 pages and in phone photos…) and their manifest.json to a folder.
 *
 *   npm run assistant-inputs -- [folder]     (default tmp/assistant-inputs)
 */
import { resolve } from 'node:path';
import { assistantInputs, writeInputs } from '@t3p/e2e-kit';

async function main(): Promise<void> {
  const folder = resolve(
    process.env['INIT_CWD'] ?? process.cwd(),
    process.argv[2] ?? 'tmp/assistant-inputs',
  );
  const inputs = await assistantInputs();
  await writeInputs(folder, inputs);
  console.log(`${inputs.length} inputs in ${folder}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
