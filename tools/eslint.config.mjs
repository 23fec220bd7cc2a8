import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The benchmarks and the email screenshots measure and render the API's own services in
    // process: they import the app's sources by path, by design. The rest of tools/ (check-image,
    // the warnings set) goes through libraries like any project (@t3p/image-measurement).
    files: ['bench/**/*.ts', 'emails/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
