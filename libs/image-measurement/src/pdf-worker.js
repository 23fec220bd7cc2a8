// @ts-check
'use strict';
/*
 * PDF analysis worker (plain CommonJS so it runs unchanged under ts-jest,
 * tsx and the webpack bundle of the api, which copies it next to main.js).
 *
 * Parses a PDF with pdf-lib and MEASURES it: page count, page box, largest
 * raster image, unsafe names. Nothing is rendered, no content operator is
 * executed. Every walk is bounded (visited sets, depth and node limits) and
 * every inflate is capped; the parent also terminates this worker past a
 * time budget, and created it with V8 resourceLimits.
 *
 * Protocol: posts {ready:true} once loaded; then for each {id, bytes,
 * inflateBudget} posts {id, ok:true, result} or {id, ok:false, error}.
 */
const { parentPort: port, workerData } = require('node:worker_threads');
if (!port) throw new Error('pdf-worker.js runs only as a worker thread');
const parentPort = port;

/**
 * @typedef {{ widthPt: number, heightPt: number, rotate: number, userUnit: number }} PageBox
 * @typedef {{
 *   source: string, width: number, height: number, filters: string[],
 *   decodable: boolean | null, jpeg: Uint8Array | null,
 *   unsupportedFilter?: string, expectedBytes?: number, actualBytes?: number,
 * }} LargestImage
 * @typedef {{ pages: number, page: PageBox | null, largest: LargestImage | null, imageCount: number, unsafe: string[] }} Analysis
 */
const zlib = require('node:zlib');

// pdf-lib may log on damaged files; the CLI's stdout must stay pure JSON.
const silent = () => undefined;
console.log = silent;
console.warn = silent;
console.error = silent;
console.info = silent;
console.debug = silent;

const {
  PDFParser,
  PDFDict,
  PDFArray,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFRawStream,
  PDFBool,
} = require('pdf-lib/dist/pdf-lib.min.js'); // the single-file build loads several times faster than the CJS tree

const MAX_PAGES = 10000;
const MAX_DEPTH = 24;
const MAX_NODES = 200000;
const MAX_INLINE_PER_STREAM = 2000;

// The names that make a PDF unsafe come from pdf-names.ts (workerData), kept in a prototype-less
// object so that a name such as /constructor or /__proto__ finds nothing.
const UNSAFE_NAMES = Object.assign(Object.create(null), workerData.unsafeNames);

