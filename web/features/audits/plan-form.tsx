import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS, type AuditKind, type AuditView, type PlanInput } from '../../../shared/api/audits.ts';
import { AUDIT_DEFAULT_ARTICLES } from '../../../shared/compliance/articles.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { todayInTokyo } from '../../ui/format-date.ts';
import { useUnits } from '../organisation/queries.ts';
import { ArticlesField } from './plan-articles.tsx';
import { required } from '../../ui/form-rules.ts';

export interface PlanValues {
  title: string;
  kind: AuditKind;
  organisation: string;
  name: string;
  contact: string;
  unitsMode: 'all' | 'chosen';
  unitIds: string[];
  articles: string[];
  periodFrom: string;
  periodTo: string;
  plannedStart: string;
  plannedEnd: string;
  note: string;
}
const FIELDS = [
  'title',
  'kind',
  'organisation',
  'name',
  'contact',
  'unitIds',
  'articles',
  'periodFrom',
  'periodTo',
  'plannedStart',
  'plannedEnd',
  'note',
] as const;

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A new plan: the whole range of A36, every unit, the past year audited, starting today. */
function blank(): PlanValues {
  const today = todayInTokyo();
  return {
    title: '',
    kind: 'regular',
    organisation: '',
    name: '',
    contact: '',
    unitsMode: 'all',
    unitIds: [],
    articles: AUDIT_DEFAULT_ARTICLES.map(String),
    periodFrom: shift(today, -365),
    periodTo: today,
    plannedStart: today,
    plannedEnd: shift(today, 30),
    note: '',
  };
}

export function valuesOf(audit: AuditView | undefined): PlanValues {
  if (!audit) return blank();
  return {
    title: audit.title,
    kind: audit.kind,
    organisation: audit.external?.organisation ?? '',
    name: audit.external?.name ?? '',
    contact: audit.external?.contact ?? '',
    unitsMode: audit.unitIds === null ? 'all' : 'chosen',
    unitIds: audit.unitIds ?? [],
    articles: audit.articles.map(String),
    periodFrom: audit.periodFrom,
    periodTo: audit.periodTo,
    plannedStart: audit.plannedStart,
    plannedEnd: audit.plannedEnd,
    note: audit.note ?? '',
  };
}

function inputOf(v: PlanValues): PlanInput {
  const external = v.kind === 'external';
  return {
    title: v.title.trim(),
    kind: v.kind,
    external: external
      ? { organisation: v.organisation.trim(), name: v.name.trim(), contact: v.contact.trim() }
      : null,
    unitIds: v.unitsMode === 'all' ? null : v.unitIds,
    articles: v.articles.map(Number).sort((a, b) => a - b),
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    plannedStart: v.plannedStart,
    plannedEnd: v.plannedEnd,
    note: v.note.trim() === '' ? null : v.note.trim(),
  };
}

/** The units in scope when chosen one by one (A36: the audit covers 当該学校等). */
function UnitsField({ form, error }: { form: ReturnType<typeof useForm<PlanValues>>; error?: string }) {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <fieldset id="plan-units" className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}>
      <legend className="label mb-1">{t('audits.plan.units')}</legend>
      {error && (
        <p className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <QueryState query={units}>
        {(list) => (
          <div className="grid max-h-80 gap-x-4 overflow-y-auto rounded-lg border border-line-soft p-3 sm:grid-cols-2 lg:grid-cols-3">
            {list.map((u) => (
              <label key={u.id} className="flex min-h-10 items-center gap-2">
                <input
                  type="checkbox"
                  value={u.id}
                  className="size-5 accent-primary"
                  {...form.register('unitIds', {
                    validate: (v) =>
                      form.getValues('unitsMode') === 'all' || v.length > 0 || t('audits.plan.unitsRequired'),
                  })}
                />
                {u.name}
              </label>
            ))}
          </div>
        )}
      </QueryState>
    </fieldset>
  );
}

