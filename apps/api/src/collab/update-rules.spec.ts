import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { stateVectorRefusal, updateRefusal } from './update-rules.js';

function paragraphDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  return doc;
}

const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('which updates the server accepts', () => {
  it('accepts a whole update and one that continues from what the document has', () => {
    const server = new Y.Doc();
    const client = paragraphDoc('Where we are');
    expect(updateRefusal(Y.encodeStateAsUpdate(client), stateOf(server))).toBeNull();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(client);
    client.getXmlFragment('content').insert(1, [new Y.XmlElement('paragraph')]);
    expect(updateRefusal(Y.encodeStateAsUpdate(client, before), stateOf(server))).toBeNull();
  });

  it('refuses an update with a gap in a client clock as out of order, to be sent again', () => {
    const client = paragraphDoc('one');
    const before = Y.encodeStateVector(client);
    client.getXmlFragment('content').insert(1, [new Y.XmlElement('paragraph')]);
    expect(updateRefusal(Y.encodeStateAsUpdate(client, before), new Map())).toBe(
      'update_out_of_order',
    );
  });

  it('refuses an update that builds on another client’s text the server lacks', () => {
    const first = paragraphDoc('first');
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    const before = Y.encodeStateVector(second);
    (second.getXmlFragment('content').get(0) as Y.XmlElement).insert(1, [new Y.XmlText('more')]);
    expect(updateRefusal(Y.encodeStateAsUpdate(second, before), new Map())).toBe(
      'update_malformed',
    );
  });

  it('refuses truncated and random bytes', () => {
    const update = Y.encodeStateAsUpdate(paragraphDoc('Faster cancer diagnosis'));
    for (let cut = 1; cut < update.byteLength - 1; cut += 3)
      expect(updateRefusal(update.slice(0, cut), new Map())).toBe('update_malformed');
    expect(updateRefusal(new Uint8Array([200, 1, 7, 9, 250]), new Map())).toBe('update_malformed');
  });

  it('reads state vectors defensively', () => {
    expect(stateVectorRefusal(Y.encodeStateVector(paragraphDoc('x')))).toBeNull();
    expect(stateVectorRefusal(new Uint8Array([255, 255, 255]))).toBe('invalid_payload');
  });
});
