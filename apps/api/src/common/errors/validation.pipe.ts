import { HttpStatus, ValidationPipe } from '@nestjs/common';
import { ApiException } from './api-exception';
import { toFieldErrors } from './french-validation-messages';

/** Global validation: unknown fields refused, types transformed, French messages per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const message =
        fieldErrors.length === 1
          ? fieldErrors[0].message
          : `La demande contient ${fieldErrors.length} erreurs : ${fieldErrors.map((e) => e.message).join(' ')}`;
      return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, fieldErrors);
    },
  });
}
