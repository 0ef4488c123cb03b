import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The WebSocket engine under socket.io, with one change: everything written to a connection in one
 * pass of the event loop leaves in one system call.
 *
 * socket.io sends a binary update as two WebSocket frames (a header and the attachment), and a
 * broadcast writes each frame to each recipient's TCP socket separately, so one keystroke in a
 * section of twenty people cost forty `writev` calls, plus one per acknowledgement. Those calls
 * were the API's largest CPU cost. A connection is corked at its first write and uncorked once the
 * event loop has handled all the input that was ready (`setImmediate`): the updates of fifty
 * people that arrived together, their acknowledgements and presence go to each recipient as one
 * `writev`. Nothing waits for a timer: the loop does not block while an immediate is pending.
 */
export class CoalescingWebSocketServer extends WebSocketServer {
  override handleUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    upgradeHead: Buffer,
    callback: (client: WebSocket, request: IncomingMessage) => void,
  ): void {
    coalesceWrites(socket);
    super.handleUpgrade(request, socket, upgradeHead, callback);
  }
}

/** Streams corked in this pass of the event loop, uncorked together once its input is handled. */
let corked: Duplex[] = [];

function uncorkAll(): void {
  const streams = corked;
  corked = [];
  for (const stream of streams) {
    (stream as CoalescedStream)[isCorked] = false;
    if (!stream.destroyed) stream.uncork();
  }
}

const isCorked = Symbol('corked');
type CoalescedStream = Duplex & { [isCorked]?: boolean };

/** Makes the first write of each pass of the event loop cork the stream until the pass's end. */
export function coalesceWrites(stream: Duplex): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  const coalesced = stream as CoalescedStream;
  stream.write = ((...args: unknown[]) => {
    if (!coalesced[isCorked] && !stream.destroyed) {
      coalesced[isCorked] = true;
      stream.cork();
      if (corked.push(stream) === 1) setImmediate(uncorkAll);
    }
    return write(...args);
  }) as Duplex['write'];
}
