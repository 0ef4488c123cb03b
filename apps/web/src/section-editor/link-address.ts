import { safeLinkAddress } from '@commonplan/editor';

/**
 * Accepts what people paste or type: a full address, a bare domain, or an email address. What it
 * makes of them passes the shared link rule last, as every link in section text must.
 */
export function normaliseLinkAddress(input: string): string | null {
  const value = input.trim();
  if (!value || /\s/.test(value)) return null;
  if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(value)) return safeLinkAddress(value);
  if (/^[^@\s/:]+@[^@\s/]+\.[^@\s/]+$/.test(value)) return safeLinkAddress(`mailto:${value}`);
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.'))
      return safeLinkAddress(url.toString());
  } catch {
    return null;
  }
  return null;
}
