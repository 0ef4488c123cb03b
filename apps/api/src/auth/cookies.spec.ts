import { describe, expect, it } from '@jest/globals';
import { readCookie } from './cookies.js';

describe('reading the session cookie', () => {
  it('finds the named cookie among others', () => {
    expect(readCookie('a=1; cp_session=abc; b=2', 'cp_session')).toBe('abc');
  });

  it('is undefined when the cookie is absent or malformed', () => {
    expect(readCookie(undefined, 'cp_session')).toBeUndefined();
    expect(readCookie('cp_sessionabc', 'cp_session')).toBeUndefined();
    expect(readCookie('cp_session=%E0%A4%A', 'cp_session')).toBeUndefined();
  });
});
