import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The benchmarks and the email screenshots measure and render the API's own services in
    // process, and check-image runs the API's measurement code: they import the app's sources
    // by path, by design. The rest of tools/ goes through libraries like any project.
    files: ['bench/**/*.ts', 'emails/**/*.ts', 'check-image/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
