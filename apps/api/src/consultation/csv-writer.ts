/**
 * Writes CSV that spreadsheets open safely: every cell quoted when it must be (RFC 4180), lines
 * ending CRLF, UTF-8 with a byte order mark so Excel reads accents and emoji correctly, and cells
 * a spreadsheet would run as a formula (starting = + - @, tab or carriage return) prefixed with an
 * apostrophe so they show as text.
 */
export const byteOrderMark = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return byteOrderMark + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
