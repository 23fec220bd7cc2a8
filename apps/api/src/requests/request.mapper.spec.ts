import { ImageRequestEntity } from '../database/entities';
import { decodeCursor, deadlineOf, encodeCursor, piecesOf } from './request.mapper';

const delays = { reminderDays: 15, cancellationDays: 30 };
const request = (patch: Partial<ImageRequestEntity>) =>
  ({
    state: 'PENDING',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    remindedAt: null,
    photoRequested: true,
    signatureRequested: false,
    ...patch,
  }) as ImageRequestEntity;

describe('request mapper', () => {
  it('computes the cancellation deadline of open requests only', () => {
    expect(deadlineOf(request({}), delays)?.toISOString()).toBe('2026-02-15T00:00:00.000Z');
    expect(
      deadlineOf(
        request({ state: 'REMINDED', remindedAt: new Date('2026-01-20T00:00:00Z') }),
        delays,
      )?.toISOString(),
    ).toBe('2026-02-19T00:00:00.000Z');
    expect(deadlineOf(request({ state: 'SUBMITTED' }), delays)).toBeNull();
  });

  it('lists the requested pieces', () => {
    expect(piecesOf(request({ photoRequested: true, signatureRequested: true }))).toEqual([
      'PHOTO',
      'SIGNATURE',
    ]);
    expect(piecesOf(request({ photoRequested: false, signatureRequested: true }))).toEqual([
      'SIGNATURE',
    ]);
  });

  it('round-trips the keyset cursor and refuses anything else', () => {
    const keyset = {
      createdAt: new Date('2026-03-02T09:00:00.123Z'),
      id: '0b6f1f7e-8f43-4a8e-9d4c-2b1d3f1e9a10',
    };
    expect(decodeCursor(encodeCursor(keyset))).toEqual(keyset);
    expect(decodeCursor('bad')).toBeNull();
    expect(decodeCursor(Buffer.from('2026-01-01|not-an-id').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from(`nope|${keyset.id}`).toString('base64url'))).toBeNull();
  });
});
