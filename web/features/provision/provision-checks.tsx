import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CHECK_KINDS,
  CHECK_RESULTS,
  CHECK_TIMINGS,
  type ProvisionView,
} from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { required } from '../../ui/form-rules.ts';
import { Saved } from './bits.tsx';
import { useImprovementDone, useRecordProvisionCheck, useRequestImprovement } from './queries-provisions.ts';

type Kind = (typeof CHECK_KINDS)[number];
type Timing = (typeof CHECK_TIMINGS)[number];
type Result = (typeof CHECK_RESULTS)[number];
const k = 'provision.provisionPage';

function CheckForm({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const record = useRecordProvisionCheck(p.id);
  const empty = {
    kind: 'onsite' as Kind,
    timing: 'before' as Timing,
    checkedOn: '',
    findings: '',
    result: '' as Result | '',
    nextCheckDue: '',
  };
  const form = useForm({ defaultValues: empty, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    record
      .mutateAsync({
        ...v,
        findings: v.findings.trim(),
        result: v.result as Result,
        nextCheckDue: v.nextCheckDue || null,
      })
      .then(() => form.reset(empty))
      .catch(() => undefined),
  );
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t(`${k}.recordCheck`)}</h3>
      <Saved show={record.isSuccess} />
      <FormErrors errors={errors} serverError={record.error} submitCount={submitCount} />
      <RadioGroupField
        label={t(`${k}.checkKind`)}
        registration={form.register('kind')}
        required
        options={CHECK_KINDS.map((x) => ({ value: x, label: t(`provision.checkKinds.${x}`) }))}
      />
      <RadioGroupField
        label={t(`${k}.checkTiming`)}
        registration={form.register('timing')}
        required
        options={CHECK_TIMINGS.map((x) => ({ value: x, label: t(`provision.checkTimings.${x}`) }))}
      />
      <TextField
        label={t(`${k}.checkedOn`)}
        type="date"
        registration={form.register('checkedOn', required(t('validation.date')))}
        error={errors.checkedOn}
        required
        after={<DatePreview text={dates.date(form.watch('checkedOn'))} />}
      />
      <TextAreaField
        label={t(`${k}.findings`)}
        registration={form.register('findings', required(t('validation.required')))}
        error={errors.findings}
        required
      />
      <RadioGroupField
        label={t(`${k}.result`)}
        registration={form.register('result', required(t('validation.choose')))}
        error={errors.result}
        required
        options={CHECK_RESULTS.map((x) => ({ value: x, label: t(`provision.provisionCheckResults.${x}`) }))}
      />
      <TextField label={t(`${k}.nextCheckDue`)} type="date" registration={form.register('nextCheckDue')} />
      <button type="submit" className="btn-primary" disabled={record.isPending}>
        {t(`${k}.submitCheck`)}
      </button>
    </form>
  );
}

