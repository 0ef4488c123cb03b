import { describe, expect, it } from '@jest/globals';
import { collabError, collabErrorCodes, collabErrorMessages } from './collab-errors.js';
import { asBytes, readSectionId } from './collab-payloads.js';

describe('reading messages from the wire', () => {
  it('accepts binary in the forms socket.io delivers it', () => {
    expect(asBytes(Buffer.from([1, 2]))).toEqual(new Uint8Array([1, 2]));
    expect(asBytes(new Uint8Array([3]).buffer)).toEqual(new Uint8Array([3]));
  });

  it('refuses anything that is not binary', () => {
    for (const value of [
      'AQI=',
      [1, 2],
      { 0: 1, length: 1 },
      null,
      undefined,
      42,
      { _placeholder: true, num: 0 },
    ]) {
      expect(asBytes(value)).toBeNull();
    }
  });

  it('reads a section id only from an object holding a UUID', () => {
    expect(readSectionId({ sectionId: '0F8FAD5B-D9CB-469F-A165-70867728950E' })).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    for (const message of [
      null,
      'x',
      {},
      { sectionId: 42 },
      { sectionId: "1' OR 1=1" },
      { sectionId: 'a'.repeat(36) },
    ]) {
      expect(readSectionId(message)).toBeNull();
    }
  });
});

describe('collab errors', () => {
  it('have a message for every code', () => {
    for (const code of collabErrorCodes)
      expect(collabErrorMessages[code].length).toBeGreaterThan(10);
  });

  it('carry the section they are about', () => {
    expect(collabError('read_only', 's1')).toEqual({
      code: 'read_only',
      message: collabErrorMessages.read_only,
      sectionId: 's1',
    });
  });
});
