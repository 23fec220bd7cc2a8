import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The benchmarks and the email screenshots measure and render the API's own services in
    // process, check-image and the warnings set run the API's measurement code and face detector: they import the app's sources
    // by path, by design. The rest of tools/ goes through libraries like any project.
    files: ['bench/**/*.ts', 'emails/**/*.ts', 'check-image/**/*.ts', 'warnings-set/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
