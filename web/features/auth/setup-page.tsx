import { Link, useNavigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../app/api.ts';
import { replaceSession, sessionView } from '../../app/session.ts';
import { setupInput } from '../../../shared/api/identity.ts';
import { Page } from '../../ui/page.tsx';
import { TextField } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Alert } from '../../ui/alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useSetupNeeded } from './login-page.tsx';

/** POST /api/setup: the token from the console and the first administrator (same rules as a person). */
const setupForm = setupInput
  .extend({ passwordConfirm: z.string().min(1) })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'i18n:validation.passwordMismatch',
  });
type SetupForm = z.input<typeof setupForm>;
const FIELDS = [
  'token',
  'employeeNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'email',
  'password',
] as const;

function SetupFormView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm<SetupForm, unknown, z.output<typeof setupForm>>({
    resolver: zodResolver(setupForm),
    defaultValues: {
      token: '',
      employeeNumber: '',
      familyName: '',
      givenName: '',
      familyNameKana: '',
      givenNameKana: '',
      email: '',
      password: '',
      passwordConfirm: '',
    },
  });
  const setup = useMutation({
    mutationFn: ({ passwordConfirm: _confirm, ...body }: z.output<typeof setupForm>) =>
      api('/api/setup', { method: 'POST', body, schema: sessionView }),
    onSuccess: async (s) => {
      replaceSession(client, s);
      await navigate('/', { replace: true });
    },
    onError: (e) => applyServerErrors(e, FIELDS, form.setError),
  });
  const { errors } = form.formState;
  const reg = form.register;
  // The shared schema says min(12): say so, rather than "enter a value", once something is typed.
  const passwordError =
    errors.password?.type === 'too_small' && form.getValues('password')
      ? { ...errors.password, message: 'i18n:validation.passwordShort' }
      : errors.password;
  return (
    <>
      <FormErrors errors={errors} serverError={setup.error} />
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((v) => setup.mutate(v))(e)}
        className="card max-w-2xl"
      >
        <TextField
          label={t('setup.token')}
          help={t('setup.tokenHelp')}
          registration={reg('token')}
          error={errors.token}
          autoComplete="off"
          required
        />
        <fieldset className="mt-8">
          <legend className="mb-4 text-xl font-bold">{t('setup.adminLegend')}</legend>
          <TextField
            label={t('auth.employeeNumber')}
            registration={reg('employeeNumber')}
            error={errors.employeeNumber}
            autoComplete="username"
            required
          />
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField
              label={t('setup.familyName')}
              registration={reg('familyName')}
              error={errors.familyName}
              autoComplete="family-name"
              required
            />
            <TextField
              label={t('setup.givenName')}
              registration={reg('givenName')}
              error={errors.givenName}
              autoComplete="given-name"
              required
            />
            <TextField
              label={t('setup.familyNameKana')}
              registration={reg('familyNameKana')}
              error={errors.familyNameKana}
              required
            />
            <TextField
              label={t('setup.givenNameKana')}
              registration={reg('givenNameKana')}
              error={errors.givenNameKana}
              required
            />
          </div>
          <TextField
            label={t('setup.email')}
            type="email"
            registration={reg('email')}
            error={errors.email}
            autoComplete="email"
            inputMode="email"
            required
          />
        </fieldset>
        <fieldset className="mt-8">
          <legend className="mb-4 text-xl font-bold">{t('setup.passwordLegend')}</legend>
          <TextField
            label={t('auth.password')}
            type="password"
            help={t('setup.passwordHelp')}
            registration={reg('password')}
            error={passwordError}
            autoComplete="new-password"
            required
          />
          <TextField
            label={t('setup.passwordConfirm')}
            type="password"
            registration={reg('passwordConfirm')}
            error={errors.passwordConfirm}
            autoComplete="new-password"
            required
          />
        </fieldset>
        <button type="submit" className="btn-primary" disabled={setup.isPending}>
          {t('setup.submit')}
        </button>
      </form>
    </>
  );
}

export function SetupPage() {
  const { t } = useTranslation();
  const needed = useSetupNeeded();
  return (
    <Page title={t('setup.title')} lead={<p>{t('setup.intro')}</p>}>
      <QueryState query={needed}>
        {(d) =>
          d.needed ? (
            <SetupFormView />
          ) : (
            <Alert tone="info" title={t('setup.notNeeded')}>
              <Link to="/login">{t('setup.goLogin')}</Link>
            </Alert>
          )
        }
      </QueryState>
    </Page>
  );
}
