import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionService } from '../auth/session.service';
import { createValidationPipe } from '../common/errors/validation.pipe';
import { servesHttpApi, type Environment } from '../config/environment';
import { AppModule, AppModuleOptions } from './app.module';
import { driverPortalPreloads } from './front-preloads';
import { requestIdOf } from './logger-options';
import { setUpOpenApi } from './openapi';

/** JSON bodies are small; image uploads have their own cap in the multipart parser. */
export const JSON_BODY_LIMIT = 64 * 1024;
/** Hard cap of an uploaded file: past it nothing is parsed (see the Images module). */
export const UPLOAD_HARD_CAP = 10 * 1024 * 1024;

/** Builds the API (not yet listening): Fastify, security headers, validation, OpenAPI, fronts. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const env = options.environment;
  const adapter = new FastifyAdapter({
    trustProxy: env.TRUST_PROXY,
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdOf,
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(options),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  // One request id for Fastify, the logs and the caller (echoed back in X-Request-Id).
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      (request.raw as typeof request.raw & { id?: string }).id = String(request.id);
      void reply.header('x-request-id', String(request.id));
    });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // Session cookies (see the Auth module); unsigned: the value is a random id checked in the database.
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: UPLOAD_HARD_CAP,
      files: 1,
      fields: 5,
      parts: 6,
      fieldSize: 1024,
      headerPairs: 50,
    },
  });

  if (!servesHttpApi(env)) {
    answerHealthOnly(app);
    return app;
  }
  setUpOpenApi(app);
  await serveFronts(app, env);
  return app;
}

const HEALTH_PATH = '/api/health';

/**
 * A `worker` process: /api/health answers (an orchestrator probes it), every other address 404
 * before routing, so neither the API nor the fronts are reachable on a worker's port.
 */
function answerHealthOnly(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.url.split('?')[0] === HEALTH_PATH) return;
      return reply.status(404).send(notFoundBody(request));
    });
}

const notFoundBody = (request: FastifyRequest) => ({
  statusCode: 404,
  code: 'NOT_FOUND',
  message: 'Ressource introuvable.',
  requestId: String(request.id),
});

/** The two fronts on the API's origin: the driver portal at /, the back-office at /prefecture/. */
async function serveFronts(app: NestFastifyApplication, env: Environment): Promise<void> {
  const root = resolve(env.STATIC_DIR);
  const fronts = [
    { prefix: '/prefecture/', dir: join(root, 'prefecture', 'browser') },
    { prefix: '/', dir: join(root, 'chauffeur', 'browser') },
  ].filter((front) => existsSync(join(front.dir, 'index.html')));
  // A production instance without its fronts answers 404 on every page: say why at start-up.
  if (fronts.length < 2 && env.NODE_ENV === 'production') {
    new NestLogger('Fronts').warn(
      { staticDir: root },
      'STATIC_DIR does not hold both built fronts (chauffeur/browser, prefecture/browser)',
    );
  }

  const fastify = app.getHttpAdapter().getInstance();
  for (const [index, front] of fronts.entries()) {
    await app.register(fastifyStatic, {
      root: front.dir,
      prefix: front.prefix,
      decorateReply: index === 0,
      index: false,
      // One route per built file; the catch-all routes below serve index.html for the rest.
      wildcard: false,
      // Serves file.br / file.gz written next to a built file (tools/check-bundle/precompress.mjs) when the browser accepts it.
      preCompressed: true,
      maxAge: '1h',
      // Hashed bundles can be cached for long; index.html never.
      setHeaders: (response, path) => {
        if (/\.[0-9a-f]{16,}\./i.test(path) || /-[A-Z0-9]{8}\.(js|css)$/.test(path)) {
          response.setHeader('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.status(404).send(notFoundBody(request));
  if (fronts.some((front) => front.prefix === '/prefecture/')) {
    fastify.get('/prefecture', (_request: FastifyRequest, reply: FastifyReply) =>
      reply.redirect('/prefecture/', 301),
    );
  }
  // Deep links of the single-page fronts (/etape/photo, /prefecture/demandes/…) get their index.html.
  const sessionCookie = app.get(SessionService, { strict: false }).cookieName();
  for (const front of fronts) {
    fastify.get(`${front.prefix}*`, (request: FastifyRequest, reply: FastifyReply) => {
      if (request.url.startsWith('/api/')) return notFound(request, reply);
      const preloads =
        front.prefix === '/'
          ? driverPortalPreloads(request.url, Boolean(request.cookies?.[sessionCookie]))
          : null;
      if (preloads) void reply.header('link', preloads);
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html', front.dir, { cacheControl: false });
    });
  }
}
