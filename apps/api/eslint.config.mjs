import { dirname, relative, resolve, sep } from 'node:path';
import baseConfig from '../../eslint.config.mjs';

const SRC = resolve(import.meta.dirname, 'src');

/**
 * The api's Nest modules (the folders of `src/` with a `<name>.module.ts`). Between two of them,
 * a file imports only the other's `*.module` and `*.service` files: what the module exports is
 * its services, and everything else (controllers, repositories, mappers, templates) is its own.
 * `common/`, `config/`, `database/` (entities, raw rows, migrations) and `testing/` are the
 * shared infrastructure every module builds on; `app/` assembles the modules.
 */
const MODULES = [
  'auth',
  'demo',
  'health',
  'images',
  'notifications',
  'requests',
  'scheduler',
  'site',
];
/** Auth's route rules (`@AgentOnly()`, `@CurrentPrincipal()`…) are declared by every controller. */
const ALSO_PUBLIC = ['auth/access.decorators'];
const isPublicFile = (path) => /\.(module|service)$/.test(path) || ALSO_PUBLIC.includes(path);

const moduleOf = (file) => {
  const path = relative(SRC, file);
  if (path.startsWith('..')) return null;
  const [first] = path.split(sep);
  return MODULES.includes(first) ? first : null;
};

/** @type {import('eslint').Rule.RuleModule} */
const moduleImports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A Nest module imports another only through its *.module and *.service files.',
    },
    schema: [],
    messages: {
      internal:
        '"{{source}}" is inside the {{target}} module: from {{from}}, import only its *.module or *.service files (ask its service for what you need).',
    },
  },
  create(context) {
    const file = context.filename;
    // Between modules only: main.ts and app/ assemble them (the command line, the root module).
    const from = moduleOf(file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const targetModule = moduleOf(target);
      if (!targetModule || targetModule === from) return;
      const path = relative(SRC, target)
        .split(sep)
        .join('/')
        .replace(/\.(ts|js)$/, '');
      if (isPublicFile(path)) return;
      context.report({ node, messageId: 'internal', data: { source, target: targetModule, from } });
    };
    const fromLiteral = (node) => (node?.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, fromLiteral(node.source)),
      TSImportType: (node) => check(node, fromLiteral(node.argument?.literal ?? node.argument)),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        check(node, fromLiteral(node.arguments[0])),
    };
  },
};

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    // Tests and their kits are white-box: they may reach into a module to set up or observe it.
    ignores: ['src/**/*.spec.ts', 'src/**/*-test-kit.ts', 'src/testing/**'],
    plugins: { t3p: { rules: { 'module-imports': moduleImports } } },
    rules: { 't3p/module-imports': 'error' },
  },
];
