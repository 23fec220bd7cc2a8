import { ERROR_CODES, IMAGE_KINDS } from '@t3p/image-rules';
import { WARNING_CODES } from '@t3p/image-warnings';

const finding = (codes: readonly string[]) => ({
  type: 'object',
  required: ['code', 'message', 'hint'],
  properties: {
    code: { type: 'string', enum: [...codes] },
    message: {
      type: 'string',
      description: 'En français : la valeur mesurée et la valeur attendue.',
    },
    hint: { type: 'string', description: 'En français : comment corriger.' },
  },
});

/** The verdict of a file (OpenAPI schema of @t3p/image-rules Verdict). */
export const VERDICT_SCHEMA = {
  type: 'object',
  required: ['kind', 'valid', 'errors', 'warnings', 'measured'],
  properties: {
    kind: { type: 'string', enum: [...IMAGE_KINDS] },
    valid: { type: 'boolean' },
    errors: { type: 'array', items: finding(ERROR_CODES) },
    warnings: {
      type: 'array',
      description:
        'Avertissements de qualité, jamais bloquants (seulement pour un JPEG conforme). FACE_ANALYSIS_UNAVAILABLE : l’analyse du visage a dépassé son budget, les avertissements de cadrage manquent.',
      items: finding(WARNING_CODES),
    },
    measured: {
      type: 'object',
      additionalProperties: true,
      description: 'Les valeurs mesurées (format, octets, pixels, DPI, mm…).',
    },
  },
};