function ImprovementForm({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const add = useRequestImprovement(p.id);
  const empty = { checkId: '', request: '', dueOn: '' };
  const form = useForm({ defaultValues: empty, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const dates = useDates();
  const submit = form.handleSubmit((v) =>
    add
      .mutateAsync({ checkId: v.checkId || null, request: v.request.trim(), dueOn: v.dueOn })
      .then(() => form.reset(empty))
      .catch(() => undefined),
  );
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t(`${k}.addImprovement`)}</h3>
      <FormErrors errors={errors} serverError={add.error} submitCount={submitCount} />
      {p.checks.length > 0 && (
        <SelectField
          label={t(`${k}.improvementCheck`)}
          registration={form.register('checkId')}
          options={[
            { value: '', label: t('provision.none') },
            ...p.checks.map((c) => ({
              value: c.id,
              label: `${dates.date(c.checkedOn)} ${t(`provision.checkKinds.${c.kind}`)}`,
            })),
          ]}
        />
      )}
      <TextAreaField
        label={t(`${k}.request`)}
        registration={form.register('request', required(t('validation.required')))}
        error={errors.request}
        required
      />
      <TextField
        label={t(`${k}.dueOn`)}
        type="date"
        registration={form.register('dueOn', required(t('validation.date')))}
        error={errors.dueOn}
        required
      />
      <button type="submit" className="btn-secondary" disabled={add.isPending}>
        {t(`${k}.addImprovement`)}
      </button>
    </form>
  );
}

function DoneForm({ provisionId, improvementId }: { provisionId: string; improvementId: string }) {
  const { t } = useTranslation();
  const done = useImprovementDone(provisionId);
  const form = useForm({ defaultValues: { doneOn: '', note: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    done.mutateAsync({ improvementId, doneOn: v.doneOn, note: v.note.trim() }).catch(() => undefined),
  );
  return (
    <form noValidate className="mt-2 grid gap-x-6 sm:grid-cols-2" onSubmit={(e) => void submit(e)}>
      <div className="sm:col-span-2">
        <FormErrors errors={errors} serverError={done.error} submitCount={submitCount} />
      </div>
      <TextField
        label={t(`${k}.doneOn`)}
        type="date"
        registration={form.register('doneOn', required(t('validation.date')))}
        error={errors.doneOn}
        required
      />
      <TextField label={t(`${k}.doneNote`)} registration={form.register('note')} />
      <div>
        <button type="submit" className="btn-secondary btn-sm" disabled={done.isPending}>
          {t(`${k}.markDone`)}
        </button>
      </div>
    </form>
  );
}

/** A18-2: on-site or documentary checks, before or during, and improvement requests tracked to done. */
export function ChecksSection({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const keeps = p.canEdit || p.canRecordAct;
  return (
    <Section title={t(`${k}.checks`)}>
      {p.checks.length === 0 ? (
        <p className="text-ink-muted">{t(`${k}.checksNone`)}</p>
      ) : (
        <ul className="grid gap-3">
          {p.checks.map((c) => (
            <li key={c.id} className="card py-3">
              <p className="font-bold">
                {`${dates.date(c.checkedOn)} ${t(`provision.checkKinds.${c.kind}`)}（${t(`provision.checkTimings.${c.timing}`)}）`}
                <span className="ml-2">
                  <Badge
                    tone={
                      c.result === 'satisfactory'
                        ? 'good'
                        : c.result === 'improvement_needed'
                          ? 'warn'
                          : 'bad'
                    }
                  >
                    {t(`provision.provisionCheckResults.${c.result}`)}
                  </Badge>
                </span>
              </p>
              <p className="whitespace-pre-wrap">{c.findings}</p>
              <p className="text-sm text-ink-muted">
                {t('provision.inspections.by', { name: c.recordedByName })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {p.nextCheckDue && <p className="mt-2">{`${t(`${k}.nextCheckDue`)}：${dates.date(p.nextCheckDue)}`}</p>}
      {keeps && <CheckForm provision={p} />}
      <h3 className="mt-8 mb-2 text-lg">{t(`${k}.improvements`)}</h3>
      {p.improvements.length === 0 ? (
        <p className="text-ink-muted">{t(`${k}.improvementsNone`)}</p>
      ) : (
        <ul className="grid gap-3">
          {p.improvements.map((i) => (
            <li key={i.id} className="card py-3">
              <p className="whitespace-pre-wrap font-bold">{i.request}</p>
              <p className="text-sm">
                {t(`${k}.dueAt`, { date: dates.date(i.dueOn) })}
                {i.overdue && !i.doneOn && (
                  <span className="ml-2">
                    <Badge tone="bad">{t('provision.inspections.overdue')}</Badge>
                  </span>
                )}
                {i.doneOn && (
                  <span className="ml-2">
                    <Badge tone="good">{t(`${k}.doneAt`, { date: dates.date(i.doneOn) })}</Badge>
                  </span>
                )}
              </p>
              {i.note && <p className="text-sm whitespace-pre-wrap">{i.note}</p>}
              {!i.doneOn && keeps && <DoneForm provisionId={p.id} improvementId={i.id} />}
            </li>
          ))}
        </ul>
      )}
      {keeps && <ImprovementForm provision={p} />}
    </Section>
  );
}
