import { frontSuiteConfig } from '@t3p/e2e-kit';

/** Drives the real prefecture front, served by the real API, in Debian's Chromium. */
export default frontSuiteConfig({
  app: 'prefecture',
  port: 4320,
  basePath: '/prefecture/',
  // Both widths sign the same agents in, several times, from one address: room for the whole suite.
  apiEnv: {
    SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000',
    SIGN_IN_LINKS_PER_HOUR: '100',
    SIGN_IN_LINK_SPACING_MINUTES: '0',
  },
});
