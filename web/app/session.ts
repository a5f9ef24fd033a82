import { useQuery, type QueryClient } from '@tanstack/react-query';
import { sessionView, type SessionView } from '../../shared/api/identity.ts';
import { api, ApiError, setCsrfToken } from './api.ts';

export { sessionView, type SessionView };

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when signed out (401). */
export async function fetchSession(): Promise<SessionView | null> {
  try {
    const s = await api('/api/session', { schema: sessionView });
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** The signed-in session; only for components under RequireSession. */
export function useSignedIn(): SessionView {
  const { data } = useSession();
  if (!data) throw new Error('useSignedIn outside RequireSession');
  return data;
}

export function storeSession(client: QueryClient, session: SessionView | null): void {
  if (session) setCsrfToken(session.csrfToken);
  client.setQueryData(SESSION_KEY, session);
}

/**
 * A new person (or nobody) at this browser: forget every cached answer of the previous one, and keep the
 * session query itself so that components already watching it (the language and calendar settings) see
 * the change. (client.clear() would strand those watchers on the removed query.)
 */
export function replaceSession(client: QueryClient, session: SessionView | null): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  storeSession(client, session);
}
