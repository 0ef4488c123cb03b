/**
 * Prints a PDF's text, page by page, as JSON: `[["line", …], …]`. Read with PDF.js, the parser
 * browsers use; run as a child process because PDF.js ships only as ES modules, which jest's
 * CommonJS module system cannot load. Usage: node pdf-text.mjs < file.pdf
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 })
  .promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  const content = await (await pdf.getPage(number)).getTextContent();
  const lines = [];
  let line = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  pages.push(lines.map((text) => text.trim()).filter(Boolean));
}
process.stdout.write(JSON.stringify(pages));
