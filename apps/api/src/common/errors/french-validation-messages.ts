import type { ValidationError } from 'class-validator';
import type { ApiFieldError } from '@t3p/contracts';

/**
 * class-validator speaks English; drivers and agents read French. Each constraint name maps to a
 * French sentence. A DTO may also give its own `message`, which is kept as is when it is French.
 */
const MESSAGES: Record<string, (field: string, error: ValidationError) => string> = {
  whitelistValidation: (field) => `Le champ « ${field} » n’est pas attendu.`,
  isDefined: (field) => `Le champ « ${field} » est obligatoire.`,
  isNotEmpty: (field) => `Le champ « ${field} » ne peut pas être vide.`,
  isString: (field) => `Le champ « ${field} » doit être un texte.`,
  isInt: (field) => `Le champ « ${field} » doit être un nombre entier.`,
  isNumber: (field) => `Le champ « ${field} » doit être un nombre.`,
  isBoolean: (field) => `Le champ « ${field} » doit valoir true ou false.`,
  isEmail: (field) => `Le champ « ${field} » doit être une adresse électronique valide.`,
  isUUID: (field) => `Le champ « ${field} » doit être un identifiant valide.`,
  isIn: (field) => `La valeur du champ « ${field} » n’est pas une valeur permise.`,
  isEnum: (field) => `La valeur du champ « ${field} » n’est pas une valeur permise.`,
  isArray: (field) => `Le champ « ${field} » doit être une liste.`,
  arrayNotEmpty: (field) => `La liste « ${field} » ne peut pas être vide.`,
  arrayUnique: (field) => `La liste « ${field} » contient des doublons.`,
  isDateString: (field) => `Le champ « ${field} » doit être une date au format AAAA-MM-JJ.`,
  isISO8601: (field) => `Le champ « ${field} » doit être une date au format AAAA-MM-JJ.`,
  maxLength: (field, error) =>
    `Le champ « ${field} » est trop long (${String(error.value ?? '').length} caractères).`,
  minLength: (field) => `Le champ « ${field} » est trop court.`,
  min: (field) => `Le champ « ${field} » est trop petit.`,
  max: (field) => `Le champ « ${field} » est trop grand.`,
  matches: (field) => `Le champ « ${field} » n’a pas le format attendu.`,
  nestedValidation: (field) => `Le champ « ${field} » est mal formé.`,
};

const looksFrench = (text: string) =>
  /[«»éèêàçù’]|^(Le|La|Les|L’|Ce|Cette|Une?|Veuillez|Indiquez)\b/.test(text);

export function toFieldErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  const result: ApiFieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, original] of Object.entries(error.constraints ?? {})) {
      const french = looksFrench(original) ? original : MESSAGES[constraint]?.(field, error);
      result.push({ field, message: french ?? `Le champ « ${field} » n’est pas valide.` });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}
