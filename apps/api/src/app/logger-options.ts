import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Environment } from '../config/environment';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's X-Request-Id when it is well formed, else makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Structured logs, one line per request, with its id. No personal data: no headers, no
 * cookies, no body, no query string (sign-in links carry tokens), no client address.
 */
export function loggerOptions(env: Environment): Params {
  return {
    pinoHttp: {
      level: env.LOG_LEVEL,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const existing = (request as IncomingMessage & { id?: string }).id;
        const id = existing ?? requestIdOf(request);
        response.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
      autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/api/health') },
      redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort'], remove: true },
    },
  };
}
