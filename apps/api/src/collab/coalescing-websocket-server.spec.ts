import { describe, expect, it } from '@jest/globals';
import { Duplex } from 'node:stream';
import { coalesceWrites } from './coalescing-websocket-server.js';

/** A stream that records how many chunks each call to the kernel would have carried. */
function recordingStream(): { stream: Duplex; calls: string[][] } {
  const calls: string[][] = [];
  const stream = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map(({ chunk }) => (chunk as Buffer).toString()));
      done();
    },
  });
  return { stream, calls };
}

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));
const nextPass = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('coalesced writes to a connection', () => {
  it('sends everything written in one pass of the event loop as one write', async () => {
    const { stream, calls } = recordingStream();
    coalesceWrites(stream);
    stream.write('header frame');
    stream.write('attachment frame');
    await nextTick();
    stream.write('acknowledgement');
    expect(calls).toEqual([]);
    await nextPass();
    expect(calls).toEqual([['header frame', 'attachment frame', 'acknowledgement']]);
  });

  it('uncorks every connection written to in the pass', async () => {
    const [one, two] = [recordingStream(), recordingStream()];
    coalesceWrites(one.stream);
    coalesceWrites(two.stream);
    one.stream.write('to one');
    two.stream.write('to two');
    two.stream.write('again to two');
    await nextPass();
    expect(one.calls).toEqual([['to one']]);
    expect(two.calls).toEqual([['to two', 'again to two']]);
  });

  it('does not hold a write back past the pass it was made in', async () => {
    const { stream, calls } = recordingStream();
    coalesceWrites(stream);
    stream.write('first');
    await nextPass();
    stream.write('second');
    await nextPass();
    expect(calls).toEqual([['first'], ['second']]);
  });

  it('leaves a destroyed connection alone', async () => {
    const { stream, calls } = recordingStream();
    coalesceWrites(stream);
    stream.destroy();
    stream.on('error', () => undefined);
    stream.write('late');
    await nextPass();
    expect(calls).toEqual([]);
  });
});
