import type { Me } from '@commonplan/domain';
import { createContext } from 'react';

export interface Session {
  /** Undefined while we ask the API who is signed in; null when nobody is. */
  me: Me | null | undefined;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  /** The session was ended another way (sign out everywhere): forget it without asking the API. */
  signedOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);
