import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { sectionFragmentName } from './editor-extensions.js';
import { sectionSchema } from './section-schema.js';

/** ProseMirror's JSON form of a document, as TipTap's getJSON() gives it. */
export interface SectionJson {
  type: string;
  content?: SectionJson[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  attrs?: Record<string, unknown>;
}

/**
 * The Yjs update that creates a section's starting text. The server writes it once, when the
 * section is created; clients never fill a document because it "looks empty".
 */
export function initialContentUpdate(json: SectionJson): Uint8Array {
  const node = sectionSchema().nodeFromJSON(json);
  node.check();
  const doc = prosemirrorJSONToYDoc(sectionSchema(), json, sectionFragmentName);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The section's text as ProseMirror JSON, read from its Y.Doc. */
export function sectionJson(doc: Y.Doc): SectionJson {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(sectionFragmentName)) as SectionJson;
}

/** Plain paragraphs and headings as JSON, for seeds and tests. */
export function paragraphsToJson(
  blocks: Array<string | { heading: string; level?: 2 | 3 | 4 }>,
): SectionJson {
  return {
    type: 'doc',
    content: blocks.map((block) =>
      typeof block === 'string'
        ? { type: 'paragraph', content: block ? [{ type: 'text', text: block }] : [] }
        : {
            type: 'heading',
            attrs: { level: block.level ?? 2 },
            content: [{ type: 'text', text: block.heading }],
          },
    ),
  };
}
