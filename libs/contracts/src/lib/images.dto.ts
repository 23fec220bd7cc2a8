import { IsIn } from 'class-validator';
import type { Verdict } from '@t3p/image-rules';
import { PIECES, STORED_IMAGE_STATES, type Piece, type StoredImageState } from './domain';
import { documented, instant, integer, nested, oneOf, text, uuid } from './openapi-fields';

export const IMAGE_KIND_VALUES = ['photo', 'signature'] as const;

export class ImageCheckQuery {
  /** Which rules apply: photo d’identité or signature. */
  @IsIn(IMAGE_KIND_VALUES, {
    message: 'Le paramètre « kind » doit valoir « photo » ou « signature ».',
  })
  kind!: (typeof IMAGE_KIND_VALUES)[number];

  static readonly _OPENAPI_METADATA_FACTORY = documented<ImageCheckQuery>({
    kind: oneOf(IMAGE_KIND_VALUES, 'Les règles qui s’appliquent : photo d’identité ou signature.'),
  });
}

/**
 * A quality warning (never blocking), the same in the browser, the API and check-image; codes and
 * thresholds: @t3p/image-warnings and docs/image-rules.md.
 */
export class ImageWarning {
  code!: string;
  /** French: what was measured and what is expected. */
  message!: string;
  /** French: what the driver can do. */
  hint!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ImageWarning>({
    code: text('Code stable de l’avertissement (voir docs/image-rules.md).', {
      example: 'PHOTO_DARK',
    }),
    message: text('En français : ce qui a été mesuré et ce qui est attendu.'),
    hint: text('En français : ce que le chauffeur peut faire.'),
  });
}

/** An image kept for a request (never the bytes: they have their own endpoint). */
export class StoredImageSummary {
  id!: string;
  piece!: Piece;
  state!: StoredImageState;
  format!: 'jpeg' | 'pdf';
  byteSize!: number;
  sha256!: string;
  uploadedAt!: string;
  /** The figures measured on the file (see @t3p/image-rules Measured). */
  measured!: Record<string, unknown>;
  /** The quality warnings the file got when it was uploaded (empty when none). */
  warnings!: ImageWarning[];

  static readonly _OPENAPI_METADATA_FACTORY = documented<StoredImageSummary>({
    id: uuid(),
    piece: oneOf(PIECES),
    state: oneOf(STORED_IMAGE_STATES),
    format: oneOf(['jpeg', 'pdf']),
    byteSize: integer(undefined, { example: 61234 }),
    sha256: text('Empreinte SHA-256 du fichier gardé, en hexadécimal.'),
    uploadedAt: instant(),
    measured: {
      type: 'object',
      additionalProperties: true,
      description: 'Les valeurs mesurées sur le fichier (format, octets, pixels, DPI, mm…).',
    },
    warnings: nested(
      () => [ImageWarning],
      'Les avertissements de qualité reçus au dépôt (vide s’il n’y en a pas).',
    ),
  });
}

/** The reference of the verdict's schema, which the API describes from @t3p/image-rules. */
export const VERDICT_SCHEMA_REF = '#/components/schemas/Verdict';

/** The answer of an upload whose file breaks a rule (422): nothing is kept, the verdict says why. */
export class ImageRefusal {
  statusCode!: 422;
  code!: 'IMAGE_INVALID';
  message!: string;
  verdict!: Verdict;
  requestId?: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<ImageRefusal>({
    statusCode: integer(undefined, { enum: [422] }),
    code: oneOf(['IMAGE_INVALID']),
    message: text('Phrase en français à afficher telle quelle.'),
    verdict: {
      type: 'object',
      allOf: [{ $ref: VERDICT_SCHEMA_REF }],
      description: 'Le verdict de chaque règle.',
    },
    requestId: text('Identifiant de la requête dans les journaux du serveur.', { required: false }),
  });
}
