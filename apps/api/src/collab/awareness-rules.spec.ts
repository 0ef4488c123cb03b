import { describe, expect, it } from '@jest/globals';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessClaims, readAwarenessUpdate } from './awareness-rules.js';

describe('awareness messages', () => {
  it('reads a y-protocols awareness update', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Priya' } });
    const entries = readAwarenessUpdate(encodeAwarenessUpdate(awareness, [awareness.clientID]));
    expect(entries).toEqual([
      {
        clientId: awareness.clientID,
        clock: expect.any(Number),
        state: { user: { name: 'Priya' } },
      },
    ]);
    awareness.destroy();
  });

  it('refuses malformed bytes, bad JSON and trailing bytes', () => {
    expect(readAwarenessUpdate(new Uint8Array([1, 5]))).toBeNull();
    expect(readAwarenessUpdate(new Uint8Array([1, 5, 1, 1, 123]))).toBeNull();
    expect(readAwarenessUpdate(new Uint8Array([0, 9]))).toBeNull();
  });
});

describe('whose cursor a connection may set', () => {
  it('claims the ids it introduces, up to the cap', () => {
    const claims = new AwarenessClaims(2);
    expect(claims.claim([10], () => false)).toBeNull();
    expect(claims.claim([10, 11], () => false)).toBeNull();
    expect(claims.claim([12], () => false)).toBe('awareness_too_many_clients');
    expect(claims.clientIds).toEqual([10, 11]);
  });

  it('refuses an id another connection owns', () => {
    const claims = new AwarenessClaims(4);
    expect(claims.claim([7], (id) => id === 7)).toBe('awareness_not_own_client');
    expect(claims.clientIds).toEqual([]);
  });
});
