/**
 * What this instance knows about which other API instances hold a section in memory: the
 * bookkeeping behind "publish a change to Redis only when someone else can use it" (decision 13).
 * Pure: CollabFanout feeds it what it reads from Redis and hears on the channel, and asks it before
 * each publish. The safe answer is always "publish": a section whose holders are not yet known
 * (just opened, or Redis just came back) counts as held elsewhere.
 */
interface Holding {
  /** Whether the registry has been read since this instance started holding it (or Redis came back). */
  read: boolean;
  /** Other instances known to hold it, each with the time (epoch ms) its registration runs out. */
  others: Map<string, number>;
}

export class SectionHolders {
  private readonly held = new Map<string, Holding>();

  /** Starts holding a section; until its holders are read, every change of it is published. */
  hold(sectionId: string): void {
    this.held.set(sectionId, { read: false, others: new Map() });
  }

  release(sectionId: string): void {
    this.held.delete(sectionId);
  }

  holds(sectionId: string): boolean {
    return this.held.has(sectionId);
  }

  /**
   * Identifies this holding of the section: a registry read issued for an earlier holding (the
   * section was dropped and opened again meanwhile) must not count for this one.
   */
  holding(sectionId: string): object | undefined {
    return this.held.get(sectionId);
  }

  heldSections(): string[] {
    return [...this.held.keys()];
  }

  /** Every section's holders must be read again (Redis was away: we may have missed news). */
  forgetOthers(): void {
    for (const holding of this.held.values()) holding.read = false;
  }

  /**
   * The other holders read from the registry (instance id → registered until, epoch ms). Anyone
   * heard from meanwhile is kept: the read may have run before they registered.
   */
  readFromRegistry(sectionId: string, others: Map<string, number>, now: number): void {
    const holding = this.held.get(sectionId);
    if (!holding) return;
    for (const [instance, until] of holding.others)
      if (until > now && !others.has(instance)) others.set(instance, until);
    holding.others = others;
    holding.read = true;
  }

  /** Another instance said it holds the section (it opened it, or answered our opening). */
  heardFrom(sectionId: string, instance: string, until: number): void {
    const holding = this.held.get(sectionId);
    if (!holding) return;
    holding.others.set(instance, Math.max(until, holding.others.get(instance) ?? 0));
  }

  /** Another instance dropped the section. */
  released(sectionId: string, instance: string): void {
    this.held.get(sectionId)?.others.delete(instance);
  }

  /** Whether a change of this section must be published: someone else may hold it. */
  othersMayHold(sectionId: string, now: number): boolean {
    const holding = this.held.get(sectionId);
    // Not held here (presence removed after a drop, say), or not read yet: publish, the safe side.
    if (!holding || !holding.read) return true;
    for (const until of holding.others.values()) if (until > now) return true;
    return false;
  }
}
