import { describe, expect, it } from '@jest/globals';
import { Encoder as DefaultEncoder, type Packet } from 'socket.io-parser';
import { collabParser, packEnvelope, unpackEnvelope } from './collab-parser.js';

const update = (): Packet => ({
  type: 2,
  nsp: '/',
  data: ['sync:update', { sectionId: 's1', update: new Uint8Array([1, 2, 3, 250]) }],
  id: 7,
});

function decodeAll(chunks: unknown[]): Packet[] {
  const decoder = new collabParser.Decoder();
  const packets: Packet[] = [];
  decoder.on('decoded', (packet: Packet) => packets.push(packet));
  for (const chunk of chunks) decoder.add(chunk);
  return packets;
}

describe('the real-time packet format', () => {
  it('sends a message carrying binary as one frame and reads it back whole', () => {
    const frames = new collabParser.Encoder().encode(update());
    expect(frames).toHaveLength(1);
    expect(frames[0]).toBeInstanceOf(Uint8Array);
    const [packet] = decodeAll(frames);
    expect(packet!.data[0]).toBe('sync:update');
    expect(packet!.id).toBe(7);
    expect([...(packet!.data[1].update as Uint8Array)]).toEqual([1, 2, 3, 250]);
  });

  it('leaves messages without binary as socket.io text', () => {
    const frames = new collabParser.Encoder().encode({
      type: 2,
      nsp: '/',
      data: ['section:join', { sectionId: 's1' }],
    });
    expect(frames).toEqual(['2["section:join",{"sectionId":"s1"}]']);
    expect(decodeAll(frames)[0]!.data).toEqual(['section:join', { sectionId: 's1' }]);
  });

  it('still understands a sender using socket.io’s default format', () => {
    const frames = new DefaultEncoder().encode(update());
    expect(frames.length).toBe(2);
    const [packet] = decodeAll(frames);
    expect([...(packet!.data[1].update as Uint8Array)]).toEqual([1, 2, 3, 250]);
  });

  it('refuses envelopes that are cut short, padded, or claim the wrong number of attachments', () => {
    const whole = packEnvelope('51-["e",{"_placeholder":true,"num":0}]', [new Uint8Array([9])]);
    expect(() => unpackEnvelope(whole.subarray(0, whole.length - 1))).toThrow(/cut short/);
    expect(() => unpackEnvelope(new Uint8Array([...whole, 0, 0, 0, 0]))).toThrow(/extra/);
    expect(() => unpackEnvelope(packEnvelope('52-["e"]', [new Uint8Array([1])]))).toThrow(
      /missing/,
    );
    expect(() => unpackEnvelope(packEnvelope('2["e"]', []))).toThrow(/binary packet header/);
    expect(() => unpackEnvelope(new Uint8Array([2, 0, 0, 0, 0]))).toThrow(/not a Commonplan/);
    expect(() => decodeAll([new Uint8Array([1, 255, 255, 255, 255])])).toThrow(/cut short/);
  });

  it('refuses a placeholder that points past the attachments it came with', () => {
    const frame = packEnvelope('51-["e",{"_placeholder":true,"num":3}]', [new Uint8Array([1])]);
    expect(() => decodeAll([frame])).toThrow();
  });
});
