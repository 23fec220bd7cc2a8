#!/usr/bin/env node
// Fails when the initial JavaScript of a built front, gzipped, is over its budget.
// The initial chunks are those index.html loads at once: <script src> and <link rel="modulepreload">.
// Usage: node tools/check-bundle/initial-js-gzip.mjs [dist/apps/chauffeur/browser] [limit in kB, 1 kB = 1,000 bytes]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? 'dist/apps/chauffeur/browser');
const limitKb = Number(process.argv[3] ?? 150);
let html;
try {
  html = readFileSync(join(dir, 'index.html'), 'utf8');
} catch {
  console.error(`No index.html in ${dir}: build the front first (nx build chauffeur).`);
  process.exit(2);
}
const files = new Set();
for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(match[1]);
for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g))
  files.add(match[1]);
for (const match of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"/g))
  files.add(match[1]);
if (files.size === 0) {
  console.error(`No initial script found in ${join(dir, 'index.html')}.`);
  process.exit(2);
}
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(
    `${file.padEnd(28)} ${(bytes.length / 1000).toFixed(2).padStart(8)} kB raw ${(zipped / 1000).toFixed(2).padStart(8)} kB gzip`,
  );
}
const verdict = gzip <= limitKb * 1000;
console.log(
  `initial JS: ${(raw / 1000).toFixed(2)} kB raw, ${(gzip / 1000).toFixed(2)} kB gzip (budget ${limitKb} kB gzip): ${verdict ? 'OK' : 'OVER BUDGET'}`,
);
process.exit(verdict ? 0 : 1);
