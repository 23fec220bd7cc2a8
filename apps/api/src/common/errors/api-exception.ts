import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorCode, ApiFieldError } from '@t3p/contracts';

/** Thrown by services: carries the stable code and the French message of the error format. */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors?: ApiFieldError[],
  ) {
    super(message, status);
  }

  static notFound(message = 'Ressource introuvable.') {
    return new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', message);
  }
  static conflict(message: string, code: ApiErrorCode = 'CONFLICT') {
    return new ApiException(HttpStatus.CONFLICT, code, message);
  }
  static badRequest(message: string, code: ApiErrorCode = 'BAD_REQUEST') {
    return new ApiException(HttpStatus.BAD_REQUEST, code, message);
  }
}
