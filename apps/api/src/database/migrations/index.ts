import { InitialSchema1764400000000 } from './1764400000000-initial-schema';

/** Every migration, in order. Listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [InitialSchema1764400000000];
