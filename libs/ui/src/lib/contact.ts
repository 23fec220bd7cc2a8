/**
 * Card types and the IN Groupe contact centre.
 * Same values as `CardType` and `CONTACT_CENTRE` in `@t3p/contracts` (a contracts spec could assert
 * it). Not imported from there yet: its barrel also exports class-validator DTOs, which would add
 * class-validator and validator.js to the fronts' initial bundle (+21 kB raw measured).
 */
export type T3pCardType = 'VTC' | 'TAXI' | 'VMDTR';

export const T3P_CARD_TYPES: readonly T3pCardType[] = ['VTC', 'TAXI', 'VMDTR'];

export const T3P_CONTACT_CENTRE = {
  phone: '0 806 00 01 14',
  phoneHref: 'tel:+33806000114',
  phoneNote: 'service gratuit + prix de l’appel',
  emails: {
    VTC: 'contact.carte-vtc@ingroupe.com',
    TAXI: 'contact.carte-taxi@ingroupe.com',
    VMDTR: 'contact.carte-vmdtr@ingroupe.com',
  } satisfies Record<T3pCardType, string>,
} as const;
