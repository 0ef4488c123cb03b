import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LoggedRows } from './logged-rows.js';

const operation = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), seq: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant('range' as const),
    seq: fc.integer({ min: 1, max: 60 }),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ kind: fc.constant('forget' as const), seq: fc.integer({ min: 0, max: 60 }) }),
);

describe('the log rows a document holds', () => {
  it('answers as a set of row numbers would, whatever is added and forgotten in any order', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const rows = new LoggedRows();
        const model = new Set<number>();
        for (const op of operations) {
          if (op.kind === 'add') {
            rows.add(String(op.seq));
            model.add(op.seq);
          } else if (op.kind === 'range') {
            rows.addRange(String(op.seq), String(op.seq + op.length - 1));
            for (let n = op.seq; n < op.seq + op.length; n += 1) model.add(n);
          } else {
            rows.forgetThrough(String(op.seq));
            for (const n of model) if (n <= op.seq) model.delete(n);
          }
          expect(rows.size).toBe(model.size);
        }
        for (let n = 0; n <= 75; n += 1) expect(rows.has(String(n))).toBe(model.has(n));
      }),
      { numRuns: 500 },
    );
  });

  it('holds a long log read in pages as a handful of ranges', () => {
    const rows = new LoggedRows();
    rows.addRange('1', '2000');
    rows.addRange('2001', '12000');
    rows.add('12002');
    rows.add('12001');
    expect(rows.size).toBe(12_002);
    const more = new LoggedRows();
    more.addRange('12010', '12020');
    more.add('3');
    rows.addAll(more);
    expect(rows.size).toBe(12_013);
    expect(rows.has('12015')).toBe(true);
    expect(rows.has('12002')).toBe(true);
    expect(rows.has('12003')).toBe(false);
  });

  it('refuses what is not a row number rather than tracking the wrong rows', () => {
    const rows = new LoggedRows();
    expect(() => rows.add('9007199254740993')).toThrow(/not a log row number/);
    expect(() => rows.add('twelve')).toThrow(/not a log row number/);
    expect(() => rows.addRange('5', '4')).toThrow(/reversed/);
  });
});
