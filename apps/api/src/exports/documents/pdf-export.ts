import { safeLinkAddress } from '@commonplan/editor';
import type { Mark, Node } from '@tiptap/pm/model';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { footerText, type ExportDocument } from './export-document.js';

/**
 * DejaVu Sans, embedded (only the glyphs used), so any letter a plan holds is drawn and its text is
 * real, searchable text: the standard PDF fonts know only Windows-1252. The font files are read
 * once per process.
 */
const fontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
} as const;
type FontName = keyof typeof fontFiles;
const fonts: Record<FontName, FontName> = {
  regular: 'regular',
  bold: 'bold',
  italic: 'italic',
  boldItalic: 'boldItalic',
};
let fontData: Record<FontName, Buffer> | undefined;
function loadFonts(): Record<FontName, Buffer> {
  if (!fontData) {
    const folder = join(
      dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
      'ttf',
    );
    fontData = {
      regular: readFileSync(join(folder, fontFiles.regular)),
      bold: readFileSync(join(folder, fontFiles.bold)),
      italic: readFileSync(join(folder, fontFiles.italic)),
      boldItalic: readFileSync(join(folder, fontFiles.boldItalic)),
    };
  }
  return fontData;
}

const colours = { text: '#212b32', secondary: '#4c6272', link: '#005eb8', rule: '#aeb7bd' };
const margin = 64;
const bodySize = 11;
const headingSizes: Record<number, number> = { 2: 16, 3: 14, 4: 12 };
const contentsLineHeight = 20;

/** Text as the PDF draws it: control characters (other than line breaks) left out. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

interface Run {
  text: string;
  /** A line break inside the paragraph (a hard break); it carries no text. */
  lineBreak?: boolean;
  font: string;
  link: string | null;
  strike: boolean;
  underline: boolean;
}

function runsOf(node: Node, italic = false): Run[] {
  const runs: Run[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      runs.push({
        text: '',
        font: fonts.regular,
        link: null,
        strike: false,
        underline: false,
        lineBreak: true,
      });
      return;
    }
    if (!child.isText) return;
    const has = (name: string) => child.marks.some((mark: Mark) => mark.type.name === name);
    const link = child.marks.find((mark: Mark) => mark.type.name === 'link');
    // Only an address the shared rule allows becomes a URI annotation; a reader would follow any.
    const href = link ? safeLinkAddress(link.attrs.href) : null;
    const bold = has('bold');
    const slanted = has('italic') || italic;
    runs.push({
      text: printable(child.text ?? ''),
      font:
        bold && slanted
          ? fonts.boldItalic
          : bold
            ? fonts.bold
            : slanted
              ? fonts.italic
              : fonts.regular,
      link: href,
      strike: has('strike'),
      underline: has('underline') || href !== null,
    });
  });
  return runs;
}

function plainText(node: Node): string {
  const parts: string[] = [];
  node.forEach((child) => {
    if (child.isTextblock) parts.push(printable(child.textContent));
    else parts.push(plainText(child));
  });
  return parts.join('\n');
}

/** Lays a section's blocks out on the document's pages. */
class PdfBlocks {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Starts a new page when less than `needed` points are left on this one. */
  private keepSpace(needed: number): void {
    if (this.doc.y + needed > this.doc.page.height - this.doc.page.margins.bottom)
      this.doc.addPage();
  }

  blocks(node: Node, indent = 0, italic = false): void {
    node.forEach((child) => this.block(child, indent, italic));
  }

  /** A paragraph's runs, line by line where it has hard breaks. */
  private runs(runs: Run[], x: number, width: number, size = bodySize): void {
    const lines: Run[][] = [[]];
    for (const run of runs) {
      if (run.lineBreak) lines.push([]);
      else lines.at(-1)!.push(run);
    }
    for (const line of lines) this.line(line, x, width, size);
  }

