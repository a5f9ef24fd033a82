import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { sessionSummary, signInRecord } from '../../../shared/api/identity.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { SessionsTable, SignInsTable } from './session-tables.tsx';

const SESSIONS_KEY = ['me', 'sessions'] as const;
const SIGN_INS_KEY = ['me', 'sign-ins'] as const;

/** 「ログイン履歴とセッション」: one's own active sessions (each can be ended) and recent sign-ins (A21, A31). */
export function SessionsPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const client = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api('/api/me/sessions', { schema: z.array(sessionSummary) }),
  });
  const signIns = useQuery({
    queryKey: SIGN_INS_KEY,
    queryFn: () => api('/api/me/sign-ins', { schema: z.array(signInRecord) }),
  });
  const end = useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/me/sessions/${encodeURIComponent(id)}/end`, { method: 'POST' }),
    onSuccess: async () => {
      setNotice(t('account.ended'));
      await client.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });

  return (
    <Page title={t('account.title')}>
      <p className="max-w-3xl">{t('account.intro')}</p>
      <p className="mt-2">
        <Link to="/account/password">{t('password.change.link')}</Link>
      </p>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      {end.isError && <Alert tone="error" title={errorMessage(end.error, locale)} />}
      <Section title={t('account.sessionsTitle')}>
        {sessions.isPending ? (
          <Loading />
        ) : sessions.isError ? (
          <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : sessions.data.length === 0 ? (
          <p>{t('account.noSessions')}</p>
        ) : (
          <SessionsTable
            sessions={sessions.data}
            caption={t('account.sessionsTitle')}
            endText={t('account.end')}
            endLabel={(when) => t('account.endLabel', { when })}
            ending={end.isPending}
            onEnd={(id) => end.mutate(id)}
          />
        )}
      </Section>
      <Section title={t('account.signInsTitle')}>
        {signIns.isPending ? (
          <Loading />
        ) : signIns.isError ? (
          <QueryError error={signIns.error} onRetry={() => void signIns.refetch()} />
        ) : signIns.data.length === 0 ? (
          <p>{t('account.noSignIns')}</p>
        ) : (
          <SignInsTable records={signIns.data} caption={t('account.signInsTitle')} />
        )}
      </Section>
    </Page>
  );
}
