import { inflate, constants as zc } from 'node:zlib';
import type { UnsafeReason } from '@t3p/image-rules';
import { scanUnsafeNames } from './pdf-names';

/**
 * Raw pre-scan of a PDF, BEFORE pdf-lib sees it (pdf-lib inflates object and
 * xref streams on load with no limit). Finds every stream, inflates each
 * Flate stream (also chained /FlateDecode /FlateDecode) with a capped
 * inflate against one total budget, looks for unsafe names in the
 * dictionaries and in object streams, and checks the file ends with %%EOF.
 * Inflation runs in libuv's thread pool (async zlib), not on the event loop.
 */

/** Total inflated bytes allowed for one PDF, all streams together. */
export const PDF_INFLATE_BUDGET_BYTES = 32 * 1024 * 1024;
/** At most this many streams are looked at; more is refused as a bomb. */
export const PDF_MAX_STREAMS = 20_000;

export interface PdfPrescan {
  /** No %%EOF in the last 1,024 bytes. */
  truncated: boolean;
  /** The streams inflate past the budget (or too many streams). */
  bomb: boolean;
  /** An object or xref stream uses a filter other than Flate (pdf-lib would decode it unbounded). */
  badFilter: boolean;
  unsafe: Set<UnsafeReason>;
  streams: number;
  inflatedBytes: number;
}

function inflateCapped(data: Uint8Array, max: number): Promise<Buffer | 'too-large' | 'error'> {
  return new Promise((resolve) => {
    inflate(
      data,
      { maxOutputLength: Math.max(1, max), finishFlush: zc.Z_SYNC_FLUSH },
      (err, out) => {
        if (err) {
          resolve(
            (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ||
              err instanceof RangeError
              ? 'too-large'
              : 'error',
          );
        } else {
          resolve(out);
        }
      },
    );
  });
}

/** Filter names of a stream dictionary, in order. */
export function filtersOf(dictText: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/.exec(dictText);
  if (!m) return [];
  return Array.from(m[1].matchAll(/\/([^\s/<>[\]()]+)/g), (x) => x[1]);
}

const STREAM_RE = /stream(\r\n|\n|\r)/g;

export async function prescanPdf(
  bytes: Uint8Array,
  budget = PDF_INFLATE_BUDGET_BYTES,
): Promise<PdfPrescan> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const result: PdfPrescan = {
    truncated: false,
    bomb: false,
    badFilter: false,
    unsafe: new Set(),
    streams: 0,
    inflatedBytes: 0,
  };
  const eof = text.lastIndexOf('%%EOF');
  result.truncated = eof < 0 || eof < text.length - 1024;

  let outside = '';
  let cursor = 0;
  STREAM_RE.lastIndex = 0;
  for (let m = STREAM_RE.exec(text); m !== null; m = STREAM_RE.exec(text)) {
    const kw = m.index;
    const before = kw > 0 ? text.charCodeAt(kw - 1) : 32;
    // "endstream" and names like /Xstream are not stream starts.
    if ((before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 47)
      continue;
    if (++result.streams > PDF_MAX_STREAMS) {
      result.bomb = true;
      break;
    }
    const objAt = text.lastIndexOf('obj', kw);
    const dictText = text.slice(Math.max(objAt + 3, kw - 8192, cursor), kw);
    const start = kw + m[0].length;
    let end = -1;
    const lenMatch = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictText);
    if (lenMatch) {
      const len = Number(lenMatch[1]);
      const after = start + len;
      if (after <= text.length && /^\s*endstream/.test(text.slice(after, after + 64))) end = after;
    }
    if (end < 0) {
      const es = text.indexOf('endstream', start);
      end = es < 0 ? text.length : es;
    }
    outside += text.slice(cursor, start);
    cursor = end;
    STREAM_RE.lastIndex = end;

    const filters = filtersOf(dictText);
    const isObjStm = /\/Type\s*\/ObjStm\b/.test(dictText);
    const isXRef = /\/Type\s*\/XRef\b/.test(dictText);
    if ((isObjStm || isXRef) && filters.some((f) => f !== 'FlateDecode')) {
      result.badFilter = true;
    }
    let data: Uint8Array = bytes.subarray(start, end);
    for (const f of filters) {
      if (f !== 'FlateDecode') break;
      const remaining = budget - result.inflatedBytes;
      const out = await inflateCapped(data, remaining);
      if (out === 'too-large') {
        result.bomb = true;
        return finish(result, outside + text.slice(cursor));
      }
      if (out === 'error') break;
      result.inflatedBytes += out.length;
      data = out;
    }
    if (isObjStm && data !== undefined) {
      scanUnsafeNames(
        Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'),
        result.unsafe,
      );
    }
  }
  return finish(result, outside + text.slice(cursor));
}

function finish(result: PdfPrescan, outside: string): PdfPrescan {
  scanUnsafeNames(outside, result.unsafe);
  return result;
}
