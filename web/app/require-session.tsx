import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './session.ts';
import { QueryError } from '../ui/query-state.tsx';

/** Every screen but sign-in and setup needs a session; without one, go to /login and come back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) {
    return (
      <main id="main" className="p-8">
        <p role="status">{t('common.loading')}</p>
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="p-8">
        <h1 className="text-2xl">{t('common.errorTitle')}</h1>
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // A21-2: a temporary or too old password is changed before anything else (the server refuses too).
  if (session.data.passwordChangeRequired && location.pathname !== '/account/password')
    return <Navigate to="/account/password" replace />;
  return children;
}
