import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type Packet } from 'socket.io-parser';
import { collabParser, packEnvelope } from './collab-parser.js';
import { asBytes, readSectionId } from './collab-payloads.js';
import { readPlanId } from './draft-events.js';

/**
 * Whatever a client sends, decoding it either yields packets or throws the parser's own Error (which
 * makes socket.io close that one connection); never a TypeError or RangeError from a bug, never a
 * hang. A fixed seed makes a failure repeat; fast-check prints the seed and the shrunk input.
 */
const seed = 20161101;
const runs = 300;
/**
 * A hang guard per message, not a speed target (speed is the benchmark's): a busy machine can hold
 * a decode up for tens of milliseconds, while a stall (work growing with the square of the input,
 * say, on the 2 MB and 400,000-deep inputs below) takes minutes.
 */
const stallMs = 1_000;

/** Feeds the chunks to a fresh decoder, as socket.io does for one connection, and times each. */
function decode(chunks: unknown[]): { packets: Packet[]; error: unknown } {
  const decoder = new collabParser.Decoder();
  const packets: Packet[] = [];
  decoder.on('decoded', (packet: Packet) => packets.push(packet));
  let error: unknown = null;
  for (const chunk of chunks) {
    const started = performance.now();
    try {
      decoder.add(chunk);
    } catch (thrown) {
      error = thrown;
    }
    const took = performance.now() - started;
    if (took > stallMs) throw new Error(`decoding one message took ${took.toFixed(1)} ms`);
    if (error) break;
  }
  decoder.destroy();
  return { packets, error };
}

/** The only failure allowed: a plain Error with a message, as the parsers throw. */
function expectOwnError(error: unknown): void {
  if (error === null) return;
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).constructor).toBe(Error);
  expect((error as Error).message.length).toBeGreaterThan(0);
}

const bytes = fc.uint8Array({ maxLength: 2048 });
/** Strings with lone surrogates, NUL, control and astral characters. */
const anyText = fc.string({ unit: 'binary', maxLength: 512 });
/** Text that starts like a socket.io packet, so it gets past the first checks. */
const packetText = fc
  .tuple(
    fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '51-', '52-', '60-', '59999999999-'),
    fc.option(fc.constantFrom('/', '/admin,', '/,'), { nil: '' }),
    fc.option(fc.nat(), { nil: undefined }),
    fc.oneof(fc.json(), anyText),
  )
  .map(([type, nsp, id, json]) => `${type}${nsp}${id ?? ''}${json}`);
const placeholder = fc.record({
  _placeholder: fc.oneof(fc.boolean(), fc.constant(1), fc.string()),
  num: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
});
const headerData = fc.tuple(
  fc.constantFrom('sync:update', 'awareness:update', 'section:join', 'x', '', '__proto__'),
  fc.oneof(
    placeholder,
    fc.record({ sectionId: fc.oneof(fc.uuid(), anyText), update: placeholder }),
    fc.anything(),
  ),
);

