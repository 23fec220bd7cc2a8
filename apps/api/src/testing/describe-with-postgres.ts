import { describe, it } from '@jest/globals';
import { postgresReachableSync, postgresServerUrl, redact } from './postgres';

/**
 * `describe` for a suite that needs a PostgreSQL server: reported skipped when there is none,
 * a failing test under CI=true.
 */
export function describeWithPostgres(name: string, suite: () => void): void {
  if (postgresReachableSync()) {
    describe(name, suite);
  } else if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('needs PostgreSQL', () => {
        throw new Error(
          `PostgreSQL is required under CI=true but ${redact(postgresServerUrl())} does not answer.`,
        );
      });
    });
  } else {
    console.warn(
      `PostgreSQL not reachable at ${redact(postgresServerUrl())}: "${name}" is skipped.`,
    );
    describe.skip(name, suite);
  }
}
