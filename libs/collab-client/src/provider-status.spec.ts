import { describe, expect, it } from '@jest/globals';
import { nextStatus, type ProviderStatus, type StatusEvent } from './provider-status.js';

function run(events: StatusEvent[], from: ProviderStatus = 'connecting'): ProviderStatus {
  return events.reduce(nextStatus, from);
}

describe('the provider status', () => {
  it('goes from connecting through syncing to synced', () => {
    expect(run([{ type: 'joined' }])).toBe('syncing');
    expect(run([{ type: 'joined' }, { type: 'synced' }])).toBe('synced');
  });

  it('is offline when the connection drops, and syncs again after reconnecting', () => {
    const dropped = run([{ type: 'joined' }, { type: 'synced' }, { type: 'connection-lost' }]);
    expect(dropped).toBe('offline');
    expect(run([{ type: 'joined' }, { type: 'synced' }], dropped)).toBe('synced');
    expect(run([{ type: 'connect' }], dropped)).toBe('connecting');
  });

  it('does not call itself synced on a late answer after the connection dropped', () => {
    expect(run([{ type: 'joined' }, { type: 'connection-lost' }, { type: 'synced' }])).toBe(
      'offline',
    );
  });

  it('stays refused when the connection drops, until someone connects again', () => {
    const refused = run([{ type: 'refused' }]);
    expect(run([{ type: 'connection-lost' }], refused)).toBe('refused');
    expect(run([{ type: 'connect' }], refused)).toBe('connecting');
    expect(run([{ type: 'joined' }], refused)).toBe('syncing');
  });

  it('leaves a working connection alone when asked to connect again', () => {
    expect(run([{ type: 'joined' }, { type: 'synced' }, { type: 'connect' }])).toBe('synced');
  });
});
