import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'commonplan:public';

/** Marks a route that answers without a session (sign-in, health, invitations, public pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
