/**
 * The API reads that a page of the driver portal makes as soon as it starts, announced in the
 * HTML answer of that page (`Link: <…>; rel=preload; as=fetch`): the browser fetches them while
 * it downloads the scripts instead of after, one round trip of a phone network less before the
 * wizard's first screen. Only for a visitor with a session cookie (without one, the reads would
 * answer 401 and the portal goes to sign-in anyway). The list must follow the portal's
 * `WizardStore.reload` (apps/chauffeur); a read announced but not made costs a warning in the
 * console and one useless request, nothing else.
 */
const WIZARD_READS = ['/api/me', '/api/driver/application', '/api/driver/request'];

/** The value of the Link header for the driver portal's `path`, or null when nothing is read at start. */
export function driverPortalPreloads(path: string, hasSession: boolean): string | null {
  const pathname = path.split(/[?#]/)[0];
  if (!hasSession || !/^\/demande(\/|$)/.test(pathname)) return null;
  // `crossorigin`: fetch() requests are in CORS mode; without it the preload would not be reused.
  return WIZARD_READS.map((read) => `<${read}>; rel=preload; as=fetch; crossorigin`).join(', ');
}
