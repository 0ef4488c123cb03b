/**
 * Runs a task for a key at most once at a time. Asked for while it runs, it runs once more when the
 * run in hand ends (what the asker wanted may have happened after that run began), however many ask
 * meanwhile, and every asker is answered when that last run ends.
 *
 * A section's resynchronisation from PostgreSQL is run this way: after Redis comes back, every
 * change relayed from another instance that finds something missing asks for one, and each read the
 * whole log on a pooled connection of its own, so a burst of them could hold every connection while
 * the group commit waited for one.
 */
export class OneRunAtATime<K> {
  private readonly running = new Map<K, Promise<void>>();
  private readonly again = new Set<K>();

  run(key: K, task: () => Promise<void>): Promise<void> {
    const inHand = this.running.get(key);
    if (inHand) {
      this.again.add(key);
      return inHand;
    }
    const runs = (async () => {
      do {
        this.again.delete(key);
        await task();
      } while (this.again.has(key));
    })().finally(() => {
      this.running.delete(key);
      this.again.delete(key);
    });
    this.running.set(key, runs);
    return runs;
  }
}
