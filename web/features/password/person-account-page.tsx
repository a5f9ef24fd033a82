import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { accountDetail } from '../../../shared/api/password.ts';
import { api, errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { TextField } from '../../ui/field.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { usePerson } from '../organisation/queries.ts';
import { brokenRulesOf } from './password-rules.tsx';
import { PersonFactorsPanel } from '../mfa/person-factors-panel.tsx';
import { SessionsTable, SignInsTable } from '../account/session-tables.tsx';

/**
 * A person's account for the システム管理者 (A21): lock and 「ロックを解除」, the password with
 * 「パスワードを再設定」 (temporary, to be changed at next sign-in), active sessions with 「終了」, and
 * recent sign-ins. The factors panel of the mfa area goes in the section with id `factors`.
 */
export function PersonAccountPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const person = usePerson(id);
  const [notice, setNotice] = useState<string | null>(null);
  const key = ['people', id, 'account', 'detail'];
  const detail = useQuery({
    queryKey: key,
    queryFn: () => api(`/api/people/${id}/account/detail`, { schema: accountDetail }),
  });
  const done = (message: string) => async () => {
    setNotice(message);
    await client.invalidateQueries({ queryKey: ['people', id] });
  };
  const unlock = useMutation({
    mutationFn: () => api<void>(`/api/people/${id}/unlock`, { method: 'POST' }),
    onSuccess: done(t('password.person.unlocked')),
  });
  const end = useMutation({
    mutationFn: (sessionId: string) =>
      api<void>(`/api/people/${id}/sessions/${encodeURIComponent(sessionId)}/end`, { method: 'POST' }),
    onSuccess: done(t('password.person.ended')),
  });
  const form = useForm<{ temporaryPassword: string }>({ defaultValues: { temporaryPassword: '' } });
  const reset = useMutation({
    mutationFn: (v: { temporaryPassword: string }) =>
      api<void>(`/api/people/${id}/password`, { method: 'POST', body: v }),
    onSuccess: async () => {
      form.reset();
      await done(t('password.person.resetDone'))();
    },
  });
  const broken = brokenRulesOf(reset.error, t);
  const name = person.data ? `${person.data.person.familyName} ${person.data.person.givenName}` : '';
  const title = t('password.person.title', { name });
  if (detail.isPending || person.isPending) return <Loading />;
  if (detail.isError || person.isError)
    return (
      <Page title={t('common.errorTitle')} crumbs={[{ label: t('nav.people'), to: '/people' }]}>
        <QueryError
          error={detail.error ?? person.error}
          onRetry={() => void (detail.isError ? detail.refetch() : person.refetch())}
        />
      </Page>
    );
  const a = detail.data;
  const failure = [unlock, end].find((m) => m.isError)?.error;
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('nav.people'), to: '/people' },
        { label: name, to: `/people/${id}` },
        { label: t('password.accounts.title') },
      ]}
    >
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      {failure ? <Alert tone="error" title={errorMessage(failure, locale)} /> : null}
      <Section title={t('password.person.lockTitle')}>
        <div className="card">
          {a.locked ? (
            <>
              <p>{t('password.person.locked', { until: dates.dateTime(a.lockedUntil) })}</p>
              <button
                type="button"
                className="btn-primary mt-4"
                disabled={unlock.isPending}
                onClick={() => unlock.mutate()}
              >
                {t('password.person.unlock')}
              </button>
            </>
          ) : (
            <p>{t('password.person.notLocked')}</p>
          )}
        </div>
      </Section>
      <Section title={t('password.person.passwordTitle')}>
        <div className="card">
          <p>
            {a.passwordSetAt
              ? t('password.person.passwordSetAt', { at: dates.dateTime(a.passwordSetAt) })
              : t('password.person.noPassword')}
          </p>
          {a.passwordChangeRequired && <p className="mt-2 font-bold">{t('password.person.mustChange')}</p>}
          <form
            noValidate
            className="mt-6"
            onSubmit={(e) => void form.handleSubmit((v) => reset.mutate(v))(e)}
          >
            <p className="mb-4 text-sm">{t('password.person.resetHelp')}</p>
            <LiveRegion assertive>
              {reset.isError && (
                <Alert
                  tone="error"
                  title={
                    broken.length > 0 ? t('password.change.rejected') : errorMessage(reset.error, locale)
                  }
                >
                  {broken.length > 0 && (
                    <ul className="list-disc pl-6">
                      {broken.map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  )}
                </Alert>
              )}
            </LiveRegion>
            <TextField
              label={t('password.person.temporary')}
              type="password"
              autoComplete="new-password"
              registration={form.register('temporaryPassword', { required: 'i18n:validation.required' })}
              error={form.formState.errors.temporaryPassword}
              required
            />
            <button type="submit" className="btn-secondary" disabled={reset.isPending}>
              {t('password.person.reset')}
            </button>
          </form>
        </div>
      </Section>
      <Section title={t('password.person.sessionsTitle')}>
        {a.sessions.length === 0 ? (
          <p>{t('password.person.noSessions')}</p>
        ) : (
          <SessionsTable
            sessions={a.sessions}
            caption={t('password.person.sessionsTitle')}
            endText={t('password.person.end')}
            endLabel={(when) => t('password.person.endLabel', { when })}
            ending={end.isPending}
            onEnd={(id) => end.mutate(id)}
          />
        )}
      </Section>
      <Section title={t('password.person.signInsTitle')}>
        {a.signIns.length === 0 ? (
          <p>{t('password.person.noSignIns')}</p>
        ) : (
          <SignInsTable records={a.signIns} caption={t('password.person.signInsTitle')} />
        )}
      </Section>
      {/* The mfa area adds the person's factors panel here (issue 3). */}
      <section id="factors">
        <Section title={t('mfa.factorsTitle')}>
          <PersonFactorsPanel personId={id} />
        </Section>
      </section>
    </Page>
  );
}
