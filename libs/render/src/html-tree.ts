/**
 * Just enough of a DOM for ProseMirror's DOMSerializer to write into on a server, and the HTML
 * serialisation browsers use for `innerHTML` (the algorithm of the HTML standard's "serialising
 * HTML fragments": attribute and text escaping, void elements without end tags).
 */

const voidElements = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'wbr']);

export class HtmlText {
  readonly nodeType = 3;
  constructor(public data: string) {}
}

export class HtmlElement {
  readonly nodeType = 1;
  readonly attributes: Array<{ name: string; value: string }> = [];
  childNodes: HtmlNode[] = [];

  constructor(public readonly tagName: string) {}

  setAttribute(name: string, value: unknown): void {
    const lower = name.toLowerCase();
    const text = lower === 'style' ? cssTextAsBrowsersWriteIt(String(value)) : String(value);
    const existing = this.attributes.find((attribute) => attribute.name === lower);
    if (existing) existing.value = text;
    else this.attributes.push({ name: lower, value: text });
  }

  setAttributeNS(_namespace: string, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }

  getAttribute(name: string): string | null {
    return (
      this.attributes.find((attribute) => attribute.name === name.toLowerCase())?.value ?? null
    );
  }

  removeAttribute(name: string): void {
    const index = this.attributes.findIndex((attribute) => attribute.name === name.toLowerCase());
    if (index >= 0) this.attributes.splice(index, 1);
  }

  appendChild<T extends HtmlNode>(child: T): T {
    if (child instanceof HtmlFragment) {
      this.childNodes.push(...child.childNodes);
      child.childNodes = [];
    } else {
      this.childNodes.push(child);
    }
    return child;
  }
}

export class HtmlFragment extends HtmlElement {
  override readonly nodeType = 1;
  constructor() {
    super('#fragment');
  }
}

export type HtmlNode = HtmlText | HtmlElement;

/** The document object handed to DOMSerializer (`options.document`). */
export const htmlTreeDocument = {
  createElement: (tagName: string) => new HtmlElement(tagName.toLowerCase()),
  createElementNS: (_namespace: string, tagName: string) => new HtmlElement(tagName),
  createTextNode: (data: string) => new HtmlText(data),
  createDocumentFragment: () => new HtmlFragment(),
};

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/"/g, '&quot;');
}

/** A browser turns `element.style.cssText = "a: b"` into `style="a: b;"`; write it the same way. */
export function cssTextAsBrowsersWriteIt(cssText: string): string {
  return cssText
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration.length > 0)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      if (colon < 0) return '';
      return `${declaration.slice(0, colon).trim().toLowerCase()}: ${declaration.slice(colon + 1).trim()};`;
    })
    .filter((declaration) => declaration.length > 0)
    .join(' ');
}

/** The children of an element as HTML, the way `innerHTML` reads. */
export function innerHtml(element: HtmlElement): string {
  return element.childNodes.map(outerHtml).join('');
}

function outerHtml(node: HtmlNode): string {
  if (node instanceof HtmlText) return escapeText(node.data);
  const attributes = node.attributes
    .map(({ name, value }) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  if (voidElements.has(node.tagName)) return `<${node.tagName}${attributes}>`;
  return `<${node.tagName}${attributes}>${innerHtml(node)}</${node.tagName}>`;
}