function decodeName(raw) {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

function nameOf(obj) {
  return obj instanceof PDFName ? decodeName(obj.asString().slice(1)) : null;
}

async function analyse(bytes, inflateBudget) {
  let budget = inflateBudget;
  /** Inflate with what is left of the budget; returns null on error or past the budget. */
  function inflateCapped(data) {
    if (budget <= 0) return null;
    try {
      const out = zlib.inflateSync(data, {
        maxOutputLength: budget,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
      budget -= out.length;
      return out;
    } catch {
      return null;
    }
  }

  const context = await PDFParser.forBytesWithOptions(
    bytes,
    Infinity,
    false,
    false,
  ).parseDocument();
  const deref = (o) => {
    let n = 0;
    while (o instanceof PDFRef && n++ < 16) o = context.lookup(o);
    return o instanceof PDFRef ? undefined : o;
  };
  const dictOf = (o) => {
    const v = deref(o);
    if (v instanceof PDFDict) return v;
    if (v instanceof PDFRawStream) return v.dict;
    return undefined;
  };
  const get = (dict, key) => (dict ? deref(dict.get(PDFName.of(key))) : undefined);
  const num = (o) => {
    const v = deref(o);
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };

  // --- unsafe names, over every indirect object (keys and name values, nested) ---
  const unsafe = new Set();
  let nodes = 0;
  const seenObjs = new Set();
  const scanObj = (o, depth) => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES || o === undefined || o === null) return;
    if (o instanceof PDFRawStream) o = o.dict;
    if (o instanceof PDFDict) {
      if (seenObjs.has(o)) return;
      seenObjs.add(o);
      for (const [k, v] of o.entries()) {
        const kn = nameOf(k);
        if (kn && UNSAFE_NAMES[kn]) unsafe.add(UNSAFE_NAMES[kn]);
        scanObj(v, depth + 1);
      }
    } else if (o instanceof PDFArray) {
      if (seenObjs.has(o)) return;
      seenObjs.add(o);
      for (let i = 0; i < o.size(); i++) scanObj(o.get(i), depth + 1);
    } else if (o instanceof PDFName) {
      const n = nameOf(o);
      if (n && UNSAFE_NAMES[n]) unsafe.add(UNSAFE_NAMES[n]);
    }
  };
  for (const [, obj] of context.enumerateIndirectObjects()) {
    scanObj(obj, 0);
    if (nodes > MAX_NODES) break;
  }
  const trailer = context.trailerInfo;
  if (trailer.Encrypt) unsafe.add('encryption');

  // --- page tree, with loops and depth bounded ---
  const root = dictOf(trailer.Root);
  if (!root) throw new Error('no catalog');
  const pagesRoot = get(root, 'Pages');
  if (!(pagesRoot instanceof PDFDict)) throw new Error('no page tree');
  const leaves = [];
  const visited = new Set();
  let pageCount = 0;
  const walk = (node, inherited, depth) => {
    if (
      !(node instanceof PDFDict) ||
      visited.has(node) ||
      depth > MAX_DEPTH ||
      pageCount > MAX_PAGES
    )
      return;
    visited.add(node);
    const inh = {
      MediaBox: node.get(PDFName.of('MediaBox')) ?? inherited.MediaBox,
      CropBox: node.get(PDFName.of('CropBox')) ?? inherited.CropBox,
      Rotate: node.get(PDFName.of('Rotate')) ?? inherited.Rotate,
      Resources: node.get(PDFName.of('Resources')) ?? inherited.Resources,
    };
    const kids = get(node, 'Kids');
    const type = nameOf(get(node, 'Type'));
    if (kids instanceof PDFArray && type !== 'Page') {
      for (let i = 0; i < kids.size(); i++) walk(deref(kids.get(i)), inh, depth + 1);
    } else {
      pageCount++;
      if (leaves.length < 1) leaves.push({ node, inh });
    }
  };
  walk(pagesRoot, {}, 0);

  /** @type {Analysis} */
  const result = {
    pages: pageCount,
    page: null,
    largest: null,
    imageCount: 0,
    unsafe: Array.from(unsafe),
  };
  if (leaves.length === 0) return result;
  const { node: page, inh } = leaves[0];

  // --- page box: CropBox clipped to MediaBox, /UserUnit, /Rotate ---
  const rect = (o) => {
    const a = deref(o);
    if (!(a instanceof PDFArray) || a.size() !== 4) return null;
    const v = [0, 1, 2, 3].map((i) => num(a.get(i)));
    if (v.some((x) => x === undefined || !Number.isFinite(x))) return null;
    return {
      x1: Math.min(v[0], v[2]),
      y1: Math.min(v[1], v[3]),
      x2: Math.max(v[0], v[2]),
      y2: Math.max(v[1], v[3]),
    };
  };
  const media = rect(inh.MediaBox);
  if (!media) throw new Error('no MediaBox');
  let box = media;
  const crop = rect(inh.CropBox);
  if (crop) {
    const c = {
      x1: Math.max(crop.x1, media.x1),
      y1: Math.max(crop.y1, media.y1),
      x2: Math.min(crop.x2, media.x2),
      y2: Math.min(crop.y2, media.y2),
    };
    if (c.x2 > c.x1 && c.y2 > c.y1) box = c;
  }
  const uu = num(page.get(PDFName.of('UserUnit')));
  const userUnit = uu !== undefined && uu > 0 && Number.isFinite(uu) ? uu : 1;
  const rotRaw = num(inh.Rotate);
  const rotate =
    rotRaw !== undefined && Number.isFinite(rotRaw)
      ? (((Math.round(rotRaw / 90) * 90) % 360) + 360) % 360
      : 0;
  let widthPt = (box.x2 - box.x1) * userUnit;
  let heightPt = (box.y2 - box.y1) * userUnit;
  if (!(widthPt > 0 && heightPt > 0)) throw new Error('empty page box');
  const swap = rotate === 90 || rotate === 270;
  if (swap) [widthPt, heightPt] = [heightPt, widthPt];
  result.page = { widthPt, heightPt, rotate, userUnit };

  // --- raster images: page XObjects, inside form XObjects, inline images ---
  let largest = null;
  const consider = (img) => {
    result.imageCount++;
    if (!largest || img.width * img.height > largest.width * largest.height) largest = img;
  };
  const filtersOf = (dict) => {
    const f = get(dict, 'Filter');
    if (f instanceof PDFName) return [nameOf(f)];
    if (f instanceof PDFArray) {
      const out = [];
      for (let i = 0; i < f.size(); i++) out.push(nameOf(deref(f.get(i))) || '?');
      return out;
    }
    return [];
  };
  const componentsOf = (cs, depth = 0) => {
    cs = deref(cs);
    if (depth > 4) return 3;
    const n = nameOf(cs);
    if (n)
      return (
        {
          DeviceGray: 1,
          G: 1,
          CalGray: 1,
          DeviceRGB: 3,
          RGB: 3,
          CalRGB: 3,
          Lab: 3,
          DeviceCMYK: 4,
          CMYK: 4,
          Indexed: 1,
          I: 1,
          Pattern: 1,
          Separation: 1,
        }[n] ?? 3
      );
    if (cs instanceof PDFArray && cs.size() > 0) {
      const family = nameOf(deref(cs.get(0)));
      if (family === 'ICCBased') return num(get(dictOf(cs.get(1)), 'N')) ?? 3;
      if (family === 'Indexed' || family === 'I' || family === 'Separation') return 1;
      if (family === 'DeviceN') {
        const names = deref(cs.get(1));
        return names instanceof PDFArray ? names.size() : 1;
      }
      return componentsOf(cs.get(0), depth + 1);
    }
    return 3;
  };
  const seenStreams = new Set();
  const scanContent = (streamObj) => {
    const s = deref(streamObj);
    if (!(s instanceof PDFRawStream) || seenStreams.has(s)) return;
    seenStreams.add(s);
    const filters = filtersOf(s.dict);
    let data = s.contents;
    for (const f of filters) {
      if (f !== 'FlateDecode') return; // other filters on content: inline images not looked for
      data = inflateCapped(data);
      if (!data) return;
    }
    scanInline(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  };
  const scanInline = (buf) => {
    const text = buf.toString('latin1');
    const re = /(^|[\s\]>)}])BI[\s/]/g;
    let count = 0;
    for (let m = re.exec(text); m !== null && count < MAX_INLINE_PER_STREAM; m = re.exec(text)) {
      count++;
      const dictStart = m.index + m[0].length - 1;
      const idm = /\sID[\s]/.exec(text.slice(dictStart, dictStart + 4096));
      if (!idm) continue;
      const dictText = text.slice(dictStart, dictStart + idm.index);
      const dataStart = dictStart + idm.index + idm[0].length;
      const eim = /\sEI(?=[\s]|$)/g;
      eim.lastIndex = dataStart;
      const em = eim.exec(text);
      const dataEnd = em ? em.index : text.length;
      re.lastIndex = em ? em.index + em[0].length : text.length;
      const entries = {};
      const tok = /\/([A-Za-z0-9]+)\s*(\[[^\]]*\]|\/[A-Za-z0-9]+|-?[\d.]+|true|false)/g;
      for (let t = tok.exec(dictText); t !== null; t = tok.exec(dictText)) entries[t[1]] = t[2];
      const width = Number(entries.W ?? entries.Width);
      const height = Number(entries.H ?? entries.Height);
      if (!(width > 0 && height > 0)) continue;
      const isMask = (entries.IM ?? entries.ImageMask) === 'true';
      const bpc = isMask ? 1 : Number(entries.BPC ?? entries.BitsPerComponent ?? 8) || 8;
      const csName = String(entries.CS ?? entries.ColorSpace ?? '/G').replace(/^\//, '');
      const comps = isMask
        ? 1
        : ({ G: 1, DeviceGray: 1, RGB: 3, DeviceRGB: 3, CMYK: 4, DeviceCMYK: 4, I: 1, Indexed: 1 }[
            csName
          ] ?? 3);
      const fRaw = String(entries.F ?? entries.Filter ?? '');
      const filters = Array.from(fRaw.matchAll(/\/([A-Za-z0-9]+)/g), (x) => x[1]);
      consider({
        source: 'inline',
        width,
        height,
        filters,
        bpc,
        comps,
        data: buf.subarray(dataStart, dataEnd),
        predictorParams: null,
      });
    }
  };
  const seenRes = new Set();
  const scanResources = (res, depth) => {
    const resDict = dictOf(res);
    if (!resDict || seenRes.has(resDict) || depth > MAX_DEPTH) return;
    seenRes.add(resDict);
    const xobjs = dictOf(resDict.get(PDFName.of('XObject')));
    if (!xobjs) return;
    for (const [, ref] of xobjs.entries()) {
      const x = deref(ref);
      if (!(x instanceof PDFRawStream)) continue;
      const subtype = nameOf(get(x.dict, 'Subtype'));
      if (subtype === 'Image') {
        const width = num(x.dict.get(PDFName.of('Width')));
        const height = num(x.dict.get(PDFName.of('Height')));
        if (!(width > 0 && height > 0)) continue;
        const isMask =
          get(x.dict, 'ImageMask') instanceof PDFBool && get(x.dict, 'ImageMask').asBoolean();
        consider({
          source: 'xobject',
          width: Math.round(width),
          height: Math.round(height),
          filters: filtersOf(x.dict),
          bpc: isMask ? 1 : (num(x.dict.get(PDFName.of('BitsPerComponent'))) ?? 8),
          comps: isMask ? 1 : componentsOf(x.dict.get(PDFName.of('ColorSpace'))),
          data: x.contents,
          predictorParams: dictOf(x.dict.get(PDFName.of('DecodeParms'))) ?? null,
        });
      } else if (subtype === 'Form') {
        scanResources(x.dict.get(PDFName.of('Resources')) ?? res, depth + 1);
        scanContent(x);
      }
    }
  };
  scanResources(inh.Resources, 0);
  const contents = deref(page.get(PDFName.of('Contents')));
  if (contents instanceof PDFArray) {
    for (let i = 0; i < Math.min(contents.size(), 1000); i++) scanContent(contents.get(i));
  } else {
    scanContent(contents);
  }

  if (largest) {
    result.largest = describe(largest, inflateCapped, num);
  }
  return result;
}

