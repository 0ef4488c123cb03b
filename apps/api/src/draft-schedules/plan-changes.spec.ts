import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { planChangedSince, type SectionState } from './plan-changes.js';

/** A document edited in steps, each step's update kept as a log row would be. */
function editedText(...steps: Array<(text: Y.XmlText) => void>): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.insert(0, [paragraph]);
  for (const step of steps) doc.transact(() => step(text));
  return updates;
}

const smoking = editedText((t) => t.insert(0, 'Fewer people start smoking.'));

const section = (overrides: Partial<SectionState> = {}): SectionState => ({
  sectionId: 's1',
  position: 0,
  title: 'Prevention',
  theme: 'health_and_wellbeing',
  reviewStatus: 'draft',
  text: smoking,
  ...overrides,
});

describe('whether a plan changed since its last draft', () => {
  it('has changed when there is no last draft', () => {
    expect(planChangedSince([section()], null)).toBe(true);
  });

  it('has not changed when the same text is stored another way (compacted, merged)', () => {
    const log = editedText(
      (t) => t.insert(0, 'Fewer people start smoking.'),
      (t) => t.delete(0, 6),
    );
    const compacted = [Y.mergeUpdates(log.slice(0, 2)), ...log.slice(2)];
    const merged = [Y.mergeUpdates(log)];
    expect(planChangedSince([section({ text: compacted })], [section({ text: log })])).toBe(false);
    expect(planChangedSince([section({ text: log })], [section({ text: merged })])).toBe(false);
  });

  it('has changed when text was added', () => {
    const before = smoking;
    const doc = new Y.Doc();
    for (const update of before) Y.applyUpdate(doc, update);
    const grown: Uint8Array[] = [...before];
    doc.on('update', (update: Uint8Array) => grown.push(update));
    (doc.getXmlFragment('default').get(0) as Y.XmlElement).insert(1, [new Y.XmlText('More.')]);
    expect(planChangedSince([section({ text: grown })], [section({ text: before })])).toBe(true);
  });

  it('has changed when text was only deleted, which adds nothing to the state vector', () => {
    const doc = new Y.Doc();
    const before = smoking;
    for (const update of before) Y.applyUpdate(doc, update);
    const after: Uint8Array[] = [...before];
    doc.on('update', (update: Uint8Array) => after.push(update));
    const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(0, 6);
    expect(planChangedSince([section({ text: after })], [section({ text: before })])).toBe(true);
  });

  it('has changed when a section was moved, renamed, re-themed or reviewed', () => {
    const last = [section()];
    expect(planChangedSince([section({ position: 1 })], last)).toBe(true);
    expect(planChangedSince([section({ title: 'Smoking' })], last)).toBe(true);
    expect(planChangedSince([section({ theme: 'other' })], last)).toBe(true);
    expect(planChangedSince([section({ reviewStatus: 'approved' })], last)).toBe(true);
    expect(planChangedSince([section()], last)).toBe(false);
  });

  it('has changed when a section was added or removed', () => {
    const one = [section()];
    const two = [section(), section({ sectionId: 's2', position: 1, text: [] })];
    expect(planChangedSince(two, one)).toBe(true);
    expect(planChangedSince(one, two)).toBe(true);
  });
});
