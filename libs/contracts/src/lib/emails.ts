import type { CardType, Piece } from './domain';

/**
 * The subject of every email the service sends: the one source the API's templates and the
 * driver portal's pages (home, FAQ, guide) quote, so that what drivers are told to look for is
 * what arrives. The request email keeps the subject drivers have been told about for years.
 */
export const EMAIL_SUBJECTS = {
  imageRequest: (cardType: CardType) => `Demande d’images pour votre carte ${cardType}`,
  rejection: (cardType: CardType, pieces: readonly Piece[]) =>
    `${pieces.length > 1 ? 'Photo et signature refusées' : pieces[0] === 'SIGNATURE' ? 'Signature refusée' : 'Photo refusée'} : demande d’images pour votre carte ${cardType}`,
  reminder: (cardType: CardType) =>
    `Rappel : images toujours attendues pour votre carte ${cardType}`,
  cancellation: (cardType: CardType) => `Annulation de votre demande pour votre carte ${cardType}`,
  receipt: (cardType: CardType) => `Images bien reçues pour votre carte ${cardType}`,
  paymentRequest: (cardType: CardType) =>
    `Demande validée, paiement à effectuer pour votre carte ${cardType}`,
  driverSignIn: (cardType?: CardType) =>
    `Votre lien de connexion au portail des images${cardType ? ` pour votre carte ${cardType}` : ''}`,
  agentSignIn: () => 'Votre lien de connexion à l’espace préfecture T3P',
} as const;

/** What the pages quote of the request email's subject: its words before the card type. */
export const IMAGE_REQUEST_SUBJECT_START = 'Demande d’images pour votre carte';
