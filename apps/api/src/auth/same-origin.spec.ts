import { describe, expect, it } from '@jest/globals';
import { isSameOriginChange } from './same-origin.js';

const allowed = ['https://plans.example.nhs.uk'];
const change = (over: Partial<Parameters<typeof isSameOriginChange>[0]>) =>
  isSameOriginChange(
    {
      method: 'POST',
      origin: undefined,
      fetchSite: undefined,
      host: 'plans.example.nhs.uk',
      ...over,
    },
    allowed,
  );

describe('which requests may change something', () => {
  it('a read is allowed from anywhere', () => {
    expect(change({ method: 'GET', origin: 'https://evil.example' })).toBe(true);
  });

  it('a change from the configured origin or our own host is allowed', () => {
    expect(change({ origin: 'https://plans.example.nhs.uk' })).toBe(true);
    expect(change({ origin: 'http://plans.example.nhs.uk', host: 'plans.example.nhs.uk' })).toBe(
      true,
    );
  });

  it('a change from another website, or from an opaque origin, is refused', () => {
    expect(change({ origin: 'https://evil.example' })).toBe(false);
    expect(change({ origin: 'null' })).toBe(false);
    expect(change({ origin: 'https://plans.example.nhs.uk.evil.example' })).toBe(false);
  });

  it('without Origin, a browser saying the request is cross-site or same-site is refused', () => {
    expect(change({ fetchSite: 'cross-site' })).toBe(false);
    expect(change({ fetchSite: 'same-site' })).toBe(false);
    expect(change({ fetchSite: 'same-origin' })).toBe(true);
  });

  it('a request with neither header (not a browser) is allowed', () => {
    expect(change({})).toBe(true);
  });
});