/** Decides whether the largest image decodes; DCT data is handed back for sharp. */
function describe(img, inflateCapped, num) {
  /** @type {LargestImage} */
  const out = {
    source: img.source,
    width: img.width,
    height: img.height,
    filters: img.filters,
    decodable: null,
    jpeg: null,
  };
  if (img.width * img.height > 40000000) return out; // TOO_MANY_PIXELS: not decoded
  let data = img.data;
  const filters = img.filters.map((f) => ({ Fl: 'FlateDecode', DCT: 'DCTDecode' })[f] ?? f);
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    if (f === 'FlateDecode') {
      data = inflateCapped(data);
      if (!data) {
        out.decodable = false;
        return out;
      }
    } else if (f === 'DCTDecode' && i === filters.length - 1) {
      out.jpeg = new Uint8Array(data); // a copy, transferable
      return out;
    } else {
      out.decodable = false; // JPX, CCITT, JBIG2, LZW…: not accepted decoders
      out.unsupportedFilter = f;
      return out;
    }
  }
  // Raw samples: the (inflated) length must cover width × height samples.
  const bpc = img.bpc > 0 ? img.bpc : 8;
  const rowBytes = Math.ceil((img.width * img.comps * bpc) / 8);
  let expected = rowBytes * img.height;
  const p = img.predictorParams;
  if (p) {
    const predictor = num(p.get(PDFName.of('Predictor'))) ?? 1;
    if (predictor >= 10) expected = (rowBytes + 1) * img.height;
  }
  out.decodable = data.length >= expected;
  out.expectedBytes = expected;
  out.actualBytes = data.length;
  return out;
}

parentPort.on('message', (msg) => {
  analyse(msg.bytes, msg.inflateBudget)
    .then((result) => {
      /** @type {ArrayBuffer[]} */
      const transfer =
        result.largest && result.largest.jpeg
          ? [/** @type {ArrayBuffer} */ (result.largest.jpeg.buffer)]
          : [];
      parentPort.postMessage({ id: msg.id, ok: true, result }, transfer);
    })
    .catch((e) => {
      parentPort.postMessage({ id: msg.id, ok: false, error: String((e && e.message) || e) });
    });
});
parentPort.postMessage({ ready: true });
