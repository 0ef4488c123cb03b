import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { signInPathFor } from './return-to';
import { useSession } from './use-session.hook';

/** Pages inside need a signed-in person; anyone else is sent to sign in and brought back after. */
export function RequireSignIn() {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <LoadingMessage />;
  if (me === null) return <Navigate to={signInPathFor(location)} replace />;
  return <Outlet />;
}
