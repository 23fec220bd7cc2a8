/**
 * User Timing marks (performance.mark) of the photo assistant's steps, which the benchmark
 * (tools/bench/assistant-bench.ts) reads to break « photo chosen → editor shown » down. Marks
 * cost nothing measurable and are visible in any browser's performance panel.
 */
export const ASSISTANT_MARKS = {
  chosen: 't3p-assistant:photo-choisie',
  editorStarted: 't3p-assistant:editeur-cree',
  headerRead: 't3p-assistant:entete-lue',
  displayDecoded: 't3p-assistant:apercu-decode',
  firstDraw: 't3p-assistant:premier-dessin',
  workingDecoded: 't3p-assistant:photo-de-travail-decodee',
} as const;
