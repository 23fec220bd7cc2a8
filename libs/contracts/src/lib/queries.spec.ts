import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DevMailboxQuery } from './dev-mailbox.dto';
import { ImageCheckQuery } from './images.dto';

const messagesOf = <T extends object>(type: new () => T, plain: object) =>
  validateSync(plainToInstance(type, plain) as object).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('query DTOs shared by the API and the fronts', () => {
  it('accept valid values', () => {
    expect(messagesOf(ImageCheckQuery, { kind: 'photo' })).toEqual([]);
    expect(messagesOf(ImageCheckQuery, { kind: 'signature' })).toEqual([]);
    expect(messagesOf(DevMailboxQuery, { limit: '20' })).toEqual([]);
    expect(messagesOf(DevMailboxQuery, {})).toEqual([]);
  });

  it('refuse bad values with French messages', () => {
    expect(messagesOf(ImageCheckQuery, { kind: 'passport' })).toEqual([
      'Le paramètre « kind » doit valoir « photo » ou « signature ».',
    ]);
    expect(messagesOf(DevMailboxQuery, { limit: 'abc' })).toContain(
      'Le paramètre « limit » doit être un nombre entier.',
    );
    expect(messagesOf(DevMailboxQuery, { limit: '0' })).toEqual([
      'Le paramètre « limit » doit valoir au moins 1.',
    ]);
  });
});