  /** Runs of text in one flow: continued text, so fonts change mid-line and lines wrap as one. */
  private line(runs: Run[], x: number, width: number, size: number): void {
    const doc = this.doc;
    doc.fontSize(size);
    const shown = runs.filter((run) => run.text !== '');
    if (shown.length === 0) {
      doc.font(fonts.regular).text(' ', x, doc.y, { width, lineGap: 2 });
      return;
    }
    shown.forEach((run, index) => {
      const options: PDFKit.Mixins.TextOptions = {
        width,
        continued: index < shown.length - 1,
        link: run.link,
        underline: run.underline,
        strike: run.strike,
        lineGap: 2,
      };
      doc.font(run.font).fillColor(run.link ? colours.link : colours.text);
      // The first run places the line; the others carry on from where the last one ended.
      if (index === 0) doc.text(run.text, x, doc.y, options);
      else doc.text(run.text, options);
    });
    doc.fillColor(colours.text);
  }

  private block(node: Node, indent: number, italic: boolean): void {
    const doc = this.doc;
    const x = doc.page.margins.left + indent;
    const width = this.width - indent;
    switch (node.type.name) {
      case 'heading': {
        const size = headingSizes[Number(node.attrs.level ?? 2)] ?? 12;
        this.keepSpace(size * 4);
        doc.moveDown(0.4);
        this.runs(
          runsOf(node).map((run) => ({ ...run, font: fonts.bold })),
          x,
          width,
          size,
        );
        doc.moveDown(0.3);
        return;
      }
      case 'paragraph':
        this.runs(runsOf(node, italic), x, width);
        doc.moveDown(0.5);
        return;
      case 'horizontalRule':
        this.keepSpace(20);
        doc
          .moveTo(x, doc.y + 6)
          .lineTo(x + width, doc.y + 6)
          .strokeColor(colours.rule)
          .lineWidth(1)
          .stroke();
        doc.y += 16;
        return;
      case 'blockquote': {
        const top = doc.y;
        const page = doc.bufferedPageRange().count;
        this.blocks(node, indent + 16, true);
        if (doc.bufferedPageRange().count === page)
          doc
            .moveTo(x + 4, top)
            .lineTo(x + 4, doc.y - 6)
            .strokeColor(colours.rule)
            .lineWidth(3)
            .stroke();
        return;
      }
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.type.name === 'orderedList';
        const start = Number(node.attrs.start ?? 1);
        node.forEach((item, _offset, index) => {
          this.keepSpace(bodySize * 2);
          const marker = ordered ? `${start + index}.` : '•';
          const top = doc.y;
          const page = doc.bufferedPageRange().count;
          doc.font(fonts.regular).fontSize(bodySize).fillColor(colours.text);
          doc.text(marker, x, top, { width: 18, lineBreak: false });
          doc.x = x;
          doc.y = top;
          if (doc.bufferedPageRange().count !== page) doc.y = doc.page.margins.top;
          this.blocks(item, indent + 20, italic);
        });
        return;
      }
      case 'table':
        this.table(node, x, width);
        return;
      default:
        if (node.isTextblock) {
          this.runs(runsOf(node, italic), x, width);
          doc.moveDown(0.5);
        } else this.blocks(node, indent, italic);
    }
  }

  private table(node: Node, x: number, width: number): void {
    const doc = this.doc;
    const rows: Array<
      Array<{ text: string; colSpan: number; rowSpan: number; type: 'TH' | 'TD' }>
    > = [];
    node.forEach((row) => {
      const cells: (typeof rows)[number] = [];
      row.forEach((cell) =>
        cells.push({
          text: plainText(cell),
          colSpan: Number(cell.attrs.colspan ?? 1),
          rowSpan: Number(cell.attrs.rowspan ?? 1),
          type: cell.type.name === 'tableHeader' ? 'TH' : 'TD',
        }),
      );
      rows.push(cells);
    });
    this.keepSpace(40);
    doc
      .font(fonts.regular)
      .fontSize(bodySize - 1)
      .fillColor(colours.text);
    doc.table({
      position: { x, y: doc.y },
      maxWidth: width,
      defaultStyle: { padding: 4, border: 0.5, borderColor: colours.rule },
      data: rows.map((cells) =>
        cells.map((cell) => ({
          ...cell,
          font: { src: cell.type === 'TH' ? fonts.bold : fonts.regular },
        })),
      ),
    });
    doc.x = doc.page.margins.left;
    doc.moveDown(0.8);
  }
}

