import { handshakeRefusal, isFinalRefusal, type CollabSocket } from './collab-socket.js';
import { reconnectDelay, type ReconnectPolicy } from './reconnect-backoff.js';

/**
 * Brings a dropped socket back, waiting a jittered, growing delay between attempts. One per socket,
 * shared by every provider using it, so providers on one socket do not race each other to reconnect.
 * Sockets made with socket.io's own reconnection switched on are left to it.
 */
class SocketReconnector {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private users = 0;
  private stopped = false;
  private readonly onOnline = () => this.reconnectNow();

  constructor(
    private readonly socket: CollabSocket,
    private readonly policy: ReconnectPolicy,
  ) {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  acquire(): void {
    this.users += 1;
    this.stopped = false;
  }

  /** Returns true when no provider uses the socket any more. */
  release(): boolean {
    this.users -= 1;
    if (this.users > 0) return false;
    this.clearTimer();
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    globalThis.removeEventListener?.('online', this.onOnline);
    return true;
  }

  /** Stops retrying until someone calls `start()` (a provider's `connect()`). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  start(): void {
    this.stopped = false;
    this.attempt = 0;
    this.clearTimer();
    if (!this.socket.connected) this.socket.connect();
  }

  private reconnectNow(): void {
    if (this.stopped || this.socket.connected || !this.managesSocket()) return;
    this.clearTimer();
    this.socket.connect();
  }

  private readonly onConnect = () => {
    this.attempt = 0;
    this.clearTimer();
  };

  private readonly onDisconnect = (reason: string) => {
    if (reason === 'io client disconnect') return;
    this.schedule();
  };

  private readonly onConnectError = (error: Error) => {
    if (isFinalRefusal(handshakeRefusal(error))) {
      this.stop();
      return;
    }
    this.schedule();
  };

  private schedule(): void {
    if (this.stopped || this.timer !== undefined || !this.managesSocket()) return;
    const delay = reconnectDelay(this.attempt, this.policy);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private managesSocket(): boolean {
    return !this.socket.io.reconnection();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A provider's hold on its socket's reconnector. */
export interface SocketReconnection {
  /** Connects now (if not connected) and resumes retrying after a refusal. */
  start(): void;
  /** Stops retrying, for a socket closed on purpose. */
  stop(): void;
  /** Lets go; returns true when no provider uses the socket any more. */
  release(): boolean;
}

const reconnectors = new WeakMap<CollabSocket, SocketReconnector>();

/** Takes a hold on the reconnector of a socket, made on first use. */
export function reconnectorFor(socket: CollabSocket, policy: ReconnectPolicy): SocketReconnection {
  let reconnector = reconnectors.get(socket);
  if (!reconnector) {
    reconnector = new SocketReconnector(socket, policy);
    reconnectors.set(socket, reconnector);
  }
  const held = reconnector;
  held.acquire();
  let released = false;
  return {
    start: () => held.start(),
    stop: () => held.stop(),
    release: () => {
      if (released) return false;
      released = true;
      const last = held.release();
      if (last) reconnectors.delete(socket);
      return last;
    },
  };
}
