import type { Piece } from '@t3p/contracts';
import { ApiException } from '../common/errors/api-exception';

const PIECE_OF_PATH: Record<string, Piece> = { photo: 'PHOTO', signature: 'SIGNATURE' };

/** `photo` or `signature` in a path; anything else is a 404 like an unknown route. */
export function pieceOfPath(value: string): Piece {
  const piece = PIECE_OF_PATH[value];
  if (!piece) throw ApiException.notFound('Pièce inconnue : « photo » ou « signature » attendu.');
  return piece;
}