describe('decoding whatever arrives on the socket', () => {
  it('arbitrary bytes decode or are refused with the parser’s own error', () => {
    fc.assert(
      fc.property(bytes, (frame) => expectOwnError(decode([frame]).error)),
      { seed, numRuns: runs },
    );
  });

  it('bytes that start like an envelope are refused the same way', () => {
    fc.assert(
      fc.property(fc.nat(), bytes, (length, rest) => {
        const frame = new Uint8Array(5 + rest.length);
        frame[0] = 1;
        new DataView(frame.buffer).setUint32(1, length % (rest.length + 8));
        frame.set(rest, 5);
        expectOwnError(decode([frame]).error);
      }),
      { seed, numRuns: runs },
    );
  });

  it('arbitrary text, lone surrogates and NUL included, decodes or is refused', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, packetText), (text) => expectOwnError(decode([text]).error)),
      { seed, numRuns: runs },
    );
  });

  it('envelopes with placeholders pointing anywhere are refused or decode to bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        headerData,
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 12 }),
        (declared, data, attachments) => {
          const header = `5${declared}-${JSON.stringify(data)}`;
          const { packets, error } = decode([packEnvelope(header, attachments)]);
          expectOwnError(error);
          // A placeholder is never handed on as an object that pretends to be bytes.
          for (const packet of packets)
            expect(JSON.stringify(packet.data ?? null)).not.toContain('"_placeholder":true');
        },
      ),
      { seed, numRuns: runs },
    );
  });

  it('valid update envelopes cut short, padded or with a byte changed are refused or decode', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        fc.nat(),
        fc.nat(255),
        fc.constantFrom('cut', 'pad', 'flip'),
        (update, at, value, how) => {
          const [whole] = new collabParser.Encoder().encode({
            type: 2,
            nsp: '/',
            id: 1,
            data: ['sync:update', { sectionId: 'x', update }],
          }) as Uint8Array[];
          let frame: Uint8Array = whole!;
          if (how === 'cut') frame = whole!.subarray(0, at % whole!.length);
          if (how === 'pad') frame = Uint8Array.from([...whole!, ...new Uint8Array(1 + (at % 8))]);
          if (how === 'flip') {
            frame = whole!.slice();
            frame[at % frame.length] = value;
          }
          expectOwnError(decode([frame]).error);
        },
      ),
      { seed, numRuns: runs },
    );
  });

  it('a mix of text and binary frames on one connection never trips the decoder', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(bytes, anyText, packetText), { maxLength: 8 }), (chunks) =>
        expectOwnError(decode(chunks).error),
      ),
      { seed, numRuns: runs },
    );
  });

  it('deeply nested JSON near the size limit is refused or decoded without a stall', () => {
    for (const depth of [10_000, 100_000, 400_000]) {
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      expectOwnError(decode([`2["sync:update",${nested}]`]).error);
      expectOwnError(
        decode([packEnvelope(`51-["sync:update",${nested}]`, [new Uint8Array(1)])]).error,
      );
    }
    // Two megabytes of flat text (the most engine.io lets through) decodes without a stall too.
    expect(decode([`2["x",${JSON.stringify('[{"'.repeat(700_000))}]`]).packets).toHaveLength(1);
  });

  it('what the encoder writes, the decoder reads back', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uint8Array({ maxLength: 512 }),
        fc.nat(),
        (sectionId, update, id) => {
          const frames = new collabParser.Encoder().encode({
            type: 2,
            nsp: '/',
            id,
            data: ['sync:update', { sectionId, update }],
          });
          const { packets, error } = decode(frames);
          expect(error).toBeNull();
          expect(packets).toHaveLength(1);
          expect(packets[0]!.id).toBe(id);
          expect([...(packets[0]!.data[1].update as Uint8Array)]).toEqual([...update]);
        },
      ),
      { seed, numRuns: 100 },
    );
  });
});

describe('reading payload fields', () => {
  it('never throws, and gives bytes or null, a UUID or null, for any value', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withTypedArray: true, withNullPrototype: true, withBigInt: true }),
          fc.record({ sectionId: fc.oneof(fc.uuid(), anyText, fc.anything()) }),
          fc.record({ planId: fc.oneof(fc.uuid(), anyText, fc.anything()) }),
          placeholder,
        ),
        (value) => {
          const bytesRead = asBytes(value);
          expect(bytesRead === null || bytesRead instanceof Uint8Array).toBe(true);
          for (const id of [readSectionId(value), readPlanId(value)])
            expect(id === null || uuid.test(id)).toBe(true);
        },
      ),
      { seed, numRuns: runs },
    );
  });

  it('never mistakes a placeholder object for bytes', () => {
    fc.assert(
      fc.property(placeholder, (value) => expect(asBytes(value)).toBeNull()),
      { seed, numRuns: 50 },
    );
  });
});
