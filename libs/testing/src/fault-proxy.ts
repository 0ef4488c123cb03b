import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Transform } from 'node:stream';

/** How a cut proxy treats a new connection: reset it at once, or hold it unanswered. */
export type CutMode = 'refuse' | 'hold';

export interface FaultProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** `host:port` of where connections are forwarded now. */
  target: { host: string; port: number };
  /** The URL of the target with its host and port replaced by the proxy's. */
  urlFor(targetUrl: string): string;
  /** Connections forwarded since the start (or the last `restore()`). */
  readonly forwarded: number;
  /**
   * Cuts the line: every open connection is destroyed, and new ones are refused (reset at once) or
   * held unanswered until `restore()`, as a server gone away or a network partition would.
   */
  cut(mode?: CutMode): void;
  /**
   * The line goes silent without breaking, as in a network partition: open connections stay open
   * but nothing crosses in either direction, and new ones are held, until `restore()`, when what
   * was sent meanwhile is delivered.
   */
  stall(): void;
  /** Forwards again; held connections go through now. */
  restore(): void;
  /** Forwards new connections somewhere else (another instance); open ones are left alone. */
  retarget(port: number, host?: string): void;
  /** Destroys every open connection without refusing new ones (a dropped line, or a killed server). */
  dropConnections(): void;
  /**
   * Holds the first data sent towards the target that contains `marker` (a statement's name, say)
   * until `meanwhile` has run, then lets it through: a test puts its own step at an exact point of
   * a conversation. Resolves once `meanwhile` has run and the data has gone on.
   */
  holdOnce(marker: string, meanwhile: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy for fault tests, on a free port: put between the API and PostgreSQL or Redis (or
 * between clients and the API) and cut the line without touching the shared server behind it.
 */
export async function startFaultProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<FaultProxy> {
  const target = { host: targetHost, port: targetPort };
  type Pair = { client: Socket; upstream: Socket | null; outbound: Transform };
  const pairs = new Set<Pair>();
  let hold: { marker: Buffer; meanwhile: () => Promise<void>; done: () => void } | null = null;
  const held = new Set<Socket>();
  let mode: CutMode | null = null;
  let stalled = false;
  let forwarded = 0;

  const forward = (client: Socket) => {
    forwarded += 1;
    // Everything towards the target passes this gate, which can hold a chunk (see holdOnce).
    const outbound = new Transform({
      transform(chunk: Buffer, _encoding, passOn) {
        const waiting = hold;
        if (!waiting || !chunk.includes(waiting.marker)) return passOn(null, chunk);
        hold = null;
        waiting.meanwhile().then(
          () => {
            passOn(null, chunk);
            waiting.done();
          },
          (error: Error) => passOn(error),
        );
      },
    });
    const pair: Pair = { client, upstream: null, outbound };
    pairs.add(pair);
    const upstream = createConnection({ host: target.host, port: target.port });
    pair.upstream = upstream;
    outbound.pipe(upstream);
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    outbound.on('error', end);
    connect(pair);
  };
  const connect = ({ client, upstream, outbound }: Pair) => {
    client.pipe(outbound);
    upstream!.pipe(client);
    client.resume();
    upstream!.resume();
  };
  const silence = ({ client, upstream, outbound }: Pair) => {
    client.unpipe(outbound);
    upstream!.unpipe(client);
    client.pause();
    upstream!.pause();
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    if (mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'hold') {
      held.add(client);
      client.on('error', () => held.delete(client));
      client.on('close', () => held.delete(client));
      return;
    }
    forward(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const dropConnections = () => {
    for (const pair of [...pairs]) {
      pairs.delete(pair);
      pair.client.resetAndDestroy();
      pair.upstream?.resetAndDestroy();
    }
  };

  return {
    port,
    target,
    urlFor(targetUrl: string) {
      const url = new URL(targetUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    get forwarded() {
      return forwarded;
    },
    cut(cutMode: CutMode = 'refuse') {
      mode = cutMode;
      dropConnections();
    },
    stall() {
      stalled = true;
      mode = 'hold';
      for (const pair of pairs) silence(pair);
    },
    restore() {
      mode = null;
      if (stalled) for (const pair of pairs) connect(pair);
      stalled = false;
      for (const client of [...held]) {
        held.delete(client);
        if (!client.destroyed) forward(client);
      }
    },
    retarget(newPort: number, host = target.host) {
      target.port = newPort;
      target.host = host;
    },
    dropConnections,
    holdOnce(marker: string, meanwhile: () => Promise<void>) {
      return new Promise<void>((done) => {
        hold = { marker: Buffer.from(marker), meanwhile, done };
      });
    },
    close() {
      dropConnections();
      for (const client of held) client.destroy();
      held.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
