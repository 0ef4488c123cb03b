/**
 * The socket.io packet format of the real-time channel: socket.io's own, except that a message
 * carrying binary (every Yjs update) travels as one WebSocket frame instead of a text frame followed
 * by a frame per attachment. Server and clients both use it (`parser: collabParser`).
 *
 * Why: engine.io waits for one frame to be written before it sends the next, so each update cost
 * every recipient two writes and two system calls, the API's largest CPU cost when many people
 * type. The one-frame envelope is socket.io's encoding packed together:
 *
 *   0x01 | uint32 header length | header (UTF-8, socket.io's text, e.g. `51-["sync:update",…]`)
 *        | then per attachment: uint32 length | bytes          (lengths big-endian)
 *
 * Decoding hands the pieces to socket.io's own decoder, which keeps checking placeholders,
 * attachment counts and packet types. A sender using socket.io's default format (text frame, then
 * attachment frames) is still understood; only binary sent by the server requires this parser.
 * Anything malformed throws a plain Error, and socket.io closes that connection.
 */
import { Decoder, Encoder, type Packet } from 'socket.io-parser';

const envelopeVersion = 0x01;
const binaryHeader = /^[56](\d+)-/;
/** One of each for the process: they hold no state between calls, and every message used new ones. */
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function toBytes(part: unknown): Uint8Array {
  if (part instanceof Uint8Array) return part;
  if (part instanceof ArrayBuffer) return new Uint8Array(part);
  if (ArrayBuffer.isView(part))
    return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  throw new Error('a binary attachment must be bytes');
}

/** Packs socket.io's header and attachments into one frame. */
export function packEnvelope(header: string, attachments: Uint8Array[]): Uint8Array {
  const headerBytes = utf8Encoder.encode(header);
  let size = 1 + 4 + headerBytes.byteLength;
  for (const attachment of attachments) size += 4 + attachment.byteLength;
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  frame[0] = envelopeVersion;
  view.setUint32(1, headerBytes.byteLength);
  frame.set(headerBytes, 5);
  let offset = 5 + headerBytes.byteLength;
  for (const attachment of attachments) {
    view.setUint32(offset, attachment.byteLength);
    frame.set(attachment, offset + 4);
    offset += 4 + attachment.byteLength;
  }
  return frame;
}

/** Unpacks a one-frame envelope; throws on anything that is not exactly one. */
export function unpackEnvelope(frame: Uint8Array): { header: string; attachments: Uint8Array[] } {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.byteLength < 5 || frame[0] !== envelopeVersion)
    throw new Error('not a Commonplan binary envelope');
  const headerLength = view.getUint32(1);
  if (5 + headerLength > frame.byteLength) throw new Error('binary envelope header cut short');
  let header: string;
  try {
    header = utf8Decoder.decode(frame.subarray(5, 5 + headerLength));
  } catch {
    throw new Error('binary envelope header is not UTF-8');
  }
  const declared = binaryHeader.exec(header);
  if (!declared) throw new Error('binary envelope without a binary packet header');
  const expected = Number(declared[1]);
  const attachments: Uint8Array[] = [];
  let offset = 5 + headerLength;
  while (offset < frame.byteLength) {
    if (attachments.length >= expected) throw new Error('binary envelope has extra attachments');
    if (offset + 4 > frame.byteLength) throw new Error('binary envelope attachment cut short');
    const length = view.getUint32(offset);
    offset += 4;
    if (offset + length > frame.byteLength) throw new Error('binary envelope attachment cut short');
    attachments.push(frame.subarray(offset, offset + length));
    offset += length;
  }
  if (attachments.length !== expected) throw new Error('binary envelope is missing attachments');
  return { header, attachments };
}

class CollabEncoder extends Encoder {
  override encode(packet: Packet): Array<string | Uint8Array> {
    const parts = super.encode(packet) as Array<string | Uint8Array>;
    if (parts.length === 1) return parts;
    const [header, ...attachments] = parts;
    return [packEnvelope(header as string, attachments.map(toBytes))];
  }
}

/** Deeper than any message of the protocol (they nest three levels), far below a stack overflow. */
const maxNesting = 32;

/**
 * Refuses JSON nested deeper than `maxNesting`, in one pass over the text and before JSON.parse:
 * parsing a megabyte of `[[[[…` stalls the event loop for a tenth of a second or more, for every
 * connection on the instance.
 */
function checkNesting(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxNesting) throw new Error('message nested too deeply to read');
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
}

class CollabDecoder extends Decoder {
  /** Attachment frames still due after a header sent in socket.io's default format. */
  private awaitingAttachments = 0;

  /**
   * Every refusal is a plain Error saying what was wrong: JSON nested deep enough to overflow the
   * stack (a RangeError inside socket.io's decoder) is refused like any other malformed message.
   */
  override add(chunk: unknown): void {
    try {
      this.addChunk(chunk);
    } catch (error) {
      if (error instanceof RangeError) throw new Error('message nested too deeply to read');
      throw error;
    }
  }

  private addChunk(chunk: unknown): void {
    if (typeof chunk === 'string') {
      checkNesting(chunk);
      const declared = binaryHeader.exec(chunk);
      super.add(chunk);
      this.awaitingAttachments = declared ? Number(declared[1]) : 0;
      return;
    }
    if (this.awaitingAttachments > 0) {
      this.awaitingAttachments -= 1;
      super.add(chunk);
      return;
    }
    const { header, attachments } = unpackEnvelope(toBytes(chunk));
    checkNesting(header);
    super.add(header);
    // Node peers get Buffers as socket.io's own decoder gives them; browsers get Uint8Array views.
    for (const attachment of attachments) super.add(asPlatformBytes(attachment));
  }
}

function asPlatformBytes(bytes: Uint8Array): Uint8Array {
  const NodeBuffer = (
    globalThis as { Buffer?: { from(b: ArrayBuffer, o: number, l: number): Uint8Array } }
  ).Buffer;
  return NodeBuffer
    ? NodeBuffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
    : bytes;
}

/** Pass as `parser` to socket.io's Server and to `io()`. */
export const collabParser = { Encoder: CollabEncoder, Decoder: CollabDecoder };
