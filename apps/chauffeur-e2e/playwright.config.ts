import { frontSuiteConfig } from '@t3p/e2e-kit';

/** Drives the real chauffeur front, served by the real API, in Debian's Chromium. */
export default frontSuiteConfig({
  app: 'chauffeur',
  port: 4310,
  basePath: '/',
  // The suite signs the same agent and drivers in many times, from one address, at both widths:
  // room for it, without the spacing of a person's links (tested in sign-in.int.spec.ts).
  // warnings.spec.ts compares the portal's warnings with the API's: the face detector's budget is widened,
  // as in the API's comparison tests (on a loaded machine a timeout would read as a difference; timing is tools/bench's).
  apiEnv: {
    SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000',
    SIGN_IN_LINKS_PER_HOUR: '100',
    SIGN_IN_LINK_SPACING_MINUTES: '0',
    T3P_FACE_TIMEOUT_MS: '20000',
    T3P_FACE_DEADLINE_MS: '30000',
  },
});
