import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api.ts';
import { usePreferences } from '../app/preferences.tsx';
import { Alert } from './alert.tsx';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="my-6 text-ink-muted">
      {t('common.loading')}
    </p>
  );
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <div role="alert">
      <Alert tone="error" title={t('common.errorTitle')}>
        <p>{errorMessage(error, locale)}</p>
        {onRetry && (
          <button type="button" className="btn-secondary btn-sm mt-3" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </Alert>
    </div>
  );
}

/** Renders loading and error states of a query, and the children with its data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
