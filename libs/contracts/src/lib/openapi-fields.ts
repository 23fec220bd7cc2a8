/**
 * How a response class of the contracts describes its fields to the API's OpenAPI document.
 *
 * Each response class carries a static `_OPENAPI_METADATA_FACTORY` returning one FieldDoc per
 * field: the convention @nestjs/swagger reads (it is what its CLI plugin writes), so the
 * contracts stay free of any server package and the fronts never bundle one. `FieldDocs<T>`
 * lists every field of T: a field added to a class without its documentation does not compile.
 */
export interface FieldDoc {
  /** Defaults to true; false for a field that may be absent. */
  required?: boolean;
  /** A class (`() => Me`), a list of one (`() => [Me]`) or a primitive constructor. */
  type?: (() => unknown) | 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  nullable?: boolean;
  enum?: readonly (string | number)[];
  isArray?: boolean;
  format?: string;
  description?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  additionalProperties?: boolean | { type: string };
  allOf?: { $ref: string }[];
}

export type FieldDocs<T> = { [K in keyof T]-?: FieldDoc };

/** The name @nestjs/swagger reads on a class for its fields' metadata. */
export const OPENAPI_FIELDS = '_OPENAPI_METADATA_FACTORY';

type Extra = Omit<FieldDoc, 'type' | 'description'>;

/** A French or English text. */
export const text = (description?: string, extra: Extra = {}): FieldDoc => ({
  type: () => String,
  description,
  ...extra,
});
/** A text of a given format, with an example of it. */
const formatted =
  (format: string, example: string) =>
  (description?: string, extra: Extra = {}): FieldDoc => ({
    type: () => String,
    format,
    description,
    example,
    ...extra,
  });
/** An instant in ISO 8601 (UTC). */
export const instant = formatted('date-time', '2026-11-02T09:30:00.000Z');
export const uuid = formatted('uuid', '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
export const integer = (description?: string, extra: Extra = {}): FieldDoc => ({
  type: 'integer',
  description,
  ...extra,
});
export const flag = (description?: string, extra: Extra = {}): FieldDoc => ({
  type: () => Boolean,
  description,
  ...extra,
});
/** One of a fixed list of values. */
export const oneOf = (
  values: readonly string[],
  description?: string,
  extra: Extra = {},
): FieldDoc => ({
  type: 'string',
  enum: [...values],
  description,
  ...extra,
});
/** A list of values of a fixed list. */
export const listOf = (
  values: readonly string[],
  description?: string,
  extra: Extra = {},
): FieldDoc => ({
  type: 'string',
  enum: [...values],
  isArray: true,
  description,
  ...extra,
});
/** An object described by its own class (`() => Me`), or a list of them (`() => [Me]`). */
export const nested = (
  target: () => unknown,
  description?: string,
  extra: Extra = {},
): FieldDoc => ({
  // @nestjs/swagger takes a function named `type` for a lazy reference (classes defined later).
  type: () => target(),
  description,
  ...extra,
});

export type FieldsFactory = () => Readonly<Record<string, FieldDoc>>;
/**
 * The value of a class's `static readonly _OPENAPI_METADATA_FACTORY`: T is the class itself, or
 * for a subclass the fields it adds (`Omit<Sub, keyof Base>`).
 */
export const documented =
  <T>(docs: FieldDocs<T>): FieldsFactory =>
  () =>
    docs;
