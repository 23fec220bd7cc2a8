import { Client, type ClientConfig } from 'pg';

export interface PostgresTimeouts {
  /** One attempt to open a connection (TCP and start-up). */
  DATABASE_CONNECT_TIMEOUT_MS: number;
  /** The wait for a connection of the pool. */
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: number;
  /** The server cancels a longer statement; the client waits one second more for any answer. */
  DATABASE_STATEMENT_TIMEOUT_MS: number;
}

/** How long the client waits past the server's own statement timeout before giving up. */
const ANSWER_GRACE_MS = 1000;

/**
 * The pg pool options (TypeORM's `extra`) that keep a silent or absent server from hanging a
 * request: every wait is bounded, and a connection whose answer never came is closed so that the
 * queries queued behind it (a ROLLBACK, the next request) fail at once instead of waiting too.
 */
export function postgresPoolOptions(timeouts: PostgresTimeouts): Record<string, unknown> {
  const connectTimeout = timeouts.DATABASE_CONNECT_TIMEOUT_MS;
  class BoundedClient extends Client {
    constructor(config: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeout });
    }

    override query(...args: unknown[]): never {
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          if (error instanceof Error && error.message === 'Query read timeout')
            this.closeSilentConnection();
        });
      }
      return result as never;
    }

    private closeSilentConnection(): void {
      (
        this as unknown as { connection?: { stream?: { destroy(error?: Error): void } } }
      ).connection?.stream?.destroy();
    }
  }
  return {
    max: 20,
    Client: BoundedClient,
    // pg-pool bounds both the wait for a free connection and the opening of a new one with it.
    connectionTimeoutMillis: timeouts.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    statement_timeout: timeouts.DATABASE_STATEMENT_TIMEOUT_MS,
    query_timeout: timeouts.DATABASE_STATEMENT_TIMEOUT_MS + ANSWER_GRACE_MS,
    keepAlive: true,
  };
}
