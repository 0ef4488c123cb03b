import { describe, expect, it } from '@jest/globals';
import { UnacknowledgedChanges } from './unacknowledged-changes.js';

describe('counting changes not yet saved', () => {
  it('counts a live change until the server acknowledges it', () => {
    const changes = new UnacknowledgedChanges();
    const first = changes.sentLive();
    const second = changes.sentLive();
    expect(changes.count).toBe(2);
    expect(changes.acknowledged(first.id)).toBe(true);
    expect(changes.count).toBe(1);
    changes.acknowledged(second.id);
    expect(changes.count).toBe(0);
  });

  it('sends offline changes as one catch-up update and clears them all on its acknowledgement', () => {
    const changes = new UnacknowledgedChanges();
    changes.madeOffline();
    changes.madeOffline();
    changes.madeOffline();
    expect(changes.count).toBe(3);
    const catchUp = changes.sentCatchUp();
    expect(catchUp.changes).toBe(3);
    expect(changes.unsent).toBe(0);
    expect(changes.count).toBe(3);
    changes.acknowledged(catchUp.id);
    expect(changes.count).toBe(0);
  });

  it('keeps changes in flight when the connection drops, for the next catch-up update', () => {
    const changes = new UnacknowledgedChanges();
    const live = changes.sentLive();
    changes.madeOffline();
    changes.connectionLost();
    expect(changes.count).toBe(2);
    expect(changes.unsent).toBe(2);
    expect(changes.acknowledged(live.id)).toBe(false);
    expect(changes.count).toBe(2);
    expect(changes.sentCatchUp().changes).toBe(2);
  });

  it('puts a change whose acknowledgement timed out back in line', () => {
    const changes = new UnacknowledgedChanges();
    const live = changes.sentLive();
    expect(changes.lost(live.id)).toBe(true);
    expect(changes.unsent).toBe(1);
    expect(changes.lost(live.id)).toBe(false);
    expect(changes.count).toBe(1);
  });

  it('forgets waiting changes the server turns out to have already', () => {
    const changes = new UnacknowledgedChanges();
    changes.madeOffline();
    changes.coveredByServer();
    expect(changes.count).toBe(0);
  });

  it('gives up a refused change, and everything when edit access is withdrawn', () => {
    const changes = new UnacknowledgedChanges();
    const refused = changes.sentLive();
    changes.sentLive();
    changes.madeOffline();
    expect(changes.rejected(refused.id)).toBe(true);
    expect(changes.count).toBe(2);
    expect(changes.discardAll()).toBe(2);
    expect(changes.count).toBe(0);
  });

  it('counts messages sent again as one until that one is acknowledged, and ignores the old ones', () => {
    const changes = new UnacknowledgedChanges();
    const first = changes.sentLive();
    const second = changes.sentLive();
    const third = changes.sentLive();
    const together = changes.combined([first.id, second.id]);
    expect(together.changes).toBe(2);
    expect(changes.count).toBe(3);
    expect(changes.acknowledged(first.id)).toBe(false);
    expect(changes.count).toBe(3);
    expect(changes.acknowledged(together.id)).toBe(true);
    expect(changes.count).toBe(1);
    expect(changes.acknowledged(third.id)).toBe(true);
    expect(changes.count).toBe(0);
  });
});
