import { describe, expect, it } from '@jest/globals';
import { normaliseForComparison, spamReasons, type SpamCheckInput } from './spam-check.js';

const rules = { minFillSeconds: 5, maxLinks: 2, blockedWords: ['casino', 'cheap pills'] };
const now = new Date('2026-11-23T12:00:00Z');
const ordinary: SpamCheckInput = {
  body: 'The plan should say more about mental health services for young people in Swindon.',
  honeypot: '',
  formServedAt: new Date(now.getTime() - 120_000),
  now,
  sameTextSeenBefore: false,
};

describe('spam check', () => {
  it('finds nothing wrong with an ordinary response', () => {
    expect(spamReasons(ordinary, rules)).toEqual([]);
  });

  it('holds a response whose hidden field was filled in', () => {
    expect(spamReasons({ ...ordinary, honeypot: 'http://example.com' }, rules)).toEqual([
      'honeypot_filled',
    ]);
  });

  it('holds a response sent within seconds of the form being served', () => {
    expect(
      spamReasons({ ...ordinary, formServedAt: new Date(now.getTime() - 2_000) }, rules),
    ).toEqual(['sent_too_fast']);
    expect(
      spamReasons({ ...ordinary, formServedAt: new Date(now.getTime() - 5_000) }, rules),
    ).toEqual([]);
  });

  it('holds a response whose form token was not signed by us', () => {
    expect(spamReasons({ ...ordinary, formServedAt: null }, rules)).toEqual(['form_token_invalid']);
  });

  it('holds a response with more links than allowed, but not one with a couple', () => {
    const twoLinks = 'See https://www.nhs.uk/conditions and www.england.nhs.uk for the background.';
    expect(spamReasons({ ...ordinary, body: twoLinks }, rules)).toEqual([]);
    const threeLinks = `${twoLinks} Also https://example.org/more`;
    expect(spamReasons({ ...ordinary, body: threeLinks }, rules)).toEqual(['too_many_links']);
  });

  it('holds a response with a shortened link, with or without its scheme', () => {
    expect(spamReasons({ ...ordinary, body: 'Read this: https://bit.ly/3abc now' }, rules)).toEqual(
      ['url_shortener'],
    );
    expect(spamReasons({ ...ordinary, body: 'Read this: tinyurl.com/xyz now' }, rules)).toEqual([
      'url_shortener',
    ]);
  });

  it('does not mistake a word ending like a shortener for one', () => {
    expect(
      spamReasons(
        { ...ordinary, body: 'I visited https://www.bit.ly.example.org/page today' },
        rules,
      ),
    ).toEqual([]);
  });

  it('holds a response with a blocked word or phrase, whole words only, whatever the case', () => {
    expect(spamReasons({ ...ordinary, body: 'Best CASINO bonuses here!!!' }, rules)).toEqual([
      'blocked_words',
    ]);
    expect(spamReasons({ ...ordinary, body: 'Buy cheap   pills online today' }, rules)).toEqual([
      'blocked_words',
    ]);
    expect(
      spamReasons({ ...ordinary, body: 'Occasionally the casinos of old were hospitals.' }, rules),
    ).toEqual([]);
  });

  it('holds text already sent on the plan', () => {
    expect(spamReasons({ ...ordinary, sameTextSeenBefore: true }, rules)).toEqual([
      'repeated_text',
    ]);
  });

  it('gives every reason that applies', () => {
    expect(
      spamReasons(
        {
          body: 'casino https://bit.ly/a https://a.example https://b.example',
          honeypot: 'x',
          formServedAt: now,
          now,
          sameTextSeenBefore: true,
        },
        rules,
      ),
    ).toEqual([
      'honeypot_filled',
      'sent_too_fast',
      'too_many_links',
      'url_shortener',
      'blocked_words',
      'repeated_text',
    ]);
  });

  it('compares texts with case, spacing and punctuation evened out', () => {
    expect(normaliseForComparison('  More  GP appointments, please!  ')).toBe(
      normaliseForComparison('more gp appointments please'),
    );
  });
});
