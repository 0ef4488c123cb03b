import { describe, expect, it } from '@jest/globals';
import { csvCell, toCsv } from './csv-writer.js';

describe('CSV writer', () => {
  it('leaves plain cells as they are and empties missing ones', () => {
    expect(csvCell('Mental health')).toBe('Mental health');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('one, two')).toBe('"one, two"');
    expect(csvCell('she said "no"')).toBe('"she said ""no"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('turns cells a spreadsheet would run as a formula into text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvCell('+44 1225 000000')).toBe("'+44 1225 000000");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('does not alter numbers, which are values the export itself wrote', () => {
    expect(csvCell(-3)).toBe('-3');
  });

  it('starts with a byte order mark and ends every line with CRLF', () => {
    const csv = toCsv([
      ['name', 'response'],
      ['Zoë', 'More café-style drop-ins 👍'],
    ]);
    expect(csv).toBe('\uFEFFname,response\r\nZoë,More café-style drop-ins 👍\r\n');
  });
});
