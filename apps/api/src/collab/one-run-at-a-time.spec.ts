import { describe, expect, it } from '@jest/globals';
import { OneRunAtATime } from './one-run-at-a-time.js';

/** A task that waits until let go, counting its runs. */
function aHeldTask() {
  let runs = 0;
  let release: () => void = () => undefined;
  const task = () => {
    runs += 1;
    return new Promise<void>((resolve) => (release = resolve));
  };
  return { task, runs: () => runs, release: () => release() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('one run at a time', () => {
  it('runs once more after the run in hand, however many ask meanwhile, and answers them all then', async () => {
    const once = new OneRunAtATime<string>();
    const held = aHeldTask();
    const answered: number[] = [];
    const first = once.run('section', held.task).then(() => answered.push(1));
    const later = [2, 3, 4].map((n) => once.run('section', held.task).then(() => answered.push(n)));
    await settle();
    expect(held.runs()).toBe(1);
    held.release();
    await settle();
    expect(held.runs()).toBe(2);
    expect(answered).toEqual([]);
    held.release();
    await Promise.all([first, ...later]);
    expect(held.runs()).toBe(2);
    expect(answered.sort()).toEqual([1, 2, 3, 4]);
  });

  it('runs other keys alongside, and starts afresh after a run that failed', async () => {
    const once = new OneRunAtATime<string>();
    const held = aHeldTask();
    const other = aHeldTask();
    const one = once.run('one', held.task);
    const two = once.run('two', other.task);
    await settle();
    expect([held.runs(), other.runs()]).toEqual([1, 1]);
    held.release();
    other.release();
    await Promise.all([one, two]);

    await expect(once.run('one', () => Promise.reject(new Error('database away')))).rejects.toThrow(
      'database away',
    );
    const again = once.run('one', held.task);
    await settle();
    expect(held.runs()).toBe(2);
    held.release();
    await again;
  });
});
