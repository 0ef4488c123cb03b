import { safeLinkAddress } from '@commonplan/editor';
import type { Mark, Node } from '@tiptap/pm/model';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { footerText, type ExportDocument } from './export-document.js';

const bulletReference = 'section-bullets';
const numberedReference = 'section-numbers';
const headingLevels = {
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

const bookmarkOf = (index: number) => `section_${index + 1}`;

/**
 * Runs of inline text with their marks; links become hyperlinks around their runs, when the shared
 * link rule allows their address (Word would otherwise open a `javascript:` or `file:` target when
 * clicked): a refused one is plain text, as it is in the editor.
 */
function inlineRuns(node: Node, extra: { italics?: boolean } = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      children.push(new TextRun({ text: '', break: 1 }));
      return;
    }
    if (!child.isText) return;
    const has = (name: string) => child.marks.some((mark: Mark) => mark.type.name === name);
    const link = child.marks.find((mark: Mark) => mark.type.name === 'link');
    const href = link ? safeLinkAddress(link.attrs.href) : null;
    const run = new TextRun({
      text: child.text ?? '',
      bold: has('bold') || undefined,
      italics: has('italic') || extra.italics || undefined,
      strike: has('strike') || undefined,
      underline: has('underline') || href ? {} : undefined,
      style: href ? 'Hyperlink' : undefined,
    });
    children.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
  });
  return children;
}

interface BlockContext {
  /** The list the block is in, with its depth (0 for a top-level list). */
  list?: { ordered: boolean; level: number; instance: number };
  quote?: boolean;
}

/** Turns the section's blocks into DOCX paragraphs and tables. */
class DocxBlocks {
  private nextListInstance = 1;

  blocks(node: Node, context: BlockContext = {}): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [];
    node.forEach((child) => out.push(...this.block(child, context)));
    return out;
  }

  private block(node: Node, context: BlockContext): Array<Paragraph | Table> {
    switch (node.type.name) {
      case 'heading': {
        const level = Number(node.attrs.level ?? 2) as 2 | 3 | 4;
        return [
          new Paragraph({
            heading: headingLevels[level] ?? HeadingLevel.HEADING_2,
            children: inlineRuns(node),
          }),
        ];
      }
      case 'paragraph':
        return [this.paragraph(node, context)];
      case 'horizontalRule':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'AEB7BD', space: 1 } },
          }),
        ];
      case 'blockquote':
        return this.blocks(node, { ...context, quote: true });
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.type.name === 'orderedList';
        const level = context.list ? Math.min(context.list.level + 1, 8) : 0;
        const instance = this.nextListInstance++;
        const out: Array<Paragraph | Table> = [];
        node.forEach((item) => {
          item.forEach((child, _offset, index) => {
            // Only an item's first paragraph carries the bullet or number; the rest are indented.
            const list = { ordered, level, instance };
            if (child.type.name === 'paragraph' && index === 0)
              out.push(this.paragraph(child, { ...context, list }));
            else if (child.type.name === 'paragraph')
              out.push(
                new Paragraph({
                  indent: { left: 720 * (level + 1) },
                  children: inlineRuns(child, { italics: context.quote }),
                }),
              );
            else out.push(...this.block(child, { ...context, list }));
          });
        });
        return out;
      }
      case 'table':
        return [this.table(node), new Paragraph({})];
      default:
        return node.isTextblock ? [this.paragraph(node, context)] : this.blocks(node, context);
    }
  }

  private paragraph(node: Node, context: BlockContext): Paragraph {
    const children = inlineRuns(node, { italics: context.quote });
    const indent = context.quote ? { left: 567 } : undefined;
    if (context.list)
      return new Paragraph({
        children,
        numbering: {
          reference: context.list.ordered ? numberedReference : bulletReference,
          level: context.list.level,
          instance: context.list.instance,
        },
      });
    return new Paragraph({ children, indent });
  }

  private table(node: Node): Table {
    const rows: TableRow[] = [];
    node.forEach((row) => {
      const cells: TableCell[] = [];
      row.forEach((cell) => {
        const content = this.blocks(cell);
        cells.push(
          new TableCell({
            columnSpan: Number(cell.attrs.colspan ?? 1),
            rowSpan: Number(cell.attrs.rowspan ?? 1),
            children: content.length > 0 ? content : [new Paragraph({})],
          }),
        );
      });
      rows.push(
        new TableRow({
          children: cells,
          tableHeader: row.firstChild?.type.name === 'tableHeader',
        }),
      );
    });
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }
}

/**
 * The draft as a Word document: a title page, the contents (each section title linking to its
 * section), every section from a new page, and the draft's number and date with the page number
 * in every page's footer.
 */
export async function draftToDocx(document: ExportDocument): Promise<Buffer> {
  const blocks = new DocxBlocks();
  const titlePage = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.planTitle)] }),
    new Paragraph({ children: [new TextRun({ text: document.footprintName, size: 28 })] }),
    new Paragraph({
      spacing: { before: 480 },
      children: [
        new TextRun({
          text: `Draft ${document.draftNumber}: ${document.draftLabel}`,
          bold: true,
          size: 28,
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: document.draftDate, size: 24 })] }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const contents = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] }),
    ...document.sections.map(
      (section, index) =>
        new Paragraph({
          children: [
            new InternalHyperlink({
              anchor: bookmarkOf(index),
              children: [
                new TextRun({ text: `${index + 1}. ${section.title}`, style: 'Hyperlink' }),
              ],
            }),
          ],
        }),
    ),
  ];
  const sections = document.sections.flatMap((section, index) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new Bookmark({ id: bookmarkOf(index), children: [new TextRun(section.title)] })],
    }),
    ...blocks.blocks(section.content),
  ]);
  const listLevels = (ordered: boolean) =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3],
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));
  const doc = new Document({
    title: `${document.planTitle}: draft ${document.draftNumber}`,
    description: document.draftLabel,
    creator: 'Commonplan',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        { reference: bulletReference, levels: listLevels(false) },
        { reference: numberedReference, levels: listLevels(true) },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [
                      `${footerText(document)} · Page `,
                      PageNumber.CURRENT,
                      ' of ',
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...titlePage, ...contents, ...sections],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
