import { sectionSchema } from '@commonplan/editor';
import { DOMSerializer, type Node } from '@tiptap/pm/model';
import { HtmlElement, htmlTreeDocument, innerHtml } from './html-tree.js';
import { sanitiseChildren } from './sanitise-html.js';

/**
 * A section document as HTML: the schema's own serializer (the one TipTap's getHTML() uses in the
 * browser), written into a small server-side tree, cleaned against the allow-list, and serialised
 * as `innerHTML` would. For any document the editor can hold this equals what the editor shows.
 */
export function sectionHtml(doc: Node): string {
  const container = new HtmlElement('div');
  const fragment = DOMSerializer.fromSchema(sectionSchema()).serializeFragment(doc.content, {
    document: htmlTreeDocument as unknown as Document,
  });
  container.appendChild(fragment as unknown as HtmlElement);
  sanitiseChildren(container);
  return innerHtml(container);
}
