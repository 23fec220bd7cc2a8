import nx from '@nx/eslint-plugin';

const sharedLibsMayNotUse = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'rxjs',
  'sharp',
  'pdf-lib',
  'fastify',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', 'data/**', 'tmp/**'],
  },
  {
    // Type-aware rules: a promise is awaited, handled or explicitly voided.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Apps may use shared libs; fronts may also use front libs. No app imports another app.
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
            // scope:node libs (image-measurement: sharp, worker threads) serve the api and tools/,
            // never a browser app: the fronts' and e2e suites' lists below do not name them.
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:node'] },
            {
              sourceTag: 'scope:front',
              onlyDependOnLibsWithTags: ['scope:front', 'scope:shared'],
            },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:e2e', 'scope:shared'] },
            {
              sourceTag: 'scope:tools',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:e2e', 'scope:node'],
            },
            {
              sourceTag: 'scope:node',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'rxjs', 'fastify'],
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: sharedLibsMayNotUse,
            },
            {
              sourceTag: 'type:rules',
              onlyDependOnLibsWithTags: ['type:rules'],
              bannedExternalImports: [
                ...sharedLibsMayNotUse,
                'class-validator',
                'class-transformer',
                'node:*',
                'fs',
                'path',
                'crypto',
              ],
            },
          ],
        },
      ],
    },
  },
];

/**
 * The fronts (and their UI library) take the API's DTO types from the client generated from
 * docs/openapi.json (@t3p/api-client), never from the server's classes in @t3p/contracts: a DTO
 * changed without regenerating then fails their type check.
 */
export const dtosFromTheGeneratedClient = {
  files: ['**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: '@t3p/contracts',
            importNames: [
              'ApiError',
              'ApplicationDetail',
              'ApplicationListItem',
              'ApplicationPage',
              'AuditEntryView',
              'CreateImageRequestBody',
              'DashboardOverview',
              'DevMailboxEmail',
              'DevMailboxSummary',
              'DriverRequestView',
              'EmailDeliveryView',
              'EmailPreview',
              'ImageRefusal',
              'ImageRequestView',
              'InviteAgentBody',
              'Me',
              'RequestListItem',
              'RequestPage',
              'ReviewableRequest',
              'ReviewRequestBody',
              'ReviewResult',
              'SignInLinkSent',
              'SignInResult',
              'SiteInfo',
              'StoredImageSummary',
              'TeamActivityEntry',
              'TeamMember',
            ],
            message:
              'Take the API’s DTO types from @t3p/api-client (generated from docs/openapi.json).',
          },
        ],
      },
    ],
  },
};
