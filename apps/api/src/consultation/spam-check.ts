/**
 * Decides whether a public response looks like spam, from what was sent and a few facts the
 * caller looked up. Pure, so every rule is tested without a server. A response with any reason is
 * held as `spam`: kept for a lead to look at, never counted, and the sender is told the same as
 * everyone else (so a bot learns nothing).
 */

export type SpamReason =
  | 'honeypot_filled'
  | 'form_token_invalid'
  | 'sent_too_fast'
  | 'too_many_links'
  | 'url_shortener'
  | 'blocked_words'
  | 'repeated_text';

export interface SpamCheckInput {
  body: string;
  /** The hidden field people never see; anything in it was filled in by a program. */
  honeypot: string | undefined;
  /** When the form was served, from its verified token; null when the token's signature is wrong. */
  formServedAt: Date | null;
  now: Date;
  /** Whether the same text (see `normaliseForComparison`) was already sent on this plan. */
  sameTextSeenBefore: boolean;
}

export interface SpamRules {
  minFillSeconds: number;
  maxLinks: number;
  /** Lower-case words or phrases. */
  blockedWords: readonly string[];
}

export const urlShorteners: readonly string[] = [
  'bit.ly',
  'tinyurl.com',
  'goo.gl',
  't.co',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
];

const linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const hostPattern = /^(?:https?:\/\/)?(?:www\.)?([^/\s?#:]+)/i;

export function linksIn(text: string): string[] {
  return text.match(linkPattern) ?? [];
}

function shortenedLink(text: string): boolean {
  const hosts = new Set(urlShorteners);
  const bareShortLink = new RegExp(
    `(?:^|[\\s(])(?:${urlShorteners.map((h) => h.replace(/\./g, '\\.')).join('|')})/\\S+`,
    'i',
  );
  if (bareShortLink.test(text)) return true;
  return linksIn(text).some((link) => {
    const host = hostPattern.exec(link)?.[1]?.toLowerCase();
    return host !== undefined && hosts.has(host);
  });
}

/** Text with case, spacing and punctuation evened out, so trivially altered copies compare equal. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function containsBlockedWord(text: string, blockedWords: readonly string[]): boolean {
  const normalised = ` ${normaliseForComparison(text)} `;
  return blockedWords.some((word) => {
    const phrase = normaliseForComparison(word);
    return phrase !== '' && normalised.includes(` ${phrase} `);
  });
}

export function spamReasons(input: SpamCheckInput, rules: SpamRules): SpamReason[] {
  const reasons: SpamReason[] = [];
  if (input.honeypot !== undefined && input.honeypot.trim() !== '') reasons.push('honeypot_filled');
  if (input.formServedAt === null) reasons.push('form_token_invalid');
  else if (input.now.getTime() - input.formServedAt.getTime() < rules.minFillSeconds * 1000)
    reasons.push('sent_too_fast');
  if (linksIn(input.body).length > rules.maxLinks) reasons.push('too_many_links');
  if (shortenedLink(input.body)) reasons.push('url_shortener');
  if (containsBlockedWord(input.body, rules.blockedWords)) reasons.push('blocked_words');
  if (input.sameTextSeenBefore) reasons.push('repeated_text');
  return reasons;
}

export const spamReasonLabels: Record<SpamReason, string> = {
  honeypot_filled: 'a hidden field was filled in',
  form_token_invalid: 'the form token was not ours',
  sent_too_fast: 'sent within seconds of opening the form',
  too_many_links: 'too many links',
  url_shortener: 'a shortened link',
  blocked_words: 'a blocked word',
  repeated_text: 'the same text was sent before',
};
