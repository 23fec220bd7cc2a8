import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port';

export type ProxyMode = 'forward' | 'black-hole' | 'refuse';

/**
 * A TCP proxy in front of a real server, for outage tests: `forward` passes bytes both ways;
 * `black-hole` keeps every connection open and accepts new ones but passes nothing on (a server
 * that stopped answering: what was held flows again on `forward`); `refuse` closes every
 * connection and stops listening (connection refused).
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const port = await freePort();
  interface Pair {
    client: Socket;
    upstream: Socket;
    /** Bytes held in black-hole mode, each way. */
    toUpstream: Buffer[];
    toClient: Buffer[];
  }
  const pairs = new Set<Pair>();
  let mode: ProxyMode = 'forward';
  let server: Server | undefined;

  const flush = (pair: Pair) => {
    for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
  };

  const listen = () =>
    new Promise<void>((done, fail) => {
      const current = createServer((client) => {
        const upstream = createConnection(target);
        const pair: Pair = { client, upstream, toUpstream: [], toClient: [] };
        pairs.add(pair);
        client.on('data', (chunk: Buffer) =>
          mode === 'forward' ? upstream.write(chunk) : pair.toUpstream.push(chunk),
        );
        upstream.on('data', (chunk: Buffer) =>
          mode === 'forward' ? client.write(chunk) : pair.toClient.push(chunk),
        );
        const close = () => {
          pairs.delete(pair);
          client.destroy();
          upstream.destroy();
        };
        client.on('error', close).on('close', close);
        upstream.on('error', close).on('close', close);
      });
      current.once('error', fail);
      current.listen(port, '127.0.0.1', () => {
        server = current;
        done();
      });
    });

  const stopListening = () =>
    new Promise<void>((done) => {
      const current = server;
      server = undefined;
      if (!current) return done();
      current.close(() => done());
    });

  await listen();
  return {
    port,
    async set(next: ProxyMode): Promise<void> {
      mode = next;
      if (next === 'refuse') {
        const closed = stopListening();
        for (const pair of pairs) {
          pair.client.destroy();
          pair.upstream.destroy();
        }
        await closed;
        return;
      }
      if (!server) await listen();
      if (next === 'forward') for (const pair of pairs) flush(pair);
    },
    async close(): Promise<void> {
      const closed = stopListening();
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await closed;
    },
  };
}
