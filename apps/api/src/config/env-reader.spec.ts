import { describe, expect, it } from '@jest/globals';
import { ConfigError, EnvReader } from './env-reader.js';

describe('reading configuration from the environment', () => {
  it('uses the fallback when a variable is missing or blank', () => {
    const reader = new EnvReader({ BLANK: '   ' });
    expect(reader.string('MISSING', 'fallback')).toBe('fallback');
    expect(reader.integer('BLANK', 7)).toBe(7);
    expect(reader.boolean('MISSING', true)).toBe(true);
    expect(reader.optionalString('BLANK')).toBeUndefined();
    expect(() => reader.check()).not.toThrow();
  });

  it('trims the values it reads', () => {
    expect(new EnvReader({ HOST: ' 0.0.0.0 ' }).string('HOST', 'x')).toBe('0.0.0.0');
  });

  it('reads whole numbers within their range and refuses others by name', () => {
    const reader = new EnvReader({ OK: '42', WORD: 'abc', LOW: '-5', FRACTION: '1.5' });
    expect(reader.integer('OK', 0, { min: 1, max: 100 })).toBe(42);
    expect(reader.integer('WORD', 3)).toBe(3);
    expect(reader.integer('LOW', 3, { min: 1 })).toBe(3);
    expect(reader.integer('FRACTION', 3)).toBe(3);
    expect(reader.problems).toEqual([
      `WORD must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got "abc")`,
      `LOW must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER} (got "-5")`,
      `FRACTION must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got "1.5")`,
    ]);
  });

  it('reads true/false, 1/0 and yes/no in any case', () => {
    const reader = new EnvReader({ A: 'TRUE', B: '0', C: 'Yes', D: 'no', E: 'maybe' });
    expect(['A', 'B', 'C', 'D'].map((name) => reader.boolean(name, false))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(reader.boolean('E', true)).toBe(true);
    expect(reader.problems).toEqual(['E must be true or false (got "maybe")']);
  });

  it('accepts only the listed values for a choice', () => {
    const reader = new EnvReader({ LEVEL: 'loud' });
    expect(reader.oneOf('LEVEL', ['info', 'debug'], 'info')).toBe('info');
    expect(reader.problems).toEqual(['LEVEL must be one of info, debug (got "loud")']);
  });

  it('accepts URLs of the allowed protocols only', () => {
    const reader = new EnvReader({
      GOOD: 'postgres://db/app',
      WRONG: 'mysql://db/app',
      BROKEN: 'not a url',
    });
    expect(reader.url('GOOD', undefined, ['postgres:'])).toBe('postgres://db/app');
    reader.url('WRONG', undefined, ['postgres:', 'postgresql:']);
    reader.url('BROKEN', undefined, ['postgres:']);
    expect(reader.url('ABSENT', undefined, ['postgres:'])).toBeUndefined();
    expect(reader.problems).toEqual([
      'WRONG must be a postgres: or postgresql: URL (got "mysql:")',
      'BROKEN must be a URL (got "not a url")',
    ]);
  });

  it('reports every problem at once, each naming its variable', () => {
    const reader = new EnvReader({ PORT: 'abc', DEBUG: 'perhaps' });
    reader.integer('PORT', 3000);
    reader.boolean('DEBUG', false);
    let thrown: unknown;
    try {
      reader.check();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toHaveLength(2);
    expect((thrown as ConfigError).message).toBe(
      [
        'Invalid configuration:',
        `  - PORT must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got "abc")`,
        '  - DEBUG must be true or false (got "perhaps")',
      ].join('\n'),
    );
  });
});
