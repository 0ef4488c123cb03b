import { describe, expect, it } from '@jest/globals';
import { parseBenchOptions } from './bench-options.js';
import {
  defaultGeneratorCpuLimitPercent,
  editingPeople,
  generatorsValid,
  planEditors,
  planOneSection,
} from './shape-run.js';

describe('a run with a saturated load generator', () => {
  it('is invalid when any generator used more of a core than the limit', () => {
    expect(generatorsValid([20, 40], defaultGeneratorCpuLimitPercent)).toBe(true);
    expect(generatorsValid([20, 86], defaultGeneratorCpuLimitPercent)).toBe(false);
    expect(generatorsValid([20, 85], defaultGeneratorCpuLimitPercent)).toBe(true);
    expect(generatorsValid([3], 1)).toBe(false);
  });
});

describe('editors shared among generators', () => {
  const authors = Array.from({ length: 40 }, (_, i) => `author-${i}@example.nhs.uk`);

  it('keeps whole sections in one generator and no person over ten connections', () => {
    const sections = Array.from({ length: 50 }, (_, i) => `section-${i}`);
    const plans = planEditors(sections, 4, 4, authors, false);
    expect(plans.flat()).toHaveLength(200);
    for (const plan of plans) {
      const perPerson = new Map<string, number>();
      for (const editor of plan)
        perPerson.set(editor.email, (perPerson.get(editor.email) ?? 0) + 1);
      expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(10);
    }
    const generatorOf = new Map<string, number>();
    plans.forEach((plan, index) =>
      plan.forEach((editor) => {
        expect(generatorOf.get(editor.sectionId) ?? index).toBe(index);
        generatorOf.set(editor.sectionId, index);
      }),
    );
  });

  it('has people enough for the full and the quick shape (a)', () => {
    for (const argv of [[], ['--quick']]) {
      const { a } = parseBenchOptions(argv);
      const sections = Array.from({ length: a.sections }, (_, i) => `section-${i}`);
      const people = authors.slice(0, editingPeople);
      expect(
        planEditors(sections, a.editorsPerSection, a.generators, people, false).flat(),
      ).toHaveLength(a.sections * a.editorsPerSection);
    }
  });

  it('has exactly one editor per section bring the starting text when asked', () => {
    const sections = ['s1', 's2', 's3'];
    const seeded = planEditors(sections, 4, 2, authors, true).flat();
    for (const sectionId of sections)
      expect(seeded.filter((e) => e.sectionId === sectionId && e.seedText)).toHaveLength(1);
    expect(
      planEditors(sections, 4, 2, authors, false)
        .flat()
        .some((e) => e.seedText),
    ).toBe(false);
    const crowded = planOneSection('s', 50, 2, authors, true).flat();
    expect(crowded).toHaveLength(50);
    expect(crowded.filter((e) => e.seedText)).toHaveLength(1);
  });
});

describe('the command line', () => {
  it('runs every server and shape three times by default', () => {
    const options = parseBenchOptions([]);
    expect(options).toMatchObject({
      runs: 3,
      servers: ['commonplan', 'y-websocket', 'hocuspocus'],
      shapes: ['a', 'b', 'c', 'd'],
      out: null,
    });
    expect(options.a.sections).toBe(50);
    expect(options.d.idleConnections).toBe(500);
  });

  it('filters servers and shapes and takes --out and --quick', () => {
    const options = parseBenchOptions([
      '--quick',
      '--servers',
      'hocuspocus,commonplan',
      '--shapes=c,a',
      '--out',
      '/tmp/x.json',
    ]);
    expect(options).toMatchObject({
      quick: true,
      servers: ['commonplan', 'hocuspocus'],
      shapes: ['a', 'c'],
      out: '/tmp/x.json',
    });
    expect(options.a.sections).toBeLessThan(50);
  });

  it('runs the socket.io relay only when asked for', () => {
    expect(parseBenchOptions([]).servers).not.toContain('socketio-relay');
    expect(parseBenchOptions(['--servers', 'socketio-relay,y-websocket']).servers).toEqual([
      'y-websocket',
      'socketio-relay',
    ]);
  });

  it('refuses unknown servers, shapes and options, and fewer than three runs', () => {
    expect(() => parseBenchOptions(['--servers', 'sharedb'])).toThrow(/unknown server sharedb/);
    expect(() => parseBenchOptions(['--shapes', 'e'])).toThrow(/unknown shape e/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option/);
    expect(() => parseBenchOptions(['--runs', '2'])).toThrow(/at least|from 3/);
  });
});
