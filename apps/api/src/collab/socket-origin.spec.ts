import { describe, expect, it } from '@jest/globals';
import { isAllowedSocketOrigin } from './socket-origin.js';

describe('socket origins', () => {
  it('accepts our own host and configured origins only', () => {
    expect(isAllowedSocketOrigin('http://plans.example:3000', 'plans.example:3000', [])).toBe(true);
    expect(
      isAllowedSocketOrigin('https://app.example', 'api.example', ['https://app.example']),
    ).toBe(true);
    expect(isAllowedSocketOrigin('https://evil.example', 'plans.example', [])).toBe(false);
    expect(isAllowedSocketOrigin('not a url', 'plans.example', [])).toBe(false);
  });

  it('refuses a socket with no Origin at all', () => {
    expect(isAllowedSocketOrigin(undefined, 'plans.example', [])).toBe(false);
  });
});
