#!/usr/bin/env node
// Writes file.br and file.gz next to each text asset of a built front (JS, CSS, HTML, SVG, JSON),
// which the API serves to browsers that accept them (@fastify/static preCompressed). Run after the build:
//   node tools/check-bundle/precompress.mjs [dist/apps/chauffeur/browser ...]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/apps/chauffeur/browser'];
let count = 0;
let before = 0;
let after = 0;
/** @param {string} dir */
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|mjs|css|html|svg|json|txt)$/.test(name)) {
      const bytes = readFileSync(path);
      if (bytes.length < 1024) continue;
      const br = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      count++;
      before += bytes.length;
      after += br.length;
    }
  }
}
for (const dir of dirs) walk(resolve(dir));
console.log(
  `precompressed ${count} files: ${(before / 1000).toFixed(0)} kB → ${(after / 1000).toFixed(0)} kB (brotli)`,
);
