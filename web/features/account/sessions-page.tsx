import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { sessionSummary, signInRecord } from '../../../shared/api/identity.ts';
import { api, errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';

const SESSIONS_KEY = ['me', 'sessions'] as const;
const SIGN_INS_KEY = ['me', 'sign-ins'] as const;

/** 「ログイン履歴とセッション」: one's own active sessions (each can be ended) and recent sign-ins (A21, A31). */
export function SessionsPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
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
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t('account.sessionsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.startedAt')}</th>
                  <th scope="col">{t('account.lastSeenAt')}</th>
                  <th scope="col">{t('account.ip')}</th>
                  <th scope="col">{t('account.browser')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('account.end')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {dates.dateTime(s.createdAt)}
                      {s.current && <strong className="ml-2">（{t('account.current')}）</strong>}
                    </td>
                    <td>{dates.dateTime(s.lastSeenAt)}</td>
                    <td className="font-mono">{s.ip ?? t('account.unknown')}</td>
                    <td>{s.userAgent ?? t('account.unknown')}</td>
                    <td>
                      <button
                        type="button"
                        className="btn-secondary btn-sm"
                        disabled={end.isPending}
                        aria-label={t('account.endLabel', { when: dates.dateTime(s.createdAt) })}
                        onClick={() => end.mutate(s.id)}
                      >
                        {t('account.end')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t('account.signInsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.at')}</th>
                  <th scope="col">{t('account.ip')}</th>
                  <th scope="col">{t('account.result')}</th>
                </tr>
              </thead>
              <tbody>
                {signIns.data.map((r, i) => (
                  <tr key={`${r.at}-${i}`}>
                    <td>{dates.dateTime(r.at)}</td>
                    <td className="font-mono">{r.ip ?? t('account.unknown')}</td>
                    <td>{t(`account.${r.result}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </Page>
  );
}
