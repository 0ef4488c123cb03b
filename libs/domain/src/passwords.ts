/** Password rules both the server and the sign-up forms apply. */
export const minPasswordLength = 10;
export const maxPasswordLength = 200;

/**
 * Passwords long enough to pass the length rule that still appear near the top of every list of
 * leaked passwords, so they are the first an attacker tries. Compared in lower case.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '0123456789',
  '1234567890',
  '12345678910',
  '123456789a',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'a123456789',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'administrator',
  'changeme123',
  'football123',
  'iloveyou123',
  'letmein123',
  'letmeinplease',
  'monkey1234',
  'nhs1234567',
  'passw0rd123',
  'password01',
  'password1!',
  'password12',
  'password123',
  'password1234',
  'password2024',
  'password2025',
  'password2026',
  'password!1',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'qwertyuiop',
  'qwertyuiop1',
  'starwars123',
  'sunshine123',
  'trustno1234',
  'welcome123',
  'welcome1234',
  'zaq12wsxcde',
  'zxcvbnm123',
]);

export type PasswordProblem =
  'too_short' | 'too_long' | 'common' | 'same_as_email' | 'one_character';

/** What is wrong with a new password, or null when it may be used. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < minPasswordLength) return 'too_short';
  if (password.length > maxPasswordLength) return 'too_long';
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'common';
  if (new Set(lower).size === 1) return 'one_character';
  if (email && lower === email.trim().toLowerCase()) return 'same_as_email';
  return null;
}

/** The message a person sees for each problem, saying what to do instead. */
export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `Choose a password of at least ${minPasswordLength} characters.`,
  too_long: `Choose a password of ${maxPasswordLength} characters or fewer.`,
  common:
    'This password is one of the most commonly used, so it is among the first an attacker tries. Choose another: three or four unrelated words work well.',
  one_character: 'Choose a password that is not one character repeated.',
  same_as_email: 'Choose a password that is not your email address.',
};
