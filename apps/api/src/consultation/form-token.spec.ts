import { describe, expect, it } from '@jest/globals';
import { formServedAt, signFormToken } from './form-token.js';

const secret = 'a-test-secret-that-is-long-enough-to-use';
const planId = '0b5c8f0e-8a4e-4b8b-9a53-0d7c1f6d2a11';

describe('form token', () => {
  it('gives back the moment the form was served', () => {
    const servedAt = new Date('2026-11-23T10:15:00.123Z');
    expect(formServedAt(secret, planId, signFormToken(secret, planId, servedAt))).toEqual(servedAt);
  });

  it('refuses a token with its time changed, for another plan, or signed with another secret', () => {
    const token = signFormToken(secret, planId, new Date('2026-11-23T10:15:00Z'));
    const [, sig] = token.split('.');
    expect(formServedAt(secret, planId, `1000.${sig}`)).toBeNull();
    expect(formServedAt(secret, '7d8c1f6d-2a11-4b8b-9a53-0b5c8f0e8a4e', token)).toBeNull();
    expect(formServedAt('another-secret', planId, token)).toBeNull();
    expect(formServedAt(secret, planId, 'not a token')).toBeNull();
  });
});
