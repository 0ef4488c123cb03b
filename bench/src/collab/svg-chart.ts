/**
 * The results as an SVG chart, drawn by hand: for each load shape, propagation latency p50 and p99
 * per server on a log scale (bars are medians, whiskers min–max across runs), and a throughput
 * panel with updates per second per server and shape.
 */
import { serverKinds, shapeKeys, type ServerKind } from './generator-protocol.js';
import { shapeTitles, type Report } from './report.js';
import type { Spread } from './stats.js';

export const serverColours: Record<ServerKind, string> = {
  commonplan: '#005eb8',
  'y-websocket': '#da291c',
  hocuspocus: '#007f3b',
  'socketio-relay': '#768692',
};

/** How titles name each server. */
export const serverNames: Record<ServerKind, string> = {
  commonplan: 'Commonplan',
  'y-websocket': 'y-websocket',
  hocuspocus: 'Hocuspocus',
  'socketio-relay': 'socket.io relay',
};

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function fmt(value: number): string {
  if (value === 0) return '0';
  if (value >= 1000) return `${Math.round(value).toLocaleString('en-GB')}`;
  if (value >= 10) return value.toFixed(0);
  if (value >= 1) return value.toFixed(1);
  return value.toFixed(2);
}

const n = (value: number) => Number(value.toFixed(1));

interface Bar {
  server: ServerKind;
  label: string;
  spread: Spread | undefined;
  opacity: number;
}

