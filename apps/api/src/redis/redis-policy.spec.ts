import { describe, expect, it } from '@jest/globals';
import { appendOnlyOf, evictionPolicyOf, evictionPolicyProblem } from './redis-policy.js';

describe('the Redis eviction policy check', () => {
  it('reads the policy from INFO memory', () => {
    const info = '# Memory\r\nused_memory:1000\r\nmaxmemory_policy:allkeys-lru\r\nother:1\r\n';
    expect(evictionPolicyOf(info)).toBe('allkeys-lru');
    expect(evictionPolicyOf('# Memory\r\n')).toBeNull();
  });

  it('accepts noeviction and names any other policy in its refusal', () => {
    expect(evictionPolicyProblem('noeviction')).toBeNull();
    expect(evictionPolicyProblem('volatile-lru')).toContain('maxmemory-policy volatile-lru');
    expect(evictionPolicyProblem('allkeys-lru')).toContain('noeviction');
  });

  it('reads whether the append-only file is on from INFO persistence', () => {
    expect(appendOnlyOf('# Persistence\r\nloading:0\r\naof_enabled:1\r\n')).toBe(true);
    expect(appendOnlyOf('# Persistence\r\naof_enabled:0\r\n')).toBe(false);
    expect(appendOnlyOf('# Persistence\r\n')).toBeNull();
  });
});
