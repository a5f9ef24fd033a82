import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EvaluationSummary } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useUnits } from '../../organisation/queries.ts';
import { Badge } from '../../../ui/badge.tsx';
import { useFiscalYear, useHubCrumb } from './labels.tsx';
import { useCreateEvaluation, useEvaluations } from './queries.ts';

/** The fiscal year (年度, from 1 April) that ended last: the one the yearly evaluation looks back on. */
function lastFiscalYear(today: string): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return (m >= 4 ? y : y - 1) - 1;
}

function EvaluationTable({ rows }: { rows: EvaluationSummary[] }) {
  const { t } = useTranslation();
  const fiscalYear = useFiscalYear();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('reviews.evaluation.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.evaluation.fiscalYear')}</th>
            <th scope="col">{t('reviews.evaluation.scope')}</th>
            <th scope="col">{t('reviews.evaluation.status')}</th>
            <th scope="col">{t('reviews.evaluation.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/oversight/evaluations/${e.id}`}>{fiscalYear(e.fiscalYear)}</Link>
              </th>
              <td>{e.unitName ?? t('reviews.evaluation.organisation')}</td>
              <td>
                <Badge tone={e.status === 'decided' ? 'good' : 'info'}>
                  {t(`reviews.evaluation.statuses.${e.status}`)}
                </Badge>
                {e.decidedAt && <span className="block text-sm">{dates.date(e.decidedAt)}</span>}
              </td>
              <td>
                {t('reviews.evaluation.actionsValue', { count: e.actions, open: e.openActions })}
                {e.overdueActions > 0 && (
                  <span className="ml-2">
                    <Badge tone="bad">
                      {t('reviews.evaluation.overdueValue', { count: e.overdueActions })}
                    </Badge>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 評価・見直しを始める: a fiscal year and the scope (the organisation's by the 総括管理者, a unit's by its 総括保護管理者). */
function CreateForm({ canCreate }: { canCreate: { organisation: boolean; unitIds: string[] } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEvaluation();
  const units = useUnits();
  const names = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const scopes = [
    ...(canCreate.organisation ? [{ value: '', label: t('reviews.evaluation.organisation') }] : []),
    ...canCreate.unitIds.map((id) => ({ value: id, label: names.get(id) ?? id })),
  ];
  const form = useForm({
    defaultValues: { fiscalYear: String(lastFiscalYear(todayInTokyo())), unitId: scopes[0]?.value ?? '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    create
      .mutateAsync({ fiscalYear: Number(v.fiscalYear), unitId: v.unitId || null })
      .then((view) =>
        navigate(`/oversight/evaluations/${view.id}`, { state: { notice: 'reviews.evaluation.created' } }),
      )
      .catch((e: unknown) => applyServerErrors(e, ['fiscalYear', 'unitId'] as const, form.setError)),
  );
  return (
    <Section title={t('reviews.evaluation.create')}>
      <form noValidate className="max-w-xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={create.error} submitCount={submitCount} />
        <TextField
          label={t('reviews.evaluation.createYear')}
          help={t('reviews.evaluation.createYearHelp')}
          type="number"
          inputMode="numeric"
          registration={form.register('fiscalYear', {
            validate: (v) => /^\d{4}$/.test(v.trim()) || t('validation.format'),
          })}
          error={errors.fiscalYear}
          required
        />
        <SelectField
          label={t('reviews.evaluation.createScope')}
          registration={form.register('unitId')}
          error={errors.unitId}
          required
          options={scopes}
        />
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {t('reviews.evaluation.createSubmit')}
        </button>
      </form>
    </Section>
  );
}

/** /oversight/evaluations: the yearly evaluation and revision of the measures (A38), one per fiscal year and scope. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const hub = useHubCrumb();
  const list = useEvaluations();
  const title = t('reviews.evaluation.listTitle');
  return (
    <Page title={title} crumbs={[hub, { label: title }]} lead={<p>{t('reviews.evaluation.listLead')}</p>}>
      <QueryState query={list}>
        {({ evaluations, canCreate }) => (
          <>
            {evaluations.length === 0 ? (
              <p role="status" className="card">
                {t('reviews.evaluation.empty')}
              </p>
            ) : (
              <EvaluationTable
                rows={[...evaluations].sort(
                  (a, b) =>
                    b.fiscalYear - a.fiscalYear ||
                    (a.unitName ?? '').localeCompare(b.unitName ?? '') ||
                    a.id.localeCompare(b.id),
                )}
              />
            )}
            {(canCreate.organisation || canCreate.unitIds.length > 0) && <CreateForm canCreate={canCreate} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}
