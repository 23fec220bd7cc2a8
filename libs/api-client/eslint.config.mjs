import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // Written by generate.mjs from docs/openapi.json (its drift test checks it).
  { ignores: ['src/generated/**'] },
];
