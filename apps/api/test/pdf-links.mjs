/**
 * Prints every annotation of a PDF as JSON, `[{ page, subtype, unsafeUrl, action, dest }, …]`,
 * read with PDF.js as browsers do: what a reader would follow when someone clicks. `unsafeUrl`
 * is the address exactly as the file holds it (PDF.js's `url` is already filtered). Run as a
 * child process for the reason pdf-text.mjs gives. Usage: node pdf-links.mjs < file.pdf
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 })
  .promise;
const annotations = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  for (const annotation of await (await pdf.getPage(number)).getAnnotations()) {
    annotations.push({
      page: number,
      subtype: annotation.subtype,
      unsafeUrl: annotation.unsafeUrl ?? null,
      action: annotation.action ?? null,
      actions: annotation.actions ?? null,
      dest: annotation.dest ? String(annotation.dest) : null,
    });
  }
}
process.stdout.write(JSON.stringify(annotations));
