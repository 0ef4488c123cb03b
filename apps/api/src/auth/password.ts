import argon2 from 'argon2';
import { passwordProblem, passwordProblemMessages } from '@commonplan/domain';
import { authError, AuthErrorCode } from './auth.errors.js';

export { maxPasswordLength, minPasswordLength } from '@commonplan/domain';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A hash of nothing in particular, checked when no account matches so that both paths take as long. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  hash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('no account has this password');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** Refuses a new password that breaks the policy, with a message saying what to choose instead. */
export function assertAcceptablePassword(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem)
    throw authError(AuthErrorCode.WeakPassword, {
      message: passwordProblemMessages[problem],
      field,
    });
}
