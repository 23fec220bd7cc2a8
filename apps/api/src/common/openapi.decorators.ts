import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ApiError, type ApiErrorCode } from '@t3p/contracts';

/** Names of the OpenAPI security schemes (declared in app/openapi.ts). */
export const SESSION_SECURITY = 'session';
export const CSRF_SECURITY = 'csrf';

/** An operation: its summary in French (the product's language), its description in English. */
export const Operation = (summaryFr: string, descriptionEn: string) =>
  ApiOperation({ summary: summaryFr, description: descriptionEn });

/** A path parameter that must be a UUID v4 (ParseUUIDPipe answers 400 otherwise). */
export const UuidParam = (name = 'id', description?: string) =>
  ApiParam({
    name,
    description,
    schema: { type: 'string', format: 'uuid' },
    example: '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  });

/** The piece of a request, as a path segment. */
export const PieceParam = () =>
  ApiParam({
    name: 'piece',
    description: 'La pièce : photo d’identité ou signature.',
    enum: ['photo', 'signature'],
  });

const LABELS: Record<number, string> = {
  401: 'Pas de session valide (Unauthorized)',
  403: 'Rôle insuffisant, ou jeton anti-CSRF absent ou faux sur une écriture (Forbidden)',
  400: 'Entrée refusée (Bad request)',
  404: 'Introuvable, ou hors du périmètre de l’appelant (Not found)',
  409: 'Refusé dans l’état actuel (Conflict)',
  413: 'Fichier trop lourd (Payload too large)',
  415: 'Type de contenu refusé (Unsupported media type)',
  422: 'Entrée cohérente mais refusée (Unprocessable)',
  429: 'Trop de demandes : attendre Retry-After secondes (Too many requests)',
  503: 'Service momentanément indisponible : réessayer après Retry-After (Service unavailable)',
};

/** French messages of the examples (the API's own wording). */
const EXAMPLE_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  VALIDATION_FAILED: 'Précisez le motif de la demande.',
  BAD_REQUEST: 'La demande est mal formée.',
  NOT_FOUND: 'Ressource introuvable.',
  UNAUTHENTICATED: 'Vous devez vous connecter pour continuer.',
  FORBIDDEN: 'Cette action ne vous est pas permise.',
  LINK_EXPIRED:
    'Ce lien de connexion a expiré. Demandez-en un nouveau : il arrivera dans votre messagerie.',
  REQUEST_ALREADY_OPEN:
    'Une demande d’images est déjà en cours pour cette demande de carte : attendez qu’elle soit close.',
  REQUEST_ALREADY_SUBMITTED: 'Vos images ont déjà été envoyées : la préfecture les examine.',
  TERMS_OUTDATED:
    'Les conditions d’utilisation ont changé : rechargez la page pour lire la version en vigueur.',
  STATE_CONFLICT: 'Seule une demande dont les images ont été envoyées peut être examinée.',
  AGENT_EXISTS: 'Un agent existe déjà avec cette adresse : il peut demander un lien de connexion.',
  SELF_DEACTIVATION: 'Vous ne pouvez pas désactiver votre propre compte.',
  NO_FILE: 'Aucun fichier reçu : choisissez un fichier avant d’envoyer.',
  FILE_TOO_LARGE: 'Ce fichier est beaucoup trop lourd pour être analysé.',
  UNSUPPORTED_MEDIA_TYPE:
    'Le fichier doit être envoyé en multipart/form-data, dans le champ « file ».',
  DECISIONS_INCOMPLETE:
    'Donnez exactement une décision pour chaque image demandée, ni plus ni moins.',
  TOO_MANY_REQUESTS: 'Trop de demandes. Veuillez patienter avant de réessayer.',
  DATABASE_UNAVAILABLE:
    'Le service est momentanément indisponible. Réessayez dans quelques instants.',
};

/** The description (with the codes this operation may give for that status) and the example of an error answer. */
export const errorAnswer = (status: number, codes: readonly ApiErrorCode[]) => ({
  description: `${LABELS[status] ?? 'Erreur'}. Codes : ${codes.join(', ')}.`,
  example: {
    statusCode: status,
    code: codes[0],
    message: EXAMPLE_MESSAGES[codes[0]] ?? 'La demande ne peut pas être traitée.',
    requestId: 'req-1a2b3c',
  },
});

/** An error answer: the one ApiError schema, its codes, an example. */
export const errorResponse = (status: number, codes: readonly ApiErrorCode[]) =>
  ApiResponse({ status, type: ApiError, ...errorAnswer(status, codes) });

/**
 * The errors an operation answers besides those of its access rule (401/403 and 503, which the
 * document adds from the rule itself): per status, the codes it may give.
 */
export const ApiErrors = (
  errors: Partial<Record<400 | 404 | 409 | 413 | 415 | 422 | 429 | 503, readonly ApiErrorCode[]>>,
) =>
  applyDecorators(
    ...Object.entries(errors).map(([status, codes]) => errorResponse(Number(status), codes ?? [])),
  );

/** Errors of a body or query validated by the global ValidationPipe. */
export const VALIDATION: readonly ApiErrorCode[] = ['VALIDATION_FAILED', 'BAD_REQUEST'];
/** Errors of a multipart upload read by readSingleFile. */
export const UPLOAD_ERRORS = {
  400: [
    'NO_FILE',
    'UNEXPECTED_FIELD',
    'WRONG_FIELD',
    'TOO_MANY_PARTS',
    'BAD_MULTIPART',
    'VALIDATION_FAILED',
  ],
  413: ['FILE_TOO_LARGE', 'PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
} as const satisfies Partial<Record<number, readonly ApiErrorCode[]>>;

/** The multipart body of an upload: one file, field "file". */
export const UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: ['file'],
    properties: {
      file: {
        type: 'string' as const,
        format: 'binary',
        description: 'Le fichier : JPEG, ou PDF d’une page.',
      },
    },
  },
};