/** The plan of an audit (A36): title, kind (an external auditor's details), scope, period, dates. */
export function PlanForm({
  audit,
  submitLabel,
  pending,
  serverError,
  onSubmit,
}: {
  audit?: AuditView;
  submitLabel: string;
  pending: boolean;
  serverError: unknown;
  onSubmit: (input: PlanInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const form = useForm<PlanValues>({ defaultValues: valuesOf(audit), shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const kind = form.watch('kind');
  const unitsMode = form.watch('unitsMode');
  const need = required(t('validation.required'));
  const externalNeed = {
    validate: (v: string) =>
      form.getValues('kind') !== 'external' || v.trim() !== '' || t('validation.required'),
  };
  const submit = form.handleSubmit((v) =>
    onSubmit(inputOf(v)).catch((e: unknown) =>
      applyServerErrors(e, FIELDS, form.setError, {
        'audits.external_required': 'organisation',
        'audits.unit_invalid': 'unitIds',
        'audits.period_invalid': 'periodTo',
      }),
    ),
  );
  const labels: Record<(typeof FIELDS)[number], string> = {
    title: t('audits.plan.titleField'),
    kind: t('audits.plan.kind'),
    organisation: t('audits.plan.organisation'),
    name: t('audits.plan.name'),
    contact: t('audits.plan.contact'),
    unitIds: t('audits.plan.units'),
    articles: t('audits.plan.articles'),
    periodFrom: t('audits.plan.periodFrom'),
    periodTo: t('audits.plan.periodTo'),
    plannedStart: t('audits.plan.plannedStart'),
    plannedEnd: t('audits.plan.plannedEnd'),
    note: t('audits.plan.note'),
  };
  const date = (name: 'periodFrom' | 'periodTo' | 'plannedStart' | 'plannedEnd') => (
    <TextField
      label={labels[name]}
      type="date"
      registration={form.register(name, required(t('validation.date')))}
      error={errors[name]}
      required
      after={<DatePreview text={dates.date(form.watch(name))} />}
    />
  );
  return (
    <>
      <FormErrors
        errors={errors}
        serverError={serverError}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) =>
          name === 'articles' || name === 'unitIds'
            ? document
                .querySelector<HTMLElement>(`#plan-${name === 'articles' ? 'articles' : 'units'} input`)
                ?.focus()
            : form.setFocus(name as (typeof FIELDS)[number])
        }
      />
      <form noValidate className="max-w-4xl" onSubmit={(e) => void submit(e)}>
        <Section title={t('audits.plan.basics')}>
          <TextField
            label={labels.title}
            registration={form.register('title', need)}
            error={errors.title}
            required
          />
          <RadioGroupField
            label={labels.kind}
            registration={form.register('kind')}
            required
            options={AUDIT_KINDS.map((k) => ({ value: k, label: t(`audits.kinds.${k}`) }))}
          />
          {kind === 'external' && (
            <fieldset className="mb-6 rounded-lg border border-line-soft p-4">
              <legend className="label px-1">{t('audits.plan.external')}</legend>
              <p className="mb-3 text-sm text-ink-muted">{t('audits.plan.externalHelp')}</p>
              <TextField
                label={labels.organisation}
                registration={form.register('organisation', externalNeed)}
                error={errors.organisation}
                required
              />
              <TextField
                label={labels.name}
                registration={form.register('name', externalNeed)}
                error={errors.name}
                required
              />
              <TextField
                label={labels.contact}
                registration={form.register('contact', externalNeed)}
                error={errors.contact}
                required
              />
            </fieldset>
          )}
        </Section>
        <Section title={t('audits.plan.scope')}>
          <RadioGroupField
            label={t('audits.plan.unitsMode')}
            registration={form.register('unitsMode')}
            required
            options={[
              { value: 'all', label: t('audits.plan.unitsAll') },
              { value: 'chosen', label: t('audits.plan.unitsChosen') },
            ]}
          />
          {unitsMode === 'chosen' && <UnitsField form={form} error={errors.unitIds?.message} />}
          <ArticlesField form={form} error={errors.articles?.message} />
          <div className="grid gap-x-6 sm:grid-cols-2">
            {date('periodFrom')}
            {date('periodTo')}
          </div>
        </Section>
        <Section title={t('audits.plan.schedule')}>
          <div className="grid gap-x-6 sm:grid-cols-2">
            {date('plannedStart')}
            {date('plannedEnd')}
          </div>
          <TextAreaField label={labels.note} registration={form.register('note')} error={errors.note} />
        </Section>
        <button type="submit" className="btn-primary mt-6" disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