/**
 * The draft as a PDF: a title page, the contents with each section's page number (linked), every
 * section from a new page (also in the PDF's bookmarks), and on every page a footer with the
 * draft's number, its date and the page number. Text is real text in an embedded font, so it can be
 * searched, copied and read aloud.
 */
export async function draftToPdf(document: ExportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: printable(`${document.planTitle}: draft ${document.draftNumber}`),
      Subject: printable(document.draftLabel),
      Author: printable(document.footprintName),
      Creator: 'Commonplan',
    },
  });
  for (const [name, data] of Object.entries(loadFonts())) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * margin;

  // Title page.
  doc.y = doc.page.height / 3;
  doc.font(fonts.bold).fontSize(26).fillColor(colours.text).text(printable(document.planTitle), {
    width,
  });
  doc.moveDown(0.5);
  doc.font(fonts.regular).fontSize(14).fillColor(colours.secondary);
  doc.text(printable(document.footprintName), { width });
  doc.moveDown(1.5);
  doc.font(fonts.bold).fontSize(14).fillColor(colours.text);
  doc.text(printable(`Draft ${document.draftNumber}: ${document.draftLabel}`), { width });
  doc.font(fonts.regular).fontSize(12).text(document.draftDate, { width });

  // The contents pages are kept free now and written once the sections' pages are known.
  const linesPerPage = Math.floor((doc.page.height - 2 * margin - 60) / contentsLineHeight);
  const contentsPages = Math.max(1, Math.ceil(document.sections.length / linesPerPage));
  const contentsStart = doc.bufferedPageRange().count;
  for (let page = 0; page < contentsPages; page += 1) doc.addPage();

  const blocks = new PdfBlocks(doc);
  const sectionPages: number[] = [];
  document.sections.forEach((section, index) => {
    doc.addPage();
    sectionPages.push(doc.bufferedPageRange().count);
    doc.addNamedDestination(`section-${index + 1}`);
    doc.outline.addItem(printable(section.title));
    doc.font(fonts.bold).fontSize(20).fillColor(colours.text);
    doc.text(printable(section.title), { width });
    doc.moveDown(0.6);
    blocks.blocks(section.content);
  });

  // Contents, with page numbers.
  document.sections.forEach((section, index) => {
    const page = Math.floor(index / linesPerPage);
    const line = index % linesPerPage;
    doc.switchToPage(contentsStart + page);
    if (line === 0) {
      doc.font(fonts.bold).fontSize(20).fillColor(colours.text);
      doc.text(page === 0 ? 'Contents' : 'Contents (continued)', margin, margin, { width });
    }
    const y = margin + 60 + line * contentsLineHeight;
    const number = String(sectionPages[index]);
    doc.font(fonts.regular).fontSize(bodySize).fillColor(colours.link);
    const numberWidth = doc.widthOfString(number);
    doc.text(printable(`${index + 1}. ${section.title}`), margin, y, {
      width: width - numberWidth - 16,
      height: contentsLineHeight,
      lineBreak: false,
      ellipsis: true,
      goTo: `section-${index + 1}`,
    });
    doc.text(number, margin + width - numberWidth, y, { lineBreak: false });
  });

  // Footers on every page, inside the bottom margin.
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(9).fillColor(colours.secondary);
    doc.text(
      `${footerText(document)} · Page ${page + 1} of ${count}`,
      margin,
      doc.page.height - margin / 2 - 4,
      { width, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
