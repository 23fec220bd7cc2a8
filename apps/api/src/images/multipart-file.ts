import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
// Its augmentation of FastifyRequest (isMultipart, parts), wherever this file is compiled from.
import type {} from '@fastify/multipart';
import { ApiException } from '../common/errors/api-exception';

/**
 * The multipart body of an upload, as the route received it, unread: Images reads it (with the
 * cap below), whichever module's route it came to.
 */
export type MultipartUpload = Pick<FastifyRequest, 'isMultipart' | 'parts'>;

/**
 * Past this many bytes an upload is refused before it is read whole. Large enough for the driver
 * to learn every figure of a file that is somewhat too big (the limits are 80 Ko and 50 Ko),
 * small enough that no body costs the server more than a moment.
 */
export const UPLOAD_HARD_CAP_BYTES = 2 * 1024 * 1024;
export const UPLOAD_FIELD = 'file';

/**
 * Reads the one file of a multipart body, field "file", streaming with a size cap.
 * Every way a body can be wrong gets its own 4xx and French message.
 */
export async function readSingleFile(request: MultipartUpload): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new ApiException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Le fichier doit être envoyé en multipart/form-data, dans le champ « file ».',
    );
  }
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: UPLOAD_HARD_CAP_BYTES, files: 1, fields: 0, parts: 1 },
    })) {
      if (part.type !== 'file') {
        throw ApiException.badRequest(
          'La demande ne doit contenir qu’un fichier, dans le champ « file ».',
          'UNEXPECTED_FIELD',
        );
      }
      if (part.fieldname !== UPLOAD_FIELD) {
        part.file.resume();
        throw ApiException.badRequest(
          `Le fichier doit être envoyé dans le champ « file » (reçu : « ${part.fieldname.slice(0, 40)} »).`,
          'WRONG_FIELD',
        );
      }
      bytes = await part.toBuffer();
    }
  } catch (error) {
    throw translateMultipartError(error);
  }
  if (!bytes)
    throw ApiException.badRequest(
      'Aucun fichier reçu : choisissez un fichier avant d’envoyer.',
      'NO_FILE',
    );
  return bytes;
}

function translateMultipartError(error: unknown): unknown {
  if (error instanceof ApiException) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ApiException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'FILE_TOO_LARGE',
      // The cap itself is not named: a driver only needs to know the limits of the rule and where the help is.
      'Ce fichier est beaucoup trop lourd pour être analysé : une photo d’identité pèse au plus 80 Ko, une signature au plus 50 Ko. Choisissez-le sur la page de dépôt du portail : l’assistant « Corriger ma photo » (ou « Corriger ma signature ») en fait sur votre appareil un fichier conforme, et seul ce fichier est envoyé.',
    );
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return ApiException.badRequest(
      'Envoyez un seul fichier à la fois, dans le champ « file ».',
      'TOO_MANY_PARTS',
    );
  }
  // A body that ends before its closing boundary fails in one of two ways, depending on timing.
  // Read while it arrives, the file stream errors with busboy's "Part terminated early…". Read
  // after it has all arrived (the guard awaited the database meanwhile: a real round trip on
  // PostgreSQL, synchronous on SQLite), busboy has already met the end and destroyed the file
  // stream before toBuffer() iterates it, which then fails with ERR_STREAM_PREMATURE_CLOSE.
  // Both are the caller's malformed body (a client that hung up gets the same answer, unread).
  if (
    code.startsWith('FST_') ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    /multipart|boundary/i.test(String((error as Error)?.message))
  ) {
    return ApiException.badRequest('Le contenu multipart envoyé est mal formé.', 'BAD_MULTIPART');
  }
  return error;
}
