import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loginInput } from '../../../shared/api/identity.ts';
import { api } from '../../app/api.ts';
import { replaceSession, useSession } from '../../app/session.ts';
import { isSecondFactor, loginAnswer } from '../../../shared/api/mfa.ts';
import { safeNext } from '../../../shared/safe-next.ts';
import { Page } from '../../ui/page.tsx';
import { TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Alert } from '../../ui/alert.tsx';
import { SsoLoginSection } from '../sso/sso-login-section.tsx';

type LoginInput = z.infer<typeof loginInput>;

export function useSetupNeeded() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => api('/api/setup', { schema: z.object({ needed: z.boolean() }) }),
    staleTime: 10_000,
  });
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const client = useQueryClient();
  const session = useSession();
  const setup = useSetupNeeded();
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginInput),
    defaultValues: { employeeNumber: '', password: '' },
  });
  const login = useMutation({
    mutationFn: (input: LoginInput) =>
      api('/api/auth/login', { method: 'POST', body: input, schema: loginAnswer }),
    onSuccess: async (s) => {
      // A21: a second factor is due; the challenge cookie is set, the next page asks for it.
      if (isSecondFactor(s)) {
        client.removeQueries({ queryKey: ['second-factor'] });
        return navigate(`/login/second-factor?next=${encodeURIComponent(next)}`);
      }
      replaceSession(client, s);
      await navigate(next, { replace: true });
    },
  });

  // Already signed in: go where the user was going.
  const signedIn = Boolean(session.data);
  useEffect(() => {
    if (signedIn) void navigate(next, { replace: true });
  }, [signedIn, next, navigate]);

  const { errors } = form.formState;
  return (
    <Page title={t('auth.loginTitle')}>
      <div className="max-w-lg">
        {params.get('signedOut') === 'idle' && (
          <div role="status">
            <Alert tone="warning" title={t('idle.signedOut')} />
          </div>
        )}
        {setup.data?.needed && (
          <Alert tone="info" title={t('auth.setupNeeded')}>
            <Link to="/setup">{t('auth.goSetup')}</Link>
          </Alert>
        )}
        <p className="mb-6">{t('auth.loginIntro')}</p>
        <FormErrors errors={errors} serverError={login.error} />
        <form noValidate onSubmit={(e) => void form.handleSubmit((v) => login.mutate(v))(e)} className="card">
          <TextField
            label={t('auth.employeeNumber')}
            registration={form.register('employeeNumber')}
            error={errors.employeeNumber}
            autoComplete="username"
            required
          />
          <TextField
            label={t('auth.password')}
            type="password"
            registration={form.register('password')}
            error={errors.password}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="btn-primary w-full" disabled={login.isPending}>
            {login.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
        <SsoLoginSection next={next} error={params.get('sso_error')} />
      </div>
    </Page>
  );
}
