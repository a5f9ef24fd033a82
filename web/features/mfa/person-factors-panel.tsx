import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { factorsView } from '../../../shared/api/mfa.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';

/** A person's second factors for the システム管理者, with the reset (A21; audited on the server). */
export function PersonFactorsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const client = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const key = ['people', personId, 'factors'];
  const factors = useQuery({
    queryKey: key,
    queryFn: () => api(`/api/people/${encodeURIComponent(personId)}/factors`, { schema: factorsView }),
  });
  const reset = useMutation({
    mutationFn: () =>
      api<void>(`/api/people/${encodeURIComponent(personId)}/factors/reset`, { method: 'POST' }),
    onSuccess: async () => {
      setNotice(t('mfa.resetDone'));
      await client.invalidateQueries({ queryKey: key });
    },
  });
  if (factors.isPending) return <Loading />;
  if (factors.isError) return <QueryError error={factors.error} onRetry={() => void factors.refetch()} />;
  const f = factors.data;
  return (
    <div>
      <p className="mb-4 max-w-3xl">{t('mfa.factorsIntro')}</p>
      <LiveRegion>
        {notice && <Alert tone="success" title={notice} />}
        {reset.isError && <Alert tone="error" title={errorMessage(reset.error, locale)} />}
      </LiveRegion>
      <ul className="mb-4">
        <li>{t('mfa.summaryTotp', { value: f.totp ? t('mfa.yes') : t('mfa.no') })}</li>
        <li>{t('mfa.summaryKeys', { count: f.securityKeys.length })}</li>
        <li>{t('mfa.summaryRecovery', { count: f.recoveryCodesRemaining })}</li>
      </ul>
      <button
        type="button"
        className="btn-danger"
        disabled={
          reset.isPending || (!f.totp && f.securityKeys.length === 0 && f.recoveryCodesRemaining === 0)
        }
        onClick={() => {
          if (window.confirm(t('mfa.resetConfirm'))) reset.mutate();
        }}
      >
        {t('mfa.reset')}
      </button>
    </div>
  );
}
