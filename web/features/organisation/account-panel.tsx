import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountView } from '../../../shared/api/identity.ts';
import { api, errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Section } from '../../ui/page.tsx';

/** For a システム管理者 on a person's page: whether the account is locked, and 「ロック解除」 (A21). */
export function AccountPanel({ personId }: { personId: string }) {
  const session = useSignedIn();
  const isAdmin = session.roles.some((r) => r.role === 'system_administrator');
  return isAdmin ? <AdminAccountPanel personId={personId} /> : null;
}

function AdminAccountPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const client = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const key = ['people', personId, 'account'];
  const account = useQuery({
    queryKey: key,
    queryFn: () => api(`/api/people/${personId}/account`, { schema: accountView }),
  });
  const unlock = useMutation({
    mutationFn: () => api<void>(`/api/people/${personId}/unlock`, { method: 'POST' }),
    onSuccess: async () => {
      setNotice(t('accountAdmin.unlocked'));
      await client.invalidateQueries({ queryKey: key });
    },
  });
  if (!account.data) return null;
  const a = account.data;
  return (
    <Section title={t('accountAdmin.title')}>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      {unlock.isError && <Alert tone="error" title={errorMessage(unlock.error, locale)} />}
      <div className="card">
        {a.locked ? (
          <>
            <p>{t('accountAdmin.locked', { until: dates.dateTime(a.lockedUntil) })}</p>
            <button
              type="button"
              className="btn-primary mt-4"
              disabled={unlock.isPending}
              onClick={() => unlock.mutate()}
            >
              {t('accountAdmin.unlock')}
            </button>
          </>
        ) : (
          <p>{a.hasPassword ? t('accountAdmin.notLocked') : t('accountAdmin.noPassword')}</p>
        )}
      </div>
    </Section>
  );
}
