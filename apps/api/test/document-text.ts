import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@commonplan/testing';
import JSZip from 'jszip';

/**
 * Reads exported files back with real parsers, as a person's software would: a DOCX through its
 * zip and WordprocessingML, a PDF through PDF.js.
 */

const xmlEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function xmlText(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name]!);
}

/** Each paragraph's text (its `w:t` runs joined) in a WordprocessingML part. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((text) => xmlText(text[1]!))
      .join(''),
  );
}

export interface DocxText {
  /** The body's paragraphs, in order. */
  paragraphs: string[];
  /** The footers' paragraphs (field results such as page numbers are left out). */
  footer: string[];
  /** The paragraphs styled as top-level headings (the contents' and the sections' titles). */
  headings: string[];
}

export async function readDocx(file: Buffer): Promise<DocxText> {
  const zip = await JSZip.loadAsync(file);
  const body = await zip.file('word/document.xml')!.async('string');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/footer\d*\.xml$/.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
  const headings = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .filter((paragraph) => /<w:pStyle w:val="Heading1"\/>/.test(paragraph[0]))
    .flatMap((paragraph) => paragraphsOf(paragraph[0]));
  return {
    paragraphs: paragraphsOf(body).filter(Boolean),
    footer: footers.flatMap(paragraphsOf).filter(Boolean),
    headings,
  };
}

/** Runs one of the PDF.js readers beside this file on the PDF and parses what it prints. */
function readWithPdfJs<T>(script: string, file: Buffer): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(workspaceRoot, 'apps/api/test', script)],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`could not read the PDF: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as T);
      },
    );
    child.stdin!.end(file);
  });
}

/** The PDF's text lines, page by page. */
export function readPdf(file: Buffer): Promise<string[][]> {
  return readWithPdfJs('pdf-text.mjs', file);
}

/** One annotation of a PDF page, as PDF.js reads it. */
export interface PdfAnnotation {
  page: number;
  subtype: string;
  /** The URI action's address exactly as the file holds it. */
  unsafeUrl: string | null;
  /** A named action (Print, NextPage…). */
  action: string | null;
  /** JavaScript actions by trigger, when the annotation has any. */
  actions: Record<string, string[]> | null;
  /** An internal destination (the contents' links to sections). */
  dest: string | null;
}

/** Every annotation in the PDF: what a reader would follow when clicked. */
export function readPdfAnnotations(file: Buffer): Promise<PdfAnnotation[]> {
  return readWithPdfJs('pdf-links.mjs', file);
}

/** The DOCX's parts, by name, as text (only its XML parts are asked for). */
export async function docxParts(file: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(file);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files))
    if (/\.(xml|rels)$/.test(name)) parts[name] = await zip.file(name)!.async('string');
  return parts;
}
