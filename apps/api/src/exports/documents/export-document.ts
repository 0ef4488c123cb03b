import { sectionSchema, type SectionJson } from '@commonplan/editor';
import type { Node } from '@tiptap/pm/model';

/** What an exported file says: the title page, then each section of the draft in order. */
export interface ExportDocument {
  planTitle: string;
  footprintName: string;
  draftNumber: number;
  draftLabel: string;
  /** The day the draft's text was taken, as people write it: "23 November 2026". */
  draftDate: string;
  sections: Array<{ title: string; content: Node }>;
}

/** A section whose stored text cannot be read as the editor's schema. */
export class DamagedSectionError extends Error {
  constructor(
    readonly sectionTitle: string,
    cause: unknown,
  ) {
    super(`the section “${sectionTitle}” holds text that is not valid section text`, { cause });
  }
}

/** Reads a section's stored ProseMirror JSON back into the editor's schema, checking it fits. */
export function sectionNode(title: string, content: SectionJson | null): Node {
  try {
    if (!content) throw new Error('no stored text');
    const node = sectionSchema().nodeFromJSON(content);
    node.check();
    return node;
  } catch (error) {
    throw new DamagedSectionError(title, error);
  }
}

/** The footer line every page carries. */
export function footerText(document: ExportDocument): string {
  return `Draft ${document.draftNumber} · ${document.draftDate}`;
}

/** "23 November 2026", in the partnership's own time zone. */
export function formatDraftDate(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(at);
}

/** A file name people can recognise: `joint-forward-plan-draft-3.pdf`. */
export function exportFileName(planTitle: string, draftNumber: number, extension: string): string {
  const stem = planTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '');
  return `${stem || 'plan'}-draft-${draftNumber}.${extension}`;
}
