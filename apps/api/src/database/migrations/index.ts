import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { SessionsAndRateLimits1764500000000 } from './1764500000000-sessions-and-rate-limits';
import { OutboxDeferredRendering1764600000000 } from './1764600000000-outbox-deferred-rendering';
import { ImageBytesUncompressed1764700000000 } from './1764700000000-image-bytes-uncompressed';
import { ImageWarnings1764710000000 } from './1764710000000-image-warnings';
import { BackofficeSearchAndCounts1764720000000 } from './1764720000000-backoffice-search-and-counts';
import { TeamManagement1764800000000 } from './1764800000000-team-management';
import { RequestStatistics1764900000000 } from './1764900000000-request-statistics';
import { IdentifierSearch1764900000001 } from './1764900000001-identifier-search';

/** Every migration, in order. Listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [
  InitialSchema1764400000000,
  SessionsAndRateLimits1764500000000,
  OutboxDeferredRendering1764600000000,
  ImageBytesUncompressed1764700000000,
  ImageWarnings1764710000000,
  BackofficeSearchAndCounts1764720000000,
  TeamManagement1764800000000,
  RequestStatistics1764900000000,
  IdentifierSearch1764900000001,
];
