import type { User } from './user.entity.js';

/** Who a request comes from, once its session cookie has been checked. */
export interface AuthContext {
  user: User;
  sessionId: string;
  isAdmin: boolean;
}
