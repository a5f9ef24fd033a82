import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passwordPolicyView, type PasswordPolicyView } from '../../../shared/api/password.ts';
import { api, errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { PasswordRulesList, RULES_KEY } from './password-rules.tsx';

const KEY = ['password-policy'] as const;

interface SettingsForm {
  minLength: string;
  maxLength: string;
  requiredClasses: string;
  maxAgeDays: string;
  historyCount: string;
}

const toForm = (p: PasswordPolicyView): SettingsForm => ({
  minLength: String(p.minLength),
  maxLength: String(p.maxLength),
  requiredClasses: String(p.requiredClasses),
  maxAgeDays: p.maxAgeDays === null ? '' : String(p.maxAgeDays),
  historyCount: String(p.historyCount),
});

/**
 * 「パスワードポリシー」 (A21-2): the policy in plain words, its settings (the システム管理者 edits them)
 * and its review: when it is next due, and recording a review with a note.
 */
export function PasswordPolicyPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const { permissions } = useSignedIn();
  const client = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const policy = useQuery({
    queryKey: KEY,
    queryFn: () => api('/api/password-policy', { schema: passwordPolicyView }),
  });
  const settings = useForm<SettingsForm>();
  const review = useForm<{ note: string; nextReviewOn: string }>({
    defaultValues: { note: '', nextReviewOn: '' },
  });
  const { reset } = settings;
  useEffect(() => {
    if (policy.data) reset(toForm(policy.data));
  }, [policy.data, reset]);
  const saved = (message: string) => async (p: PasswordPolicyView) => {
    setNotice(message);
    client.setQueryData(KEY, p);
    await client.invalidateQueries({ queryKey: RULES_KEY });
  };
  const save = useMutation({
    mutationFn: (v: SettingsForm) =>
      api('/api/password-policy', {
        method: 'PUT',
        schema: passwordPolicyView,
        body: {
          minLength: Number(v.minLength),
          maxLength: Number(v.maxLength),
          requiredClasses: Number(v.requiredClasses),
          maxAgeDays: v.maxAgeDays.trim() === '' ? null : Number(v.maxAgeDays),
          historyCount: Number(v.historyCount),
        },
      }),
    onSuccess: saved(t('password.policy.saved')),
  });
  const record = useMutation({
    mutationFn: (v: { note: string; nextReviewOn: string }) =>
      api('/api/password-policy/review', { method: 'POST', schema: passwordPolicyView, body: v }),
    onSuccess: async (p) => {
      review.reset();
      await saved(t('password.policy.reviewed'))(p);
    },
  });
  if (policy.isPending) return <Loading />;
  if (policy.isError)
    return (
      <Page title={t('password.policy.title')}>
        <QueryError error={policy.error} onRetry={() => void policy.refetch()} />
      </Page>
    );
  const p = policy.data;
  const editable = permissions.managePasswordPolicy;
  const failure = save.error ?? record.error;
  const number = (name: keyof SettingsForm, label: string, help?: string) => (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      registration={settings.register(name)}
      {...(help ? { help } : {})}
      readOnly={!editable}
    />
  );
  return (
    <Page title={t('password.policy.title')}>
      <p className="mb-6 max-w-3xl">{t('password.policy.intro')}</p>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      <LiveRegion assertive>
        {failure && <Alert tone="error" title={errorMessage(failure, locale)} />}
      </LiveRegion>
      <Section title={t('password.policy.reviewTitle')}>
        <div className="card">
          {p.reviewOverdue && <Alert tone="warning" title={t('password.policy.overdue')} />}
          <dl className="grid gap-x-8 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-bold">{t('password.policy.nextReviewOn')}</dt>
            <dd>{dates.date(p.nextReviewOn)}</dd>
          </dl>
          <p className="mt-2">
            {p.reviewedAt
              ? t('password.policy.lastReviewed', { at: dates.dateTime(p.reviewedAt) })
              : t('password.policy.neverReviewed')}
          </p>
          {p.reviewNote && <p className="mt-1 whitespace-pre-wrap">{p.reviewNote}</p>}
          {editable && (
            <form
              noValidate
              className="mt-6"
              onSubmit={(e) => void review.handleSubmit((v) => record.mutate(v))(e)}
            >
              <TextAreaField
                label={t('password.policy.note')}
                registration={review.register('note', { required: 'i18n:validation.required' })}
                error={review.formState.errors.note}
                required
              />
              <TextField
                label={t('password.policy.newNextReviewOn')}
                registration={review.register('nextReviewOn', {
                  required: 'i18n:validation.required',
                  pattern: { value: /^\d{4}-\d{2}-\d{2}$/, message: 'i18n:validation.date' },
                })}
                error={review.formState.errors.nextReviewOn}
                required
              />
              <button type="submit" className="btn-primary" disabled={record.isPending}>
                {t('password.policy.review')}
              </button>
            </form>
          )}
        </div>
      </Section>
      <Section title={t('password.rules.title')}>
        <div className="card">
          <PasswordRulesList policy={p} />
        </div>
      </Section>
      <Section title={t('password.policy.current')}>
        {!editable && <p className="mb-4">{t('password.policy.readOnly')}</p>}
        <form
          noValidate
          className="card"
          onSubmit={(e) => void settings.handleSubmit((v) => save.mutate(v))(e)}
        >
          {number('minLength', t('password.policy.minLength'))}
          {number('maxLength', t('password.policy.maxLength'))}
          {number(
            'requiredClasses',
            t('password.policy.requiredClasses'),
            t('password.policy.requiredClassesHelp'),
          )}
          {number('maxAgeDays', t('password.policy.maxAgeDays'), t('password.policy.maxAgeDaysHelp'))}
          {number('historyCount', t('password.policy.historyCount'), t('password.policy.historyCountHelp'))}
          {editable && (
            <button type="submit" className="btn-primary" disabled={save.isPending}>
              {t('password.policy.save')}
            </button>
          )}
        </form>
      </Section>
    </Page>
  );
}
