import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiError, type ApiErrorCode } from '@t3p/contracts';
import { CSRF_SECURITY, errorAnswer, SESSION_SECURITY } from '../common/openapi.decorators';
import { VERDICT_SCHEMA } from '../images/verdict.openapi';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The OpenAPI 3.1 document of the API, generated from the controllers and the contracts' classes.
 *
 * @nestjs/swagger (11.4) writes a 3.0 document whatever version it is told (`nullable`, schema
 * `example`): `toOpenApi31` rewrites those into their 3.1 (JSON Schema 2020-12) forms, then the
 * access rules become each operation's security and its 401/403/503 answers, and every key is
 * sorted so that the committed file diffs cleanly. See docs/decisions.md.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('T3P Images — API')
    .setDescription(
      'API du portail de téléchargement des images (photo d’identité, signature) des cartes professionnelles ' +
        'T3P, et de l’espace des agents de préfecture. Les erreurs suivent un format unique, le schéma ApiError : ' +
        '{ statusCode, code, message, errors?, requestId }. Les requêtes connectées portent le cookie de session ; ' +
        'celles qui modifient quelque chose portent aussi l’en-tête X-CSRF-Token reçu à la connexion (ou de GET /api/me).\n\n' +
        'API of the upload portal for the images (ID photo, signature) of T3P professional cards, and of the ' +
        'préfecture agents’ back-office. Every error has the one ApiError shape; signed-in calls carry the session ' +
        'cookie, and state-changing ones also the X-CSRF-Token header received at sign-in (or from GET /api/me).',
    )
    .setVersion('1.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'Le service lui-même (même origine que les pages)')
    .addCookieAuth(
      't3p_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'Le cookie de session (HttpOnly), posé par POST /api/auth/sign-in ; « __Host-t3p_session » en HTTPS.',
      },
      SESSION_SECURITY,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description:
          'Le jeton anti-CSRF de la session (csrfToken de la connexion ou de GET /api/me), exigé sur toute requête qui modifie quelque chose.',
      },
      CSRF_SECURITY,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ApiError] });
  return toOpenApi31(withAccessRules(document));
}

/** Security and the guard's answers (see AccessGuard), from the session scheme the access decorators set. */
function withAccessRules(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const write = method !== 'get' && method !== 'head';
      const signedIn = (operation.security ?? []).some(
        (requirement) => SESSION_SECURITY in requirement,
      );
      operation.responses ??= {};
      jsonErrors(operation.responses as Record<string, { content?: Record<string, unknown> }>);
      if (!signedIn) {
        operation.security = [];
        continue;
      }
      operation.security = [
        write ? { [SESSION_SECURITY]: [], [CSRF_SECURITY]: [] } : { [SESSION_SECURITY]: [] },
      ];
      operation.responses['401'] = errorOf(401, ['UNAUTHENTICATED']);
      operation.responses['403'] = errorOf(
        403,
        write ? ['FORBIDDEN', 'CSRF_INVALID'] : ['FORBIDDEN'],
      );
      operation.responses['503'] ??= errorOf(503, ['DATABASE_UNAVAILABLE']);
    }
  }
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    Verdict: VERDICT_SCHEMA as never,
  };
  return document;
}

/** An error is always JSON, even on an operation that produces HTML, CSV or image bytes (ApiProduces applies to all its answers). */
function jsonErrors(responses: Record<string, { content?: Record<string, unknown> }>): void {
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400 || !response.content) continue;
    const [media] = Object.values(response.content);
    response.content = { 'application/json': media };
  }
}

/** An error answer of the guard, in the one ApiError schema. */
function errorOf(status: number, codes: readonly ApiErrorCode[]) {
  const { description, example } = errorAnswer(status, codes);
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' }, example } },
  };
}

/** 3.0 constructs written by @nestjs/swagger, in their 3.1 forms; every object's keys sorted. */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  return sortKeys(rewrite(document as unknown as Json)) as unknown as OpenAPIObject;
}

/** Keys whose value is a schema, or a map or list of schemas. */
const SCHEMA_KEYS = new Set([
  'schema',
  'schemas',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'additionalProperties',
  'not',
]);

function rewrite(node: Json, inSchema = false): Json {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, inSchema));
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    out[key] = rewrite(value, inSchema || SCHEMA_KEYS.has(key));
  if (inSchema && 'example' in out) {
    // 3.1 (JSON Schema): `examples`, a list; `example` is only kept on media types and parameters.
    out['examples'] = [out['example'] as Json];
    delete out['example'];
  }
  if (out['nullable'] === true) {
    delete out['nullable'];
    return nullableOf(out);
  }
  delete out['nullable'];
  return out;
}

/** `{ …, nullable: true }` (3.0) as a 3.1 schema that also admits null. */
function nullableOf(schema: JsonObject): JsonObject {
  const { allOf, type, enum: values, ...rest } = schema;
  if (Array.isArray(allOf) && allOf.length === 1) {
    // A nullable reference: @nestjs/swagger writes { type: object, allOf: [$ref], nullable }.
    return { ...rest, oneOf: [allOf[0], { type: 'null' }] };
  }
  if (typeof type === 'string') {
    return {
      ...rest,
      type: [type, 'null'],
      ...(Array.isArray(values) ? { enum: [...values, null] } : {}),
    };
  }
  return {
    ...rest,
    ...(type !== undefined ? { type } : {}),
    ...(values !== undefined ? { enum: values } : {}),
  };
}

function sortKeys(node: Json): Json {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.keys(node)
      .sort()
      .map((key) => [key, sortKeys(node[key] as Json)]),
  );
}

/** Swagger UI at /api/docs, the document at /api/openapi.json. */
export function setUpOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'T3P Images — API',
  });
}
