import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../../app/api.ts';
import { Loading, QueryError } from '../../ui/query-state.tsx';

/**
 * Loading and error states of a vault query, then its data. A refusal (no grant, a purpose not
 * registered, a record out of reach) is final: it is shown without 「再読み込み」, which would only
 * ask again and log another denial.
 */
export function VaultQueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const refused = query.error instanceof ApiError && query.error.status >= 400 && query.error.status < 500;
    return <QueryError error={query.error} onRetry={refused ? undefined : () => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
