import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'several refused addresses',
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
    ],
    ['the client-side read timeout', new Error('Query read timeout')],
    ['the pool acquisition timeout', new Error('timeout exceeded when trying to connect')],
    ['the connection timeout', new Error('Connection terminated due to connection timeout')],
    ['a dead connection', new Error('Connection terminated unexpectedly')],
    [
      'a statement cancelled by statement_timeout',
      new QueryFailedError(
        'SELECT 1',
        [],
        withCode('canceling statement due to statement timeout', '57014'),
      ),
    ],
    [
      'a server shutting down',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['SQLite locked past its busy timeout', withCode('database is locked', 'SQLITE_BUSY')],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a unique violation',
      new QueryFailedError('INSERT', [], withCode('duplicate key value', '23505')),
    ],
    ['a syntax error', new QueryFailedError('SELEC', [], withCode('syntax error', '42601'))],
    ['a bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
