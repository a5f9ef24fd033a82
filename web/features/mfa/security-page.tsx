import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  factorsView,
  recoveryCodesView,
  totpSetupView,
  webauthnOptionsView,
  type TotpSetupView,
} from '../../../shared/api/mfa.ts';
import { api, errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { CodeForm, RecoveryCodes, runWebauthn, TotpSetup } from './mfa-ui.tsx';

const FACTORS_KEY = ['me', 'factors'] as const;

/** 「二要素認証」: one's own authenticator app, security keys and recovery codes (A21). */
export function SecurityPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const client = useQueryClient();
  const keyNameId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [keyName, setKeyName] = useState('');
  const factors = useQuery({
    queryKey: FACTORS_KEY,
    queryFn: () => api('/api/me/factors', { schema: factorsView }),
  });
  const done = async (message: string, newCodes?: string[]) => {
    setNotice(message);
    if (newCodes?.length) setCodes(newCodes);
    await client.invalidateQueries({ queryKey: FACTORS_KEY });
  };

  const startTotp = useMutation({
    mutationFn: () => api('/api/me/factors/totp/setup', { method: 'POST', schema: totpSetupView }),
    onSuccess: (s) => {
      setNotice(null);
      setSetup(s);
    },
  });
  const confirmTotp = useMutation({
    mutationFn: (code: string) =>
      api('/api/me/factors/totp/confirm', { method: 'POST', body: { code }, schema: recoveryCodesView }),
    onSuccess: async (r) => {
      setSetup(null);
      await done(t('mfa.totpAdded'), r.codes);
    },
  });
  const removeTotp = useMutation({
    mutationFn: () => api<void>('/api/me/factors/totp/remove', { method: 'POST' }),
    onSuccess: () => done(t('mfa.removed')),
  });
  const addKey = useMutation({
    mutationFn: async (name: string) => {
      const { options } = await api('/api/me/factors/keys/options', {
        method: 'POST',
        schema: webauthnOptionsView,
      });
      const response = await runWebauthn('register', options);
      return api('/api/me/factors/keys', {
        method: 'POST',
        body: { response, name },
        schema: recoveryCodesView,
      });
    },
    onSuccess: async (r) => {
      setKeyName('');
      await done(t('mfa.keyAdded'), r.codes);
    },
  });
  const removeKey = useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/me/factors/keys/${encodeURIComponent(id)}/remove`, { method: 'POST' }),
    onSuccess: () => done(t('mfa.removed')),
  });
  const regenerate = useMutation({
    mutationFn: () => api('/api/me/factors/recovery-codes', { method: 'POST', schema: recoveryCodesView }),
    onSuccess: (r) => done(t('mfa.recoveryTitle'), r.codes),
  });
  const failed = [startTotp, removeTotp, addKey, removeKey, regenerate].find((m) => m.isError);

  return (
    <Page title={t('mfa.securityTitle')}>
      <p className="max-w-3xl">{t('mfa.securityIntro')}</p>
      <LiveRegion>
        {notice && <Alert tone="success" title={notice} />}
        {failed && <Alert tone="error" title={errorMessage(failed.error, locale)} />}
      </LiveRegion>
      {codes && <RecoveryCodes codes={codes} />}
      {factors.isPending ? (
        <Loading />
      ) : factors.isError ? (
        <QueryError error={factors.error} onRetry={() => void factors.refetch()} />
      ) : (
        <>
          <Alert tone="info" title={factors.data.mandatory ? t('mfa.mandatory') : t('mfa.optional')} />
          <Section title={t('mfa.totpTitle')}>
            {factors.data.totp ? (
              <div className="flex flex-wrap items-center gap-4">
                <p>{t('mfa.totpEnrolled', { when: dates.dateTime(factors.data.totp.createdAt) })}</p>
                <button
                  type="button"
                  className="btn-secondary btn-sm"
                  disabled={removeTotp.isPending}
                  onClick={() => removeTotp.mutate()}
                >
                  {t('mfa.removeTotp')}
                </button>
              </div>
            ) : setup ? (
              <div className="max-w-2xl">
                <TotpSetup setup={setup} />
                <CodeForm
                  label={t('mfa.code')}
                  help={t('mfa.codeHelp')}
                  submitLabel={t('mfa.confirm')}
                  pending={confirmTotp.isPending}
                  error={confirmTotp.isError ? errorMessage(confirmTotp.error, locale) : null}
                  onSubmit={(code) => confirmTotp.mutate(code)}
                />
                <button type="button" className="btn-secondary mt-4" onClick={() => setSetup(null)}>
                  {t('mfa.cancel')}
                </button>
              </div>
            ) : (
              <div className="flex flex-wrap items-center gap-4">
                <p>{t('mfa.totpNone')}</p>
                <button
                  type="button"
                  className="btn-primary"
                  disabled={startTotp.isPending}
                  onClick={() => startTotp.mutate()}
                >
                  {t('mfa.enrolTotp')}
                </button>
              </div>
            )}
          </Section>
          <Section title={t('mfa.keysTitle')}>
            {factors.data.securityKeys.length === 0 ? (
              <p className="mb-4">{t('mfa.keysNone')}</p>
            ) : (
              <ul className="mb-6 flex flex-col gap-3">
                {factors.data.securityKeys.map((k) => (
                  <li key={k.id} className="flex flex-wrap items-center gap-4">
                    <strong>{k.name}</strong>
                    <span>{t('mfa.registeredAt', { when: dates.dateTime(k.createdAt) })}</span>
                    <span>
                      {k.lastUsedAt
                        ? t('mfa.lastUsed', { when: dates.dateTime(k.lastUsedAt) })
                        : t('mfa.neverUsed')}
                    </span>
                    <button
                      type="button"
                      className="btn-secondary btn-sm"
                      disabled={removeKey.isPending}
                      onClick={() => removeKey.mutate(k.id)}
                    >
                      {t('mfa.removeKey', { name: k.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form
              className="flex max-w-2xl flex-wrap items-end gap-4"
              onSubmit={(e) => {
                e.preventDefault();
                if (keyName.trim()) addKey.mutate(keyName.trim());
              }}
            >
              <div>
                <label htmlFor={keyNameId} className="label mb-1 block">
                  {t('mfa.keyName')}
                </label>
                <p id={`${keyNameId}-help`} className="mb-1 text-sm text-ink-muted">
                  {t('mfa.keyNameHelp')}
                </p>
                <input
                  id={keyNameId}
                  className="input"
                  value={keyName}
                  maxLength={60}
                  aria-describedby={`${keyNameId}-help`}
                  onChange={(e) => setKeyName(e.target.value)}
                />
              </div>
              <button type="submit" className="btn-secondary" disabled={addKey.isPending || !keyName.trim()}>
                {addKey.isPending ? t('mfa.keyWaiting') : t('mfa.addKey')}
              </button>
            </form>
          </Section>
          <Section title={t('mfa.recoveryCodesTitle')}>
            <p className="mb-2">
              {t('mfa.recoveryRemaining', { count: factors.data.recoveryCodesRemaining })}
            </p>
            <p className="mb-4 text-sm">{t('mfa.regenerateNote')}</p>
            <button
              type="button"
              className="btn-secondary"
              disabled={
                regenerate.isPending || (!factors.data.totp && factors.data.securityKeys.length === 0)
              }
              onClick={() => regenerate.mutate()}
            >
              {t('mfa.regenerate')}
            </button>
          </Section>
        </>
      )}
    </Page>
  );
}
