import { safeLinkAddress } from '@commonplan/editor';
import type { HtmlElement } from './html-tree.js';
import { HtmlText, type HtmlNode } from './html-tree.js';

/**
 * What rendered section HTML may contain: the elements and attributes the section schema writes,
 * nothing else. Anything outside the list is dropped (its text kept), links keep only the addresses
 * the shared link rule allows (a link without one is unwrapped to its words), and styles only the
 * table widths and cell alignment the table extension writes.
 */
const allowedAttributes: Record<string, readonly string[]> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  strong: [],
  em: [],
  u: [],
  s: [],
  br: [],
  hr: [],
  blockquote: [],
  ul: [],
  ol: ['start', 'type'],
  li: [],
  a: ['href', 'target', 'rel', 'class'],
  table: ['style'],
  colgroup: [],
  col: ['style'],
  tbody: [],
  tr: [],
  td: ['colspan', 'rowspan', 'colwidth', 'style'],
  th: ['colspan', 'rowspan', 'colwidth', 'style'],
};

const droppedWithContent = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template']);

const safeStyle =
  /^((min-width|width): \d{1,5}px;|text-align: (left|center|right|justify);)( ((min-width|width): \d{1,5}px;|text-align: (left|center|right|justify);))*$/;
const safeValue: Record<string, RegExp> = {
  start: /^\d{1,6}$/,
  type: /^[1aAiI]$/,
  colspan: /^\d{1,3}$/,
  rowspan: /^\d{1,3}$/,
  colwidth: /^\d{1,5}(,\d{1,5})*$/,
  target: /^_blank$/,
  rel: /^[a-z ]{1,60}$/,
  class: /^[a-z-]{1,40}$/,
};

function attributeAllowed(name: string, value: string): boolean {
  if (name === 'href') return safeLinkAddress(value) !== null;
  if (name === 'style') return safeStyle.test(value);
  return safeValue[name]?.test(value) ?? false;
}

/** Cleans the children of an element in place, keeping only the allow-listed markup. */
export function sanitiseChildren(parent: HtmlElement): void {
  const kept: HtmlNode[] = [];
  for (const child of parent.childNodes) {
    if (child instanceof HtmlText) {
      kept.push(child);
      continue;
    }
    if (droppedWithContent.has(child.tagName)) continue;
    sanitiseChildren(child);
    const allowed = allowedAttributes[child.tagName];
    if (!allowed) {
      kept.push(...child.childNodes);
      continue;
    }
    for (const { name, value } of [...child.attributes])
      if (!allowed.includes(name) || !attributeAllowed(name, value)) child.removeAttribute(name);
    if (child.tagName === 'a' && child.getAttribute('href') === null) {
      kept.push(...child.childNodes);
      continue;
    }
    kept.push(child);
  }
  parent.childNodes = kept;
}
