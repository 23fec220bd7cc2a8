/**
 * `@t3p/image-measurement/testing`: the generated corpora the measurement's own tests and the
 * api's HTTP tests check against (made by tools/corpus and tools/warnings-set, run with tsx).
 */
export { type CorpusManifest, makeCorpus, WORKSPACE_ROOT } from './corpus-fixture';
export {
  makeWarningsSet,
  scoreMarkdown,
  scoreWarningsSet,
  type WarningsSetEntry,
} from './warnings-set-fixture';
