import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'commonplan:public';
export const IS_ANONYMOUS = 'commonplan:anonymous';

/** Marks a route that answers without a session (sign-in, health, invitations, public pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Marks a route that answers everyone the same, signed in or not: the session cookie is not even
 * read, so the answer can be cached and never sets or clears a cookie.
 */
export const Anonymous = () => SetMetadata(IS_ANONYMOUS, true);
