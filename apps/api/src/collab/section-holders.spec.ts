import { describe, expect, it } from '@jest/globals';
import { SectionHolders } from './section-holders.js';

const now = 1_000_000;

describe('whether a change must be published to other instances', () => {
  it('publishes while the registry has not been read yet', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    expect(holders.othersMayHold('s', now)).toBe(true);
  });

  it('stops publishing once the registry says no one else holds the section', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    holders.readFromRegistry('s', new Map(), now);
    expect(holders.othersMayHold('s', now)).toBe(false);
  });

  it('publishes while another registration is live, and not after it runs out', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    holders.readFromRegistry('s', new Map([['other', now + 30_000]]), now);
    expect(holders.othersMayHold('s', now)).toBe(true);
    expect(holders.othersMayHold('s', now + 30_001)).toBe(false);
  });

  it('keeps an instance heard from before a registry read that missed it', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    holders.heardFrom('s', 'newcomer', now + 30_000);
    holders.readFromRegistry('s', new Map(), now);
    expect(holders.othersMayHold('s', now)).toBe(true);
  });

  it('stops publishing when the other holder drops the section', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    holders.readFromRegistry('s', new Map([['other', now + 30_000]]), now);
    holders.released('s', 'other');
    expect(holders.othersMayHold('s', now)).toBe(false);
  });

  it('publishes everything again after Redis was away, until the registry is read again', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    holders.readFromRegistry('s', new Map(), now);
    holders.forgetOthers();
    expect(holders.othersMayHold('s', now)).toBe(true);
  });

  it('tells a holding apart from an earlier holding of the same section', () => {
    const holders = new SectionHolders();
    holders.hold('s');
    const first = holders.holding('s');
    holders.release('s');
    holders.hold('s');
    expect(holders.holding('s')).not.toBe(first);
  });
});
