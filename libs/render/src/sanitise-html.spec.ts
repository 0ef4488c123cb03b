import { describe, expect, it } from '@jest/globals';
import { HtmlElement, HtmlText, innerHtml } from './html-tree.js';
import { sanitiseChildren } from './sanitise-html.js';

function element(
  tagName: string,
  attributes: Record<string, string>,
  ...children: Array<HtmlElement | string>
): HtmlElement {
  const node = new HtmlElement(tagName);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children)
    node.appendChild(typeof child === 'string' ? new HtmlText(child) : child);
  return node;
}

function clean(...children: Array<HtmlElement | string>): string {
  const root = element('div', {}, ...children);
  sanitiseChildren(root);
  return innerHtml(root);
}

describe('cleaning rendered HTML', () => {
  it('keeps what the section schema writes', () => {
    expect(
      clean(
        element(
          'p',
          {},
          'See ',
          element('a', { href: 'https://example.org', target: '_blank' }, 'this'),
        ),
        element(
          'table',
          { style: 'min-width: 50px' },
          element('tbody', {}, element('tr', {}, element('td', { colspan: '1' }, 'x'))),
        ),
      ),
    ).toBe(
      '<p>See <a href="https://example.org" target="_blank">this</a></p>' +
        '<table style="min-width: 50px;"><tbody><tr><td colspan="1">x</td></tr></tbody></table>',
    );
  });

  it('drops scripts and frames with their content, and unwraps unknown elements', () => {
    expect(
      clean(
        element('script', {}, 'alert(1)'),
        element('iframe', { src: 'https://evil.example' }),
        element('div', {}, element('p', {}, 'kept')),
        element('img', { src: 'x', onerror: 'alert(1)' }),
      ),
    ).toBe('<p>kept</p>');
  });

  it('drops event handlers and styles that are not table widths, and unwraps unsafe links', () => {
    expect(
      clean(
        element('p', { onclick: 'alert(1)', style: 'background: url(x)' }, 'a'),
        element('a', { href: 'javascript:alert(1)' }, 'b'),
        element('a', { href: ' data:text/html,x' }, 'c'),
        element('a', { href: 'java\tscript:alert(1)', target: '_blank' }, 'c2'),
        element('a', { href: 'mailto:plans@example.nhs.uk' }, 'd'),
        element('td', { style: 'width: 100px; position: fixed' }, 'e'),
      ),
    ).toBe('<p>a</p>bcc2<a href="mailto:plans@example.nhs.uk">d</a><td>e</td>');
  });
});
