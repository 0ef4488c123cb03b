import { describe, expect, it } from '@jest/globals';
import { splitLengthPrefixed } from './length-prefixed.js';

function record(bytes: number[]): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, Buffer.from(bytes)]);
}

describe('reading the update log as one length-prefixed value', () => {
  it('gives back each update in order, including empty ones', () => {
    const log = Buffer.concat([record([1, 2, 3]), record([]), record([255])]);
    expect(splitLengthPrefixed(log).map((part) => [...part])).toEqual([[1, 2, 3], [], [255]]);
  });

  it('reads an empty log as no updates', () => {
    expect(splitLengthPrefixed(Buffer.alloc(0))).toEqual([]);
  });

  it('refuses a log cut short rather than loading part of an update', () => {
    const whole = record([1, 2, 3, 4]);
    expect(() => splitLengthPrefixed(whole.subarray(0, whole.length - 1))).toThrow(/truncated/);
    expect(() => splitLengthPrefixed(Buffer.from([0, 0]))).toThrow(/truncated/);
  });
});
