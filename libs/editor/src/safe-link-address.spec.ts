import { describe, expect, it } from '@jest/globals';
import { getSchema } from '@tiptap/core';
import { sectionContentExtensions } from './editor-extensions.js';
import { maxLinkAddressLength, safeLinkAddress } from './safe-link-address.js';

/** Addresses that run code, load a document of their own, or name something local. */
const refused: Array<[string, unknown]> = [
  ['a javascript: link', 'javascript:alert(1)'],
  ['the scheme in mixed case', 'JaVaScRiPt:alert(1)'],
  ['a leading space', ' javascript:alert(1)'],
  ['leading tabs and new lines', '\t\n\r  javascript:alert(1)'],
  ['a tab inside the scheme', 'java\tscript:alert(1)'],
  ['a new line inside the scheme', 'java\nscript:alert(1)'],
  ['a carriage return inside the scheme', 'java\rscript:alert(1)'],
  ['a leading NUL', '\u0000javascript:alert(1)'],
  ['a leading control character', '\u001fjavascript:alert(1)'],
  ['trailing spaces and controls', 'javascript:alert(1)\u0001 '],
  ['a data: document', 'data:text/html,<script>alert(1)</script>'],
  ['a base64 data: document', 'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['a vbscript: link', 'vbscript:msgbox(1)'],
  ['vbscript: after a space, in capitals', ' VBScript:msgbox(1)'],
  ['a local file', 'file:///etc/passwd'],
  ['a blob', 'blob:https://example.org/0b9f9d3c'],
  ['ftp', 'ftp://example.org/file'],
  ['a telephone number', 'tel:+441234567890'],
  ['a full-width letter in the scheme', '\uff4aavascript:alert(1)'],
  ['a zero-width space in the scheme', 'java\u200bscript:alert(1)'],
  ['an encoded colon', 'javascript&#58;alert(1)'],
  ['a protocol-relative address', '//evil.example/x'],
  ['a path', '/plans/1'],
  ['a fragment', '#top'],
  ['a scheme with no address', 'https:'],
  ['an empty address', ''],
  [
    'an address longer than any real one',
    `https://example.org/${'a'.repeat(maxLinkAddressLength)}`,
  ],
  ['no address at all', undefined],
  ['null', null],
  ['a number', 42],
  ['an object', { href: 'https://example.org' }],
];

describe('which link addresses section text may keep', () => {
  it.each(refused)('refuses %s', (_why, href) => {
    expect(safeLinkAddress(href)).toBeNull();
  });

  it('keeps web and mail addresses, as the browser would read them', () => {
    expect(safeLinkAddress('https://www.nhs.uk/')).toBe('https://www.nhs.uk/');
    expect(safeLinkAddress('http://example.org')).toBe('http://example.org/');
    expect(safeLinkAddress('  HTTPS://Example.ORG/a b?c=d#e\n')).toBe(
      'https://example.org/a%20b?c=d#e',
    );
    expect(safeLinkAddress('mailto:plans@example.nhs.uk')).toBe('mailto:plans@example.nhs.uk');
    expect(safeLinkAddress('MAILTO:plans@example.nhs.uk')).toBe('mailto:plans@example.nhs.uk');
  });

  it('is what the editor asks before it makes or shows a link', () => {
    const schema = getSchema(sectionContentExtensions());
    const link = schema.marks.link!;
    const shown = (href: string) => {
      const spec = link.spec.toDOM!(link.create({ href }), true) as [
        string,
        Record<string, string>,
      ];
      return spec[1].href;
    };
    expect(shown('https://www.nhs.uk/')).toBe('https://www.nhs.uk/');
    expect(shown(' java\tscript:alert(1)')).toBe('');
    expect(shown('data:text/html,x')).toBe('');

    // Pasted HTML: a link to an unsafe address is not read as a link (its words stay as text).
    const [rule] = link.spec.parseDOM!;
    const read = (href: string) =>
      (rule as { getAttrs(dom: unknown): unknown }).getAttrs({ getAttribute: () => href });
    expect(read('vbscript:msgbox(1)')).toBe(false);
    expect(read('JaVaScRiPt:alert(1)')).toBe(false);
    expect(read('mailto:plans@example.nhs.uk')).toMatchObject({
      href: 'mailto:plans@example.nhs.uk',
    });
  });
});
