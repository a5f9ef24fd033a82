import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  enrolledSignInView,
  secondFactorAnswer,
  totpSetupView,
  webauthnOptionsView,
  type TotpSetupView,
} from '../../../shared/api/mfa.ts';
import { safeNext } from '../../../shared/safe-next.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { replaceSession, sessionView, type SessionView } from '../../app/session.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { Loading } from '../../ui/query-state.tsx';
import { CodeForm, RecoveryCodes, runWebauthn, TotpSetup } from './mfa-ui.tsx';

/**
 * 「確認コードの入力」 (A21): the second step of sign-in, with the challenge cookie set by the login
 * answer. A code from the authenticator app, a security key, or a recovery code; or, when the
 * person's role requires a second factor and none is registered, the enrolment first.
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const client = useQueryClient();
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [enrolled, setEnrolled] = useState<{ session: SessionView; codes: string[] } | null>(null);
  const state = useQuery({
    queryKey: ['second-factor'],
    queryFn: () => api('/api/auth/second-factor', { schema: secondFactorAnswer }),
    retry: false,
    staleTime: Infinity,
  });
  const finish = async (s: SessionView) => {
    replaceSession(client, s);
    await navigate(next, { replace: true });
  };
  const afterEnrolment = async (r: { session: SessionView; recoveryCodes: string[] }) => {
    if (r.recoveryCodes.length) setEnrolled({ session: r.session, codes: r.recoveryCodes });
    else await finish(r.session);
  };

  const verify = useMutation({
    mutationFn: (v: { via: 'totp' | 'recovery'; code: string }) =>
      api(`/api/auth/second-factor/${v.via}`, {
        method: 'POST',
        body: { code: v.code },
        schema: sessionView,
      }),
    onSuccess: finish,
  });
  const key = useMutation({
    mutationFn: async () => {
      const { options } = await api('/api/auth/second-factor/webauthn/options', {
        method: 'POST',
        schema: webauthnOptionsView,
      });
      const response = await runWebauthn('authenticate', options);
      return api('/api/auth/second-factor/webauthn', {
        method: 'POST',
        body: { response },
        schema: sessionView,
      });
    },
    onSuccess: finish,
  });
  const startTotp = useMutation({
    mutationFn: () => api('/api/auth/second-factor/totp/setup', { method: 'POST', schema: totpSetupView }),
    onSuccess: setSetup,
  });
  const confirmTotp = useMutation({
    mutationFn: (code: string) =>
      api('/api/auth/second-factor/totp/confirm', {
        method: 'POST',
        body: { code },
        schema: enrolledSignInView,
      }),
    onSuccess: afterEnrolment,
  });
  const enrolKey = useMutation({
    mutationFn: async () => {
      const { options } = await api('/api/auth/second-factor/webauthn/register/options', {
        method: 'POST',
        schema: webauthnOptionsView,
      });
      const response = await runWebauthn('register', options);
      return api('/api/auth/second-factor/webauthn/register', {
        method: 'POST',
        body: { response, name: t('mfa.securityTitle') },
        schema: enrolledSignInView,
      });
    },
    onSuccess: afterEnrolment,
  });

  if (enrolled)
    return (
      <Page title={t('mfa.recoveryTitle')}>
        <RecoveryCodes codes={enrolled.codes} />
        <button type="button" className="btn-primary" onClick={() => void finish(enrolled.session)}>
          {t('mfa.continue')}
        </button>
      </Page>
    );
  if (state.isPending)
    return (
      <Page title={t('mfa.secondFactorTitle')}>
        <Loading />
      </Page>
    );
  if (state.isError)
    return (
      <Page title={t('mfa.secondFactorTitle')}>
        <Alert tone="warning" title={t('mfa.expired')}>
          <Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t('mfa.backToLogin')}
          </Link>
        </Alert>
      </Page>
    );

  const { methods, enrolmentRequired } = state.data.secondFactor;
  if (enrolmentRequired)
    return (
      <Page title={t('mfa.enrolTitle')}>
        <div className="max-w-2xl">
          <p className="mb-6">{t('mfa.enrolIntro')}</p>
          <LiveRegion>
            {(startTotp.isError || enrolKey.isError) && (
              <Alert tone="error" title={errorMessage(startTotp.error ?? enrolKey.error, locale)} />
            )}
          </LiveRegion>
          {setup ? (
            <>
              <TotpSetup setup={setup} />
              <CodeForm
                label={t('mfa.code')}
                help={t('mfa.codeHelp')}
                submitLabel={t('mfa.confirm')}
                pending={confirmTotp.isPending}
                error={confirmTotp.isError ? errorMessage(confirmTotp.error, locale) : null}
                onSubmit={(code) => confirmTotp.mutate(code)}
              />
            </>
          ) : (
            <div className="flex flex-wrap gap-4">
              <button
                type="button"
                className="btn-primary"
                disabled={startTotp.isPending}
                onClick={() => startTotp.mutate()}
              >
                {t('mfa.enrolTotp')}
              </button>
              <button
                type="button"
                className="btn-secondary"
                disabled={enrolKey.isPending}
                onClick={() => enrolKey.mutate()}
              >
                {enrolKey.isPending ? t('mfa.keyWaiting') : t('mfa.enrolKey')}
              </button>
            </div>
          )}
        </div>
      </Page>
    );

  const error = verify.isError ? errorMessage(verify.error, locale) : null;
  return (
    <Page title={t('mfa.secondFactorTitle')}>
      <div className="max-w-lg">
        <LiveRegion>
          {key.isError && <Alert tone="error" title={errorMessage(key.error, locale)} />}
        </LiveRegion>
        {methods.includes('totp') && mode === 'totp' && (
          <>
            <p className="mb-6">{t('mfa.secondFactorIntro')}</p>
            <CodeForm
              key="totp"
              label={t('mfa.code')}
              help={t('mfa.codeHelp')}
              submitLabel={t('mfa.verify')}
              pending={verify.isPending}
              error={error}
              onSubmit={(code) => verify.mutate({ via: 'totp', code })}
            />
          </>
        )}
        {(mode === 'recovery' || !methods.includes('totp')) && methods.includes('recovery') && (
          <CodeForm
            key="recovery"
            label={t('mfa.recoveryCode')}
            help={t('mfa.recoveryHelp')}
            submitLabel={t('mfa.verify')}
            pending={verify.isPending}
            error={error}
            numeric={false}
            onSubmit={(code) => verify.mutate({ via: 'recovery', code })}
          />
        )}
        <div className="mt-6 flex flex-col items-start gap-4">
          {methods.includes('webauthn') && (
            <button
              type="button"
              className="btn-secondary"
              disabled={key.isPending}
              onClick={() => key.mutate()}
            >
              {key.isPending ? t('mfa.keyWaiting') : t('mfa.useKey')}
            </button>
          )}
          {methods.includes('recovery') && mode === 'totp' && (
            <button
              type="button"
              className="underline"
              onClick={() => {
                verify.reset();
                setMode('recovery');
              }}
            >
              {t('mfa.useRecovery')}
            </button>
          )}
          {methods.includes('totp') && mode === 'recovery' && (
            <button
              type="button"
              className="underline"
              onClick={() => {
                verify.reset();
                setMode('totp');
              }}
            >
              {t('mfa.useTotp')}
            </button>
          )}
        </div>
      </div>
    </Page>
  );
}
