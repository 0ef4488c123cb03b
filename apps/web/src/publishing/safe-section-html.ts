import { safeLinkAddress } from '@commonplan/editor';

/**
 * A second guard for section HTML shown to the public. The server already sanitised it against the
 * section schema (libs/render); here the browser parses it into an inert document (nothing runs or
 * loads there) and keeps only plain text markup, so even a stored value that slipped past the
 * server could not run a script, load anything or style the page. Table widths are let go.
 */
const allowedElements = new Set([
  'P',
  'H2',
  'H3',
  'H4',
  'STRONG',
  'EM',
  'U',
  'S',
  'BR',
  'HR',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'A',
  'TABLE',
  'COLGROUP',
  'COL',
  'TBODY',
  'TR',
  'TD',
  'TH',
]);

const droppedWithContent = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE']);

const allowedAttributes: Record<string, RegExp | ((value: string) => boolean)> = {
  // The same link rule as the editor and the server's sanitiser.
  href: (value) => safeLinkAddress(value) !== null,
  start: /^\d{1,6}$/,
  colspan: /^\d{1,3}$/,
  rowspan: /^\d{1,3}$/,
};

function clean(parent: Node): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    if (!(child instanceof Element)) {
      child.remove();
      continue;
    }
    if (droppedWithContent.has(child.tagName)) {
      child.remove();
      continue;
    }
    clean(child);
    if (!allowedElements.has(child.tagName)) {
      child.replaceWith(...Array.from(child.childNodes));
      continue;
    }
    for (const attribute of Array.from(child.attributes)) {
      const rule = allowedAttributes[attribute.name];
      const allowed =
        typeof rule === 'function' ? rule(attribute.value) : rule?.test(attribute.value.trim());
      if (!allowed) child.removeAttribute(attribute.name);
    }
    if (child.tagName === 'A') {
      // A link whose address was not safe is no link at all: its words stay, as plain text.
      if (!child.hasAttribute('href')) child.replaceWith(...Array.from(child.childNodes));
      else child.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

export function safeSectionHtml(html: string): string {
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  clean(document.body);
  return document.body.innerHTML;
}
