import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The WebSocket engine under socket.io, with one change: everything written to a connection in one
 * turn of the event loop leaves in one system call.
 *
 * socket.io sends a binary update as two WebSocket frames (a header and the attachment), and a
 * broadcast writes each frame to each recipient's TCP socket separately, so one keystroke in a
 * section of twenty people cost forty `writev` calls, plus one per acknowledgement. Those calls
 * were the API's largest CPU cost. Corking the socket at the first write of a turn and uncorking it
 * on the next tick sends the frames of that turn (an update, its acknowledgement, presence, other
 * updates that arrived together) as one `writev`; nothing waits longer than the current turn.
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

/** Makes the first write of each event-loop turn cork the stream until the next tick. */
export function coalesceWrites(stream: Duplex): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    if (!stream.destroyed) stream.uncork();
  };
  stream.write = ((...args: unknown[]) => {
    if (!corked && !stream.destroyed) {
      corked = true;
      stream.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as Duplex['write'];
}