export function renderSvgChart(report: Report, title: string): string {
  const servers = serverKinds.filter((kind) => report.ranges[kind]);
  const shapes = shapeKeys.filter((shape) => servers.some((kind) => report.ranges[kind]?.[shape]));
  const panelWidth = 260;
  const panelHeight = 260;
  const margin = { left: 60, top: 90 };
  // Wide enough for the panels, and for the title and the legend's line (widths estimated from
  // the font sizes: they are drawn as text, which SVG does not wrap).
  const legendNote = 'light bar = p50, full bar = p99, whisker = min–max of runs';
  const legendWidth =
    20 + servers.reduce((sum, kind) => sum + 40 + kind.length * 8, 0) + 10 + legendNote.length * 7;
  const width = Math.ceil(
    Math.max(
      720,
      margin.left + shapes.length * (panelWidth + 20) + 20,
      40 + title.length * 11,
      legendWidth + 20,
    ),
  );
  const throughputTop = margin.top + panelHeight + 90;
  const throughputHeight = 220;
  const height = throughputTop + throughputHeight + 20;
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, attrs = '') =>
    parts.push(`<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(content)}</text>`);

  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  text(20, 30, title, 'font-size="18" font-weight="bold"');
  // Legend: one colour per server, light = p50, full = p99.
  let legendX = 20;
  for (const kind of servers) {
    parts.push(
      `<g class="legend" data-server="${kind}"><rect x="${legendX}" y="45" width="14" height="14" fill="${serverColours[kind]}"/>`,
    );
    text(legendX + 20, 57, kind, 'font-size="13"');
    parts.push('</g>');
    legendX += 40 + kind.length * 8;
  }
  text(legendX + 10, 57, legendNote, 'font-size="12" fill="#425563"');

  // Latency panels on a shared log scale.
  const values = servers.flatMap((kind) =>
    shapes.flatMap((shape) => {
      const ranges = report.ranges[kind]?.[shape];
      return [ranges?.propagation_p50_ms?.min, ranges?.propagation_p99_ms?.max];
    }),
  );
  const present = values.filter((value): value is number => typeof value === 'number' && value > 0);
  const low = 10 ** Math.floor(Math.log10(Math.min(...present, 1)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...present, 10)));
  const plotTop = margin.top + 30;
  const plotBottom = margin.top + panelHeight - 30;
  const y = (value: number) =>
    plotBottom -
    ((Math.log10(Math.max(value, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) *
      (plotBottom - plotTop);
  shapes.forEach((shape, index) => {
    const left = margin.left + index * (panelWidth + 20);
    parts.push(`<g class="panel" data-shape="${shape}">`);
    text(left, margin.top + 10, shapeTitles[shape], 'font-size="12" font-weight="bold"');
    for (let tick = low; tick <= high; tick *= 10) {
      parts.push(
        `<line x1="${left}" x2="${left + panelWidth}" y1="${n(y(tick))}" y2="${n(y(tick))}" stroke="#d8dde0"/>`,
      );
      if (index === 0) text(left - 8, y(tick) + 4, fmt(tick), 'font-size="11" text-anchor="end"');
    }
    if (index === 0)
      text(
        16,
        (plotTop + plotBottom) / 2,
        'propagation (ms, log)',
        `font-size="12" transform="rotate(-90 16 ${n((plotTop + plotBottom) / 2)})" text-anchor="middle"`,
      );
    const bars: Bar[] = servers.flatMap((kind) => [
      {
        server: kind,
        label: 'p50',
        spread: report.ranges[kind]?.[shape]?.propagation_p50_ms,
        opacity: 0.45,
      },
      {
        server: kind,
        label: 'p99',
        spread: report.ranges[kind]?.[shape]?.propagation_p99_ms,
        opacity: 1,
      },
    ]);
    const slot = panelWidth / (bars.length + servers.length);
    let x = left + slot / 2;
    bars.forEach((bar, barIndex) => {
      const median = bar.spread?.median ?? null;
      if (median !== null && median > 0) {
        const top = y(median);
        parts.push(
          `<rect class="bar" data-server="${bar.server}" data-shape="${shape}" data-figure="${bar.label}" x="${n(x)}" y="${n(top)}" width="${n(slot * 0.9)}" height="${n(plotBottom - top)}" fill="${serverColours[bar.server]}" fill-opacity="${bar.opacity}"><title>${escapeXml(`${bar.server} ${bar.label}: ${fmt(median)} ms`)}</title></rect>`,
        );
        const { min, max } = bar.spread!;
        if (min !== null && max !== null && min > 0 && max > 0) {
          const centre = x + (slot * 0.9) / 2;
          parts.push(
            `<line x1="${n(centre)}" x2="${n(centre)}" y1="${n(y(min))}" y2="${n(y(max))}" stroke="#212b32" stroke-width="1.2"/>`,
          );
        }
        text(x + (slot * 0.9) / 2, top - 4, fmt(median), 'font-size="9" text-anchor="middle"');
      } else {
        text(x + (slot * 0.9) / 2, plotBottom - 4, '–', 'font-size="10" text-anchor="middle"');
      }
      text(x + (slot * 0.9) / 2, plotBottom + 14, bar.label, 'font-size="10" text-anchor="middle"');
      x += slot;
      if (barIndex % 2 === 1) x += slot;
    });
    parts.push('</g>');
  });

  // Throughput: updates per second per shape and server, linear.
  const rates = servers.flatMap((kind) =>
    shapes.map((shape) => report.ranges[kind]?.[shape]?.updates_per_s?.max ?? 0),
  );
  const topRate = Math.max(1, ...rates) * 1.15;
  const plotLeft = margin.left;
  const plotRight = width - 20;
  const tBottom = throughputTop + throughputHeight - 30;
  const tTop = throughputTop + 20;
  const ty = (value: number) => tBottom - (value / topRate) * (tBottom - tTop);
  text(
    20,
    throughputTop,
    'Updates per second sustained (median, whisker = min–max of runs)',
    'font-size="13" font-weight="bold"',
  );
  const step = 10 ** Math.floor(Math.log10(topRate / 2));
  for (let tick = 0; tick <= topRate; tick += step * (topRate / step > 6 ? 2 : 1)) {
    parts.push(
      `<line x1="${plotLeft}" x2="${plotRight}" y1="${n(ty(tick))}" y2="${n(ty(tick))}" stroke="#d8dde0"/>`,
    );
    text(plotLeft - 8, ty(tick) + 4, fmt(tick), 'font-size="11" text-anchor="end"');
  }
  const group = (plotRight - plotLeft) / Math.max(1, shapes.length);
  shapes.forEach((shape, index) => {
    const groupLeft = plotLeft + index * group;
    const barWidth = (group * 0.7) / servers.length;
    parts.push(`<g class="throughput" data-shape="${shape}">`);
    servers.forEach((kind, serverIndex) => {
      const value = report.ranges[kind]?.[shape]?.updates_per_s;
      const bx = groupLeft + group * 0.15 + serverIndex * barWidth;
      if (value?.median != null) {
        parts.push(
          `<rect class="bar" data-server="${kind}" data-shape="${shape}" data-figure="updates_per_s" x="${n(bx)}" y="${n(ty(value.median))}" width="${n(barWidth * 0.9)}" height="${n(tBottom - ty(value.median))}" fill="${serverColours[kind]}"><title>${escapeXml(`${kind}: ${fmt(value.median)} updates/s`)}</title></rect>`,
        );
        if (value.min !== null && value.max !== null)
          parts.push(
            `<line x1="${n(bx + barWidth * 0.45)}" x2="${n(bx + barWidth * 0.45)}" y1="${n(ty(value.min))}" y2="${n(ty(value.max))}" stroke="#212b32" stroke-width="1.2"/>`,
          );
        text(
          bx + barWidth * 0.45,
          ty(value.median) - 4,
          fmt(value.median),
          'font-size="9" text-anchor="middle"',
        );
      }
    });
    text(groupLeft + group / 2, tBottom + 16, `(${shape})`, 'font-size="12" text-anchor="middle"');
    parts.push('</g>');
  });

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" role="img" aria-label="${escapeXml(title)}">\n` +
    `<title>${escapeXml(title)}</title>\n${parts.join('\n')}\n</svg>\n`
  );
}
