/** One message carrying local changes to the server, waiting for its acknowledgement. */
export interface SentChanges {
  id: number;
  /** How many local changes this message covers (a catch-up update after a reconnect covers many). */
  changes: number;
}

/**
 * Counts local changes the server has not yet acknowledged as durable. A change is either waiting
 * to be sent (made offline, or before the sync exchange) or sent and waiting for its acknowledgement.
 * When the connection drops, whatever was in flight counts as waiting again: the catch-up update
 * sent after the next join carries it, because Yjs updates can be applied twice without harm.
 */
export class UnacknowledgedChanges {
  private waiting = 0;
  private readonly inFlight = new Map<number, number>();
  private nextId = 1;

  get count(): number {
    let total = this.waiting;
    for (const changes of this.inFlight.values()) total += changes;
    return total;
  }

  /** Changes made locally that are not yet in any message. */
  get unsent(): number {
    return this.waiting;
  }

  /** A local change that will travel with the next catch-up update. */
  madeOffline(): void {
    this.waiting += 1;
  }

  /** A local change sent on its own, right away. */
  sentLive(): SentChanges {
    return this.track(1);
  }

  /** Everything waiting, sent as one catch-up update. */
  sentCatchUp(): SentChanges {
    const changes = this.waiting;
    this.waiting = 0;
    return this.track(changes);
  }

  /** The server has everything waiting (its state already covers it): nothing left to send. */
  coveredByServer(): void {
    this.waiting = 0;
  }

  /** The server made a message durable. Returns false for a message it no longer tracks. */
  acknowledged(id: number): boolean {
    return this.inFlight.delete(id);
  }

  /** A message will never be saved (the server refused it for good); its changes are given up. */
  rejected(id: number): boolean {
    return this.inFlight.delete(id);
  }

  /** A message's acknowledgement will not come; its changes wait for the next catch-up update. */
  lost(id: number): boolean {
    const changes = this.inFlight.get(id);
    if (changes === undefined) return false;
    this.inFlight.delete(id);
    this.waiting += changes;
    return true;
  }

  /**
   * Messages in flight to be sent again as one: their changes now travel in a new message, and an
   * acknowledgement of any of the old ones no longer counts. Returns the new message.
   */
  combined(ids: readonly number[]): SentChanges {
    let changes = 0;
    for (const id of ids) {
      changes += this.inFlight.get(id) ?? 0;
      this.inFlight.delete(id);
    }
    return this.track(changes);
  }

  /** The connection dropped: nothing in flight will be acknowledged. */
  connectionLost(): void {
    for (const id of [...this.inFlight.keys()]) this.lost(id);
  }

  /** This person may no longer change the section: nothing they have not saved can be. */
  discardAll(): number {
    const discarded = this.count;
    this.waiting = 0;
    this.inFlight.clear();
    return discarded;
  }

  private track(changes: number): SentChanges {
    const sent = { id: this.nextId++, changes };
    this.inFlight.set(sent.id, changes);
    return sent;
  }
}
