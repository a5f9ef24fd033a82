import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { SESSION_KEY, useSignedIn } from '../../app/session.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { brokenRulesOf, PasswordRulesList, usePasswordRules } from './password-rules.tsx';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 「パスワードの変更」 (A21-2): one's own password, with the policy in plain words. A person whose
 * password is temporary or too old is sent here and cannot use other pages until they change it.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const client = useQueryClient();
  const rules = usePasswordRules();
  const [done, setDone] = useState(false);
  const form = useForm<ChangeForm>({ defaultValues: { currentPassword: '', newPassword: '', confirm: '' } });
  const change = useMutation({
    mutationFn: (v: ChangeForm) =>
      api<void>('/api/me/password', {
        method: 'POST',
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      }),
    onSuccess: async () => {
      setDone(true);
      form.reset();
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
  const broken = brokenRulesOf(change.error, t);
  const { errors } = form.formState;
  const submit = form.handleSubmit((v) => {
    setDone(false);
    change.mutate(v);
  });
  return (
    <Page title={t('password.change.title')}>
      <div className="max-w-2xl">
        {session.passwordChangeRequired && !done && (
          <Alert tone="warning" title={t('password.change.required')} />
        )}
        <p className="mb-6">{t('password.change.intro')}</p>
        <LiveRegion>
          {done && (
            <Alert tone="success" title={t('password.change.done')}>
              <Link to="/">{t('nav.home')}</Link>
            </Alert>
          )}
        </LiveRegion>
        <Section title={t('password.rules.title')}>
          {rules.isPending ? (
            <Loading />
          ) : rules.isError ? (
            <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
          ) : (
            <div className="card">
              <PasswordRulesList policy={rules.data} />
              <p className="mt-3 text-sm text-ink-muted">{t('password.rules.tip')}</p>
            </div>
          )}
        </Section>
        <FormErrors errors={errors} serverError={broken.length > 0 ? null : change.error} />
        <LiveRegion assertive>
          {broken.length > 0 && (
            <Alert tone="error" title={t('password.change.rejected')}>
              <ul className="list-disc pl-6">
                {broken.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </Alert>
          )}
        </LiveRegion>
        <form noValidate onSubmit={(e) => void submit(e)} className="card mt-6">
          <TextField
            label={t('password.change.current')}
            type="password"
            autoComplete="current-password"
            registration={form.register('currentPassword', { required: 'i18n:validation.required' })}
            error={errors.currentPassword}
            required
          />
          <TextField
            label={t('password.change.next')}
            type="password"
            autoComplete="new-password"
            registration={form.register('newPassword', { required: 'i18n:validation.required' })}
            error={errors.newPassword}
            required
          />
          <TextField
            label={t('password.change.confirm')}
            type="password"
            autoComplete="new-password"
            registration={form.register('confirm', {
              required: 'i18n:validation.required',
              validate: (v, all) => v === all.newPassword || 'i18n:password.change.mismatch',
            })}
            error={errors.confirm}
            required
          />
          <button type="submit" className="btn-primary" disabled={change.isPending}>
            {change.isPending ? t('password.change.submitting') : t('password.change.submit')}
          </button>
        </form>
      </div>
    </Page>
  );
}
