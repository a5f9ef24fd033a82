import { useForm } from 'react-hook-form';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EvaluationView } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { orNull } from '../../../ui/form-rules.ts';
import { TermItem } from '../../../ui/term-list.tsx';
import { Saved } from './bits.tsx';
import { ActionsSection } from './evaluation-actions.tsx';
import { InputsSection } from './evaluation-inputs.tsx';
import { useFiscalYear, useHubCrumb } from './labels.tsx';
import { useDecide, useEvaluation, useSaveAssessment } from './queries.ts';

function Header({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('reviews.evaluation.period')}>
        {t('reviews.evaluation.periodValue', { from: dates.date(e.from), to: dates.date(e.to) })}
      </TermItem>
      <TermItem term={t('reviews.evaluation.scope')}>
        {e.unitName ?? t('reviews.evaluation.organisation')}
      </TermItem>
      <TermItem term={t('reviews.evaluation.status')}>
        <Badge tone={e.status === 'decided' ? 'good' : 'info'}>
          {t(`reviews.evaluation.statuses.${e.status}`)}
        </Badge>
      </TermItem>
      {e.decidedAt && (
        <TermItem term={t('reviews.evaluation.decidedAt')}>{dates.dateTime(e.decidedAt)}</TermItem>
      )}
      {e.decidedBy && <TermItem term={t('reviews.evaluation.decidedBy')}>{e.decidedBy.name}</TermItem>}
    </dl>
  );
}

/** 評価: what the audits and inspections say of the measures (editable while 検討中). */
function AssessmentSection({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const save = useSaveAssessment(e.id);
  const form = useForm({ defaultValues: { assessment: e.assessment ?? '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) => save.mutateAsync(orNull(v.assessment)).catch(() => undefined));
  return (
    <Section title={t('reviews.evaluation.assessment')}>
      {e.can.edit ? (
        <form noValidate className="max-w-3xl" onSubmit={(ev) => void submit(ev)}>
          <Saved show={save.isSuccess} />
          <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
          <TextAreaField
            label={t('reviews.evaluation.assessmentLabel')}
            help={t('reviews.evaluation.assessmentHelp')}
            registration={form.register('assessment')}
            error={errors.assessment}
          />
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('reviews.evaluation.saveAssessment')}
          </button>
        </form>
      ) : (
        <p className="max-w-3xl whitespace-pre-wrap">
          {e.assessment ?? t('reviews.evaluation.noAssessment')}
        </p>
      )}
    </Section>
  );
}

/** 決定: the evaluation and its actions are fixed, and the owners are told. */
function DecideSection({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const decide = useDecide(e.id);
  if (!e.can.decide && !decide.isSuccess) return null;
  return (
    <Section title={t('reviews.evaluation.decide')}>
      <Saved show={decide.isSuccess} text={t('reviews.evaluation.decidedNotice')} />
      <FormErrors errors={{}} serverError={decide.error} />
      {e.can.decide && (
        <>
          <p className="mb-4 max-w-3xl">{t('reviews.evaluation.decideLead')}</p>
          <button
            type="button"
            className="btn-primary"
            disabled={decide.isPending}
            onClick={() => void decide.mutateAsync(undefined).catch(() => undefined)}
          >
            {t('reviews.evaluation.decideSubmit')}
          </button>
        </>
      )}
    </Section>
  );
}

/** /oversight/evaluations/:id: one fiscal year's evaluation (A38) — its inputs, assessment and decided actions. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const hub = useHubCrumb();
  const fiscalYear = useFiscalYear();
  const { id = '' } = useParams();
  const evaluation = useEvaluation(id);
  const e = evaluation.data;
  const title = !e
    ? t('reviews.evaluation.titlePlain')
    : e.unitName
      ? t('reviews.evaluation.titleUnit', { label: fiscalYear(e.fiscalYear), unit: e.unitName })
      : t('reviews.evaluation.title', { label: fiscalYear(e.fiscalYear) });
  return (
    <Page
      title={title}
      crumbs={[
        hub,
        { label: t('reviews.evaluation.listTitle'), to: '/oversight/evaluations' },
        { label: e ? fiscalYear(e.fiscalYear) : title },
      ]}
    >
      <QueryState query={evaluation}>
        {(v) => (
          <>
            <Header evaluation={v} />
            <InputsSection evaluation={v} />
            <AssessmentSection evaluation={v} key={`${v.status}`} />
            <ActionsSection evaluation={v} />
            <DecideSection evaluation={v} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
