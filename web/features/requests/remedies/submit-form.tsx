import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CORRECTION_DECISIONS,
  SUSPENSION_DECISIONS,
  type ItemOutcome,
  type RemedyDecision,
  type RemedyView,
} from '../../../../shared/api/requests-remedies.ts';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { Section } from '../../../ui/page.tsx';
import { ApprovalWaiting } from '../common/approval-waiting.tsx';
import { useSubmitRemedy } from './queries.ts';

interface Values {
  decision: string;
  reason: string;
  outcomes: Record<string, { outcome: string; reason: string }>;
}

/**
 * 決定 and 「承認を依頼」 (法93, 法101): the outcome of every item (a refused item needs its reason,
 * 法93-2), the decision and its reason, submitted to the unit's 総括保護管理者 (remedy_decision).
 */
export function RemedySubmit({ view }: { view: RemedyView }) {
  const { t } = useTranslation();
  const submitRemedy = useSubmitRemedy(view.requestId);
  const decisions = view.kind === 'correction' ? CORRECTION_DECISIONS : SUSPENSION_DECISIONS;
  const form = useForm<Values>({
    defaultValues: {
      decision: view.decision ?? '',
      reason: view.decisionReason ?? '',
      outcomes: Object.fromEntries(
        view.items.map((i) => [i.id, { outcome: i.outcome ?? 'accepted', reason: i.outcomeReason ?? '' }]),
      ),
    },
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    submitRemedy
      .mutateAsync({
        decision: v.decision as RemedyDecision,
        reason: v.reason.trim(),
        outcomes: view.items.map((i) => ({
          itemId: i.id,
          outcome: (v.outcomes[i.id]?.outcome ?? 'accepted') as ItemOutcome,
          reason: orNull(v.outcomes[i.id]?.reason ?? ''),
        })),
      })
      .catch(() => undefined),
  );
  if (!view.can.submit) return null;
  return (
    <Section title={t('requestsWork.remedies.submitTitle')}>
      <FormErrors errors={errors} serverError={submitRemedy.error} submitCount={submitCount} />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        {view.items.map((item, n) => (
          <div key={item.id} className="card mb-4">
            <RadioGroupField
              label={t('requestsWork.remedies.outcomeOf', { n: n + 1, file: item.fileName })}
              required
              registration={form.register(`outcomes.${item.id}.outcome`)}
              options={(['accepted', 'rejected'] as const).map((o) => ({
                value: o,
                label: t(`requestsWork.remedies.outcome.${o}`),
              }))}
            />
            <TextAreaField
              label={t('requestsWork.remedies.outcomeReason')}
              help={t('requestsWork.remedies.outcomeReasonHelp')}
              registration={form.register(`outcomes.${item.id}.reason`, {
                validate: (v) =>
                  form.getValues(`outcomes.${item.id}.outcome`) !== 'rejected' ||
                  v.trim() !== '' ||
                  t('validation.required'),
              })}
              error={errors.outcomes?.[item.id]?.reason}
            />
          </div>
        ))}
        <RadioGroupField
          label={t('requestsWork.remedies.decision')}
          required
          registration={form.register('decision', { required: t('validation.choose') })}
          error={errors.decision}
          options={decisions.map((d) => ({ value: d, label: t(`requestsWork.remedies.decisions.${d}`) }))}
        />
        <TextAreaField
          label={t('requestsWork.remedies.reason')}
          required
          registration={form.register('reason', required(t('validation.required')))}
          error={errors.reason}
        />
        <button type="submit" className="btn-primary" disabled={submitRemedy.isPending}>
          {t('requestsWork.decision.submit')}
        </button>
      </form>
    </Section>
  );
}

/** 承認待ち: the approval request, with a link to it. */
export function RemedyWaiting({ view }: { view: RemedyView }) {
  const { t } = useTranslation();
  if (view.phase !== 'deciding') return null;
  return (
    <ApprovalWaiting
      approvalId={view.approval?.id ?? null}
      link={t('requestsWork.remedies.approvalLink', { number: view.approval?.number ?? '' })}
    >
      {view.decision && <p>{t(`requestsWork.remedies.decisions.${view.decision}`)}</p>}
    </ApprovalWaiting>
  );
}
