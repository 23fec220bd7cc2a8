import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError, ApiErrorCode } from '@t3p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException } from './api-exception';
import { isDatabaseUnavailable } from './database-unavailable';

type ErrorDefault = { code: ApiErrorCode; message: string };

const DEFAULTS: Record<number, ErrorDefault> = {
  400: { code: 'BAD_REQUEST', message: 'La demande est mal formée.' },
  401: { code: 'UNAUTHENTICATED', message: 'Vous devez vous connecter pour continuer.' },
  403: { code: 'FORBIDDEN', message: 'Cette action ne vous est pas permise.' },
  404: { code: 'NOT_FOUND', message: 'Ressource introuvable.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Cette méthode n’est pas permise ici.' },
  406: { code: 'NOT_ACCEPTABLE', message: 'Ce format de réponse n’est pas disponible.' },
  409: { code: 'CONFLICT', message: 'La ressource a changé entre-temps. Rechargez la page.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Le contenu envoyé est trop volumineux.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Le type de contenu envoyé n’est pas accepté.' },
  429: {
    code: 'TOO_MANY_REQUESTS',
    message: 'Trop de demandes. Veuillez patienter avant de réessayer.',
  },
  503: { code: 'SERVICE_UNAVAILABLE', message: 'Le service est momentanément indisponible.' },
};

const DATABASE_UNAVAILABLE: ErrorDefault = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
};
/** Seconds a client is told to wait before trying again when the database does not answer. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const INTERNAL: ErrorDefault = {
  code: 'INTERNAL_ERROR',
  message:
    'Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, contactez le centre de contact.',
};

/** Fastify's own errors (body too large, bad JSON, bad content type) carry a statusCode. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
}

/** Turns every error into the one format of the API; unexpected ones are logged, never detailed. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    body.requestId = String(request.id);
    if (body.code === DATABASE_UNAVAILABLE.code) {
      // An outage, not a bug: one line without the stack, and a hint for the clients.
      this.logger.warn(
        { requestId: request.id, cause: causeOf(exception) },
        'Database unavailable',
      );
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    // Answered before the body was read whole (e.g. an upload past the cap): the rest of it
    // must not be taken for the next request on a kept-alive connection.
    if (!request.raw.complete) void reply.header('connection', 'close');
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof ApiException) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        ...(exception.fieldErrors ? { errors: exception.fieldErrors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { statusCode: status, ...(DEFAULTS[status] ?? this.fallback(status)) };
    }
    const status = (exception as FrameworkError | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (
        (exception as FrameworkError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        (exception as FrameworkError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ) {
        return {
          statusCode: 400,
          code: 'BAD_REQUEST',
          message: 'Le corps de la demande n’est pas un JSON valide.',
        };
      }
      return { statusCode: status, ...(DEFAULTS[status] ?? this.fallback(status)) };
    }
    if (isDatabaseUnavailable(exception))
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, ...DATABASE_UNAVAILABLE };
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, ...INTERNAL };
  }

  private fallback(status: number): ErrorDefault {
    return status >= 500
      ? INTERNAL
      : { code: 'BAD_REQUEST', message: 'La demande ne peut pas être traitée.' };
  }
}

/** The driver's code or message of a database error: never a query or its parameters. */
function causeOf(exception: unknown): string {
  const error = ((exception as { driverError?: unknown })?.driverError ?? exception) as {
    code?: unknown;
    message?: unknown;
  };
  return String(error?.code ?? error?.message ?? 'unknown').slice(0, 100);
}
