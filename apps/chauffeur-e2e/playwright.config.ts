import { frontSuiteConfig } from '@t3p/e2e-kit';

/** Drives the real chauffeur front, served by the real API, in Debian's Chromium. */
export default frontSuiteConfig({ app: 'chauffeur', port: 4310, basePath: '/' });
