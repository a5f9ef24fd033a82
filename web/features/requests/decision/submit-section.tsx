import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DECISIONS,
  DECISION_LABELS,
  type Decision,
  type DecisionView,
} from '../../../../shared/api/requests-decision.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { orNull } from '../../../ui/form-rules.ts';
import { Section } from '../../../ui/page.tsx';
import { ApprovalWaiting } from '../common/approval-waiting.tsx';
import { useSubmitDecision } from './queries.ts';

/** 全部開示 / 部分開示 / 不開示 / 不開示（保有していない） / 存否応答拒否, in the user's language. */
export function useDecisionLabel() {
  const { locale } = usePreferences();
  return (d: Decision) => DECISION_LABELS[d][locale];
}

/** Where the decision stands: 準備中, 承認待ち (with the approval), 決定済. */
export function DecisionState({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const label = useDecisionLabel();
  if (view.state === 'deciding')
    return (
      <ApprovalWaiting approvalId={view.approvalId} link={t('requestsWork.decision.approvalLink')}>
        <p>{view.decision && t('requestsWork.decision.submitted', { decision: label(view.decision) })}</p>
      </ApprovalWaiting>
    );
  if (view.state === 'decided')
    return (
      <Alert tone="success" title={t('requestsWork.decision.decidedTitle')}>
        <p>
          {view.decision && <Badge tone="good">{label(view.decision)}</Badge>}
          {view.decidedOn && (
            <span className="ml-3">
              {t('requestsWork.decision.decidedOn', { date: dates.date(view.decidedOn) })}
            </span>
          )}
        </p>
        {view.reason && <p className="mt-2 whitespace-pre-wrap">{view.reason}</p>}
      </Alert>
    );
  return (
    <p className="my-4">
      <Badge tone="plain">{t('requestsWork.decision.draft')}</Badge>
      {view.approvalStatus && (
        <span className="ml-3 text-ink-muted">
          {t('requestsWork.decision.lastApproval', {
            status: t(`approvals.statuses.${view.approvalStatus}`, { defaultValue: view.approvalStatus }),
          })}
        </span>
      )}
    </p>
  );
}

/**
 * 決定の内容 and 「承認を依頼」: the decision with its reason (法81 存否応答拒否 needs one; it is printed
 * in the notice), submitted to the unit's 総括保護管理者 (approval kind disclosure_decision).
 */
export function SubmitSection({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const label = useDecisionLabel();
  const submitDecision = useSubmitDecision(view.requestId);
  const suggested: Decision =
    view.records.length === 0 ? 'not_held' : view.withheld.length > 0 ? 'partial' : 'full';
  const form = useForm<{ decision: string; reason: string }>({
    defaultValues: { decision: view.decision ?? suggested, reason: view.reason ?? '' },
  });
  const { errors, submitCount } = form.formState;
  const decision = form.watch('decision');
  // The suggestion follows the withheld items until the handler chooses (部分開示 once one is withheld).
  const { setValue, getFieldState } = form;
  useEffect(() => {
    if (!view.decision && !getFieldState('decision').isDirty) setValue('decision', suggested);
  }, [suggested, view.decision, setValue, getFieldState]);
  const submit = form.handleSubmit((v) =>
    submitDecision
      .mutateAsync({ decision: v.decision as Decision, reason: orNull(v.reason) })
      .catch(() => undefined),
  );
  if (!view.can.submit) return null;
  return (
    <Section title={t('requestsWork.decision.submitTitle')}>
      <p className="mb-4 max-w-3xl">{t('requestsWork.decision.submitLead')}</p>
      <FormErrors errors={errors} serverError={submitDecision.error} submitCount={submitCount} />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <RadioGroupField
          label={t('requestsWork.decision.decision')}
          required
          registration={form.register('decision', { required: t('validation.choose') })}
          error={errors.decision}
          options={DECISIONS.map((d) => ({ value: d, label: label(d) }))}
        />
        <TextAreaField
          label={t('requestsWork.decision.reason')}
          help={t('requestsWork.decision.reasonHelp')}
          required={decision === 'refuse_existence'}
          registration={form.register('reason', {
            validate: (v) =>
              form.getValues('decision') !== 'refuse_existence' ||
              v.trim() !== '' ||
              t('validation.required'),
          })}
          error={errors.reason}
        />
        <button type="submit" className="btn-primary" disabled={submitDecision.isPending}>
          {t('requestsWork.decision.submit')}
        </button>
      </form>
    </Section>
  );
}
