/**
 * A bare WebSocket speaking engine.io 4 and socket.io 5 framing by hand, for tests that must send
 * what no well-behaved client sends: events before the namespace's CONNECT is answered, events
 * after a refused handshake, a CONNECT twice. Packets are encoded with the channel's own parser
 * (`collabParser`), so a binary update is one frame as the browser sends it.
 */
import { collabParser } from '@commonplan/protocol';
import { PacketType, type Packet } from 'socket.io-parser';
import { WebSocket } from 'ws';

/** What arrived on the connection, decoded: socket.io packets, and whether it was closed. */
export interface RawArrival {
  packets: Packet[];
  /** Every text frame as received, to search for names that must not leak. */
  text: string[];
  closed: boolean;
}

export class RawSocketIo {
  readonly arrived: RawArrival = { packets: [], text: [], closed: false };
  private readonly encoder = new collabParser.Encoder();
  private readonly decoder = new collabParser.Decoder();
  private readonly waiters: Array<() => void> = [];

  private constructor(private readonly ws: WebSocket) {
    this.decoder.on('decoded', (packet: Packet) => {
      this.arrived.packets.push(packet);
      this.wake();
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        const text = data.toString('utf8');
        this.arrived.text.push(text);
        // engine.io: 2 is a ping (answered, or the server closes us), 4 a socket.io packet.
        if (text === '2') ws.send('3');
        else if (text.startsWith('4')) this.decode(text.slice(1));
      } else {
        this.arrived.text.push(data.toString('latin1'));
        this.decode(data);
      }
    });
    ws.on('close', () => {
      this.arrived.closed = true;
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  /** Opens the WebSocket and waits for engine.io's open packet; sends no socket.io packet yet. */
  static open(baseUrl: string, headers: Record<string, string> = {}): Promise<RawSocketIo> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      ws.once('error', reject);
      ws.once('message', (data: Buffer) => {
        if (!data.toString().startsWith('0')) reject(new Error(`not an engine.io open: ${data}`));
        else resolve(new RawSocketIo(ws));
      });
    });
  }

  private decode(data: string | Buffer): void {
    try {
      this.decoder.add(data);
    } catch {
      // The server sent something our parser cannot read; the test sees it in `text`.
    }
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Sends a socket.io packet to the main namespace, without waiting for anything. */
  send(packet: Omit<Packet, 'nsp'> & { nsp?: string }): void {
    for (const part of this.encoder.encode({ nsp: '/', ...packet } as Packet)) {
      if (typeof part === 'string') this.ws.send(`4${part}`);
      else this.ws.send(part);
    }
  }

  /**
   * Sends what `send` writes as one TCP write, so the server reads every packet in the same turn
   * of its event loop, before any database answer can come back: the deterministic way to be
   * "before the handshake is answered". (Sent one by one, Nagle's algorithm may hold the later
   * frames back past the answer.)
   */
  burst(send: () => void): void {
    const tcp = (this.ws as unknown as { _socket: import('node:net').Socket })._socket;
    tcp.cork();
    try {
      send();
    } finally {
      process.nextTick(() => tcp.uncork());
    }
  }

  connect(): void {
    this.send({ type: PacketType.CONNECT });
  }

  /** Sends an event; with an id, the server answers with an ACK packet of that id. */
  emit(event: string, payload: unknown, id?: number): void {
    this.send({
      type: PacketType.EVENT,
      data: [event, payload],
      ...(id === undefined ? {} : { id }),
    });
  }

  /** Waits until a packet matching the test arrives (or the connection closes, or time is up). */
  async next(test: (packet: Packet) => boolean, timeoutMs = 5_000): Promise<Packet | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.arrived.packets.find(test);
      if (found) return found;
      if (this.arrived.closed || Date.now() > deadline) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server has closed the connection, or false after the timeout. */
  async whenClosed(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.arrived.closed && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return this.arrived.closed;
  }

  close(): void {
    this.ws.close();
  }
}
