import type { Namespace } from 'socket.io';
import { WebSocket } from 'ws';

interface PacketOptions {
  wsPreEncodedFrame?: unknown;
}
interface EncodingAdapter {
  _encode(packet: unknown, options: PacketOptions): Array<string | Uint8Array>;
}

/**
 * socket.io frames a text broadcast once for all recipients, but a binary one (every update, in
 * collabParser's one-frame envelope) once per recipient. This frames a binary broadcast once too:
 * each recipient's connection writes the same header and the same bytes. `_encode` is the
 * in-memory adapter's own hook for exactly this (socket.io-adapter 2.5).
 */
export function framingBinaryOnce(
  createAdapter: (nsp: Namespace) => object,
): (nsp: Namespace) => object {
  // A function, not an arrow: socket.io calls it with `new`.
  return function (nsp: Namespace) {
    return withBinaryFramesOnce(createAdapter(nsp));
  };
}

function withBinaryFramesOnce<T extends object>(adapter: T): T {
  const encoding = adapter as unknown as EncodingAdapter;
  const encode = encoding._encode.bind(adapter);
  encoding._encode = (packet, options) => {
    const encoded = encode(packet, options);
    const [only] = encoded;
    if (encoded.length === 1 && only instanceof Uint8Array && !options.wsPreEncodedFrame) {
      const data = Buffer.from(only.buffer, only.byteOffset, only.byteLength);
      options.wsPreEncodedFrame = (
        WebSocket as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }
      ).Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode: 2, fin: true });
    }
    return encoded;
  };
  return adapter;
}
