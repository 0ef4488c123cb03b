/**
 * The one rule for where a link in section text may point, used by the editor (TipTap's
 * `isAllowedUri`), the HTML sanitiser, the Markdown renderer, the Word and PDF exports and the
 * public page's second guard. Anyone who may edit can write any link attribute into the Yjs
 * document without the editor, so every place that turns a link into something clickable asks
 * here first.
 */

/** The schemes a link may use: web pages and email. Nothing that runs, nothing relative. */
const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Longer than any real address people link to, short enough for Word's own limit (2,083). */
export const maxLinkAddressLength = 2048;

/**
 * The address to link to, or null when the link must not be kept (its words stay as text).
 *
 * The address is read with the WHATWG URL parser, the one browsers use, so what is checked is what
 * a browser would follow: leading spaces and control characters are ignored, tabs and new lines
 * anywhere are removed and the scheme is case-blind, which is how ` javascript:`, `java\tscript:`
 * and `JaVaScRiPt:` all turn into `javascript:` and are refused here. Relative addresses have no
 * scheme to check and are refused too. The answer is the parser's own serialisation, for files
 * (Word, PDF) whose readers may parse addresses differently from browsers.
 */
export function safeLinkAddress(href: unknown): string | null {
  if (typeof href !== 'string' || href.length === 0 || href.length > maxLinkAddressLength)
    return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return allowedProtocols.has(url.protocol) ? url.href : null;
}
