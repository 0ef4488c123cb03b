import * as Y from 'yjs';
import { sectionFragmentName } from './editor-extensions.js';
import { sectionSchema } from './section-schema.js';

/**
 * What a section's Yjs text may hold that the schema cannot show. The server stores every update
 * an editor sends as it is (checking each against the schema would cost on every keystroke: see
 * decision 21), so a crafted update can leave elements of unknown names, text with unknown marks,
 * or embedded objects in the document. Every reader drops them, the way the editor's binding
 * (y-prosemirror) does: a whole element whose name the schema lacks, a whole text run that carries
 * a mark it lacks or an embed.
 *
 * The binding drops by deleting from the Y.Doc it reads. That is right for a throwaway copy and for
 * an editor (whose deletion travels to the server as an ordinary edit), but the server's open
 * document must change only through updates it has logged, so server-side readers read a cleaned
 * copy instead (`readableFragment`).
 */

/** y-prosemirror's name for a mark that may overlap itself: `comment--Ab12Cd34`. */
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function markName(attribute: string): string {
  return hashedMarkName.exec(attribute)?.[1] ?? attribute;
}

function textFits(text: Y.XmlText): boolean {
  const marks = sectionSchema().marks;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: object }>) {
    if (typeof op.insert !== 'string') return false;
    for (const name of Object.keys(op.attributes ?? {}))
      if (!Object.hasOwn(marks, markName(name))) return false;
  }
  return true;
}

function elementFits(element: Y.XmlElement): boolean {
  const name = element.nodeName;
  return name !== 'doc' && name !== 'text' && Object.hasOwn(sectionSchema().nodes, name);
}

/** One part of the text the schema cannot show, and the element or fragment holding it. */
export interface SchemaMisfit {
  parent: Y.XmlFragment | Y.XmlElement;
  child: Y.XmlElement | Y.XmlText | Y.XmlHook;
}

/** The parts of the text that the schema cannot show, outermost first, with their parent. */
export function schemaMisfits(fragment: Y.XmlFragment): SchemaMisfit[] {
  const found: SchemaMisfit[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        if (!textFits(child)) found.push({ parent, child });
      } else if (child instanceof Y.XmlElement) {
        if (elementFits(child)) visit(child);
        else found.push({ parent, child });
      } else found.push({ parent, child });
    }
  };
  visit(fragment);
  return found;
}

/** Deletes what the schema cannot show, in place: only for a document of one's own. */
export function dropSchemaMisfits(fragment: Y.XmlFragment): number {
  const misfits = schemaMisfits(fragment);
  if (misfits.length === 0) return 0;
  fragment.doc?.transact(() => {
    for (const { parent, child } of misfits) parent.delete(parent.toArray().indexOf(child), 1);
  });
  return misfits.length;
}

/**
 * The section's fragment for reading as the editor shows it, without changing `doc`: the document's
 * own fragment when everything in it fits the schema (nearly always), else that of a cleaned copy.
 * A copy keeps every item's id, so comment anchors resolve in it as they would in the original.
 */
export function readableFragment(doc: Y.Doc): Y.XmlFragment {
  const fragment = doc.getXmlFragment(sectionFragmentName);
  if (schemaMisfits(fragment).length === 0) return fragment;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const copied = copy.getXmlFragment(sectionFragmentName);
  dropSchemaMisfits(copied);
  return copied;
}
