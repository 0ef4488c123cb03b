/**
 * Section text an attacker with edit rights could plant by sending Yjs updates of their own
 * instead of using the editor: links to addresses that run code, markup written as text, elements
 * and attributes the section schema does not have, a mark it does not have. Every payload that
 * could run sets `window.__pwned` (or opens a dialog), so a browser test can tell whether any did.
 * Shared by the browser test and the exports test so both judge the same content.
 */
import * as Y from 'yjs';

/** Link addresses that must never become a live link, each obfuscated the way filters get fooled. */
export const hostileLinkAddresses = [
  'javascript:window.__pwned="link"',
  'JaVaScRiPt:alert(1)',
  '   javascript:alert(1)',
  '\t\n\r javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:window.__pwned="newline"',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  ' VBScript:msgbox(1)',
] as const;

/** The one safe link in the text, which must survive as a link. */
export const safeLinkHref = 'https://www.nhs.uk/';

/** Text that must be shown, as text, wherever the section is read. */
export const hostileVisibleText = {
  before: 'Plain words before the links.',
  linkWords: hostileLinkAddresses.map((_href, index) => `hostile link ${index + 1}`),
  safeLinkWords: 'the NHS website',
  scriptAsText: '<script>window.__pwned="text"</script>',
  imageAsText: '<img src=x onerror="window.__pwned=\'text-img\'">',
  handlers: 'A paragraph with handlers.',
  afterImage: 'Words after an image.',
  after: 'Plain words after everything.',
} as const;

/** Words inside elements the schema does not have: dropped with their element, never shown. */
export const hostileDroppedText = {
  frame: 'inside a frame',
  script: 'window.__pwned="script"',
  object: 'inside an object',
  unknown: 'inside an unknown element',
  unknownMark: 'text carrying an unknown mark',
} as const;

function paragraph(...children: Array<Y.XmlText | Y.XmlElement>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, children);
  return element;
}

function element(
  name: string,
  attributes: Record<string, string>,
  ...children: Array<Y.XmlText | Y.XmlElement>
): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

/**
 * Appends the hostile text to a section's fragment in one transaction (one update), as a crafted
 * client would send it. Marks are Yjs text formats named after the mark, holding its attributes,
 * which is how y-prosemirror writes them.
 */
export function writeHostileText(fragment: Y.XmlFragment): void {
  const doc = fragment.doc;
  if (!doc) throw new Error('the fragment must belong to a Y.Doc');
  doc.transact(() => {
    const links = new Y.XmlText();
    const delta: Array<{ insert: string; attributes?: Record<string, unknown> }> = [
      { insert: 'Links: ' },
    ];
    hostileLinkAddresses.forEach((href, index) => {
      delta.push({
        insert: hostileVisibleText.linkWords[index]!,
        attributes: { link: { href, target: '_blank', rel: null, class: null } },
      });
      delta.push({ insert: ', ' });
    });
    delta.push({
      insert: hostileVisibleText.safeLinkWords,
      attributes: {
        // Attributes the link mark does not have ride along; they must not reach the page.
        link: { href: safeLinkHref, target: '_blank', onclick: 'window.__pwned="onclick"' },
      },
    });
    delta.push({ insert: '.' });
    links.applyDelta(delta);

    const unknownMark = new Y.XmlText();
    unknownMark.applyDelta([
      { insert: hostileDroppedText.unknownMark, attributes: { onmouseover: { x: 1 } } },
    ]);

    fragment.push([
      paragraph(new Y.XmlText(hostileVisibleText.before)),
      paragraph(links),
      paragraph(new Y.XmlText(hostileVisibleText.scriptAsText)),
      paragraph(new Y.XmlText(hostileVisibleText.imageAsText)),
      element(
        'iframe',
        { src: 'javascript:window.__pwned="iframe"', srcdoc: '<script>parent.__pwned=1</script>' },
        new Y.XmlText(hostileDroppedText.frame),
      ),
      element('script', {}, new Y.XmlText(hostileDroppedText.script)),
      element('img', { src: 'x', onerror: 'window.__pwned="img"' }),
      element(
        'object',
        { data: 'javascript:window.__pwned="object"' },
        new Y.XmlText(hostileDroppedText.object),
      ),
      element(
        'marquee',
        { onstart: 'window.__pwned="marquee"' },
        new Y.XmlText(hostileDroppedText.unknown),
      ),
      element(
        'paragraph',
        {
          onclick: 'window.__pwned="p-click"',
          onmouseover: 'window.__pwned="p-hover"',
          style: 'background-image: url("javascript:window.__pwned=1")',
          href: 'javascript:window.__pwned="p-href"',
        },
        new Y.XmlText(hostileVisibleText.handlers),
      ),
      paragraph(
        element('img', { src: 'x', onerror: 'window.__pwned="inline-img"' }),
        new Y.XmlText(hostileVisibleText.afterImage),
      ),
      paragraph(unknownMark),
      paragraph(new Y.XmlText(hostileVisibleText.after)),
    ]);
  });
}
