import { describe, expect, it } from '@jest/globals';
import { shapeRun } from './report-fixtures.js';
import { summarise } from './report.js';
import { renderSvgChart, serverColours } from './svg-chart.js';

/** Checks the markup is well-formed XML: one root, tags nested and closed, text escaped. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let position = 0;
  while (position < body.length && (match = token.exec(body))) {
    position = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) throw new Error(`text outside the root: ${text}`);
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text)) throw new Error(`unescaped & in ${text}`);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name!);
    } else if (stack.length === 0) roots += 1;
  }
  if (position !== body.length)
    throw new Error(`not markup at ${body.slice(position, position + 40)}`);
  if (stack.length) throw new Error(`unclosed ${stack.join(', ')}`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

const runs = (p99: number, rate: number) => [
  shapeRun({ p50: p99 / 5, p99, updatesPerSecond: rate }),
  shapeRun({ p50: p99 / 4, p99: p99 * 1.2, updatesPerSecond: rate * 1.1 }),
  shapeRun({ p50: p99 / 6, p99: p99 * 0.9, updatesPerSecond: rate * 0.9 }),
];

const report = summarise(
  {
    servers: {
      commonplan: { a: runs(15, 1000), b: runs(40, 250), c: runs(120, 800), d: runs(18, 1000) },
      'y-websocket': { a: runs(8, 1000), b: runs(30, 250), c: runs(60, 2000), d: runs(9, 1000) },
      hocuspocus: { a: runs(9, 1000), b: runs(35, 250), c: runs(90, 1500), d: runs(10, 1000) },
    },
    logLoad: {},
    sectionMemory: [],
  },
  3,
);

describe('the SVG chart', () => {
  it('is well-formed XML with a title', () => {
    const svg = renderSvgChart(report, 'Real-time benchmark, <quick> & co');
    assertWellFormed(svg);
    expect(svg).toContain('<title>Real-time benchmark, &lt;quick&gt; &amp; co</title>');
  });

  it('has a series per server: legend, latency bars per shape and a throughput bar per shape', () => {
    const svg = renderSvgChart(report, 'chart');
    for (const server of ['commonplan', 'y-websocket', 'hocuspocus'] as const) {
      expect(svg).toContain(`class="legend" data-server="${server}"`);
      for (const shape of ['a', 'b', 'c', 'd']) {
        for (const figure of ['p50', 'p99', 'updates_per_s'])
          expect(svg).toContain(
            `class="bar" data-server="${server}" data-shape="${shape}" data-figure="${figure}"`,
          );
      }
      expect(svg).toContain(`fill="${serverColours[server]}"`);
    }
  });

  it('draws only the servers and shapes that were run', () => {
    const partial = summarise(
      { servers: { hocuspocus: { c: runs(90, 1500) } }, logLoad: {}, sectionMemory: [] },
      3,
    );
    const svg = renderSvgChart(partial, 'chart');
    assertWellFormed(svg);
    expect(svg).not.toContain('data-server="commonplan"');
    expect(svg).not.toContain('data-shape="a"');
    expect(svg).toContain('data-server="hocuspocus" data-shape="c" data-figure="p99"');
  });

  it('is wide enough for a long title and for the legend of four servers', () => {
    const title = 'Real-time benchmark, 2026-12-07: Commonplan, y-websocket, socket.io relay';
    const partial = summarise(
      {
        servers: {
          commonplan: { a: runs(15, 1000) },
          'y-websocket': { a: runs(8, 1000) },
          hocuspocus: { a: runs(9, 1000) },
          'socketio-relay': { a: runs(10, 1000) },
        },
        logLoad: {},
        sectionMemory: [],
      },
      3,
    );
    const svg = renderSvgChart(partial, title);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThanOrEqual(title.length * 11);
    expect(width).toBeGreaterThan(720);
  });

  it('rejects markup that is not well-formed, so the check above means something', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormed('<svg>a & b</svg>')).toThrow();
  });
});
