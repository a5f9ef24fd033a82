import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CHECK_RESULTS,
  type MeasureView,
  type SystemCheckResult,
  type SystemView,
} from '../../../../shared/api/facility-systems.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { ActionDialog } from '../devices/action-dialog.tsx';
import { CheckOverdueBadge } from './bits.tsx';
import { useRecordCheck } from './queries.ts';

interface CheckValues {
  checkedOn: string;
  result: SystemCheckResult | '';
  note: string;
}

/** A23, A24: a check of one safeguard — the day, the result, and what was found when it needs action. */
function CheckForm({
  system,
  measure,
  done,
}: {
  system: SystemView;
  measure: MeasureView;
  done: () => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const notify = useNotify();
  const record = useRecordCheck(system.id);
  const form = useForm<CheckValues>({
    defaultValues: { checkedOn: todayInTokyo(), result: '', note: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const f = (k: string) => t(`facilities.systems.check.${k}`);
  const submit = form.handleSubmit((v) =>
    record
      .mutateAsync({
        measureId: measure.id,
        input: { checkedOn: v.checkedOn, result: v.result as SystemCheckResult, note: orNull(v.note) },
      })
      .then(() => {
        done();
        notify('facilities.systems.check.recorded');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, ['checkedOn', 'result', 'note'], form.setError, {
          'facilities.system_check_date_invalid': 'checkedOn',
        }),
      ),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4 whitespace-pre-wrap">{measure.description}</p>
      <FormErrors errors={errors} serverError={record.error} submitCount={submitCount} />
      <TextField
        label={f('checkedOn')}
        type="date"
        registration={form.register('checkedOn', required(t('validation.date')))}
        error={errors.checkedOn}
        required
        after={<DatePreview text={dates.date(form.watch('checkedOn'))} />}
      />
      <RadioGroupField
        label={f('result')}
        registration={form.register('result', required(t('validation.choose')))}
        error={errors.result}
        required
        options={CHECK_RESULTS.map((r) => ({ value: r, label: t(`facilities.systems.results.${r}`) }))}
      />
      <TextAreaField
        label={f('note')}
        help={f('noteHelp')}
        registration={form.register('note', {
          validate: (v: string) =>
            form.getValues('result') !== 'issues' || v.trim() !== '' || t('validation.required'),
        })}
        error={errors.note}
      />
      <button type="submit" className="btn-primary" disabled={record.isPending}>
        {f('submit')}
      </button>
    </form>
  );
}

function Measure({ system, measure: m }: { system: SystemView; measure: MeasureView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const kind = t(`facilities.systems.measureKinds.${m.kind}`);
  const last = m.lastCheck;
  return (
    <li className={`card ${m.overdue ? 'border-error' : ''}`}>
      <h3 className="flex flex-wrap items-center gap-2 text-lg">
        {kind}
        <span className="text-sm font-normal text-ink-muted">
          {t('facilities.systems.articleOf', { article: m.article })}
        </span>
      </h3>
      <p className="mt-1 whitespace-pre-wrap">{m.description}</p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-bold">{t('facilities.systems.measure.lastChecked')}</dt>
        <dd>
          {last ? (
            <>
              {t('facilities.systems.measure.lastCheckText', {
                date: dates.date(last.checkedOn),
                name: last.checkedByName,
              })}{' '}
              <Badge tone={last.result === 'ok' ? 'good' : 'warn'}>
                {t(`facilities.systems.results.${last.result}`)}
              </Badge>
            </>
          ) : (
            t('facilities.systems.measure.never')
          )}
        </dd>
        <dt className="font-bold">{t('facilities.systems.measure.dueOn')}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {dates.date(m.dueOn)}
          {m.overdue && <CheckOverdueBadge />}
        </dd>
      </dl>
      {m.checks.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer font-bold text-primary">
            {t('facilities.systems.measure.history', { count: m.checks.length })}
          </summary>
          <ul className="mt-2 grid gap-2">
            {m.checks.map((c) => (
              <li key={c.id} className="border-l-4 border-line-soft pl-3">
                {t('facilities.systems.measure.lastCheckText', {
                  date: dates.date(c.checkedOn),
                  name: c.checkedByName,
                })}{' '}
                <Badge tone={c.result === 'ok' ? 'good' : 'warn'}>
                  {t(`facilities.systems.results.${c.result}`)}
                </Badge>
                {c.note && <span className="block whitespace-pre-wrap text-sm">{c.note}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {system.can.check && (
        <div className="mt-4">
          <ActionDialog label={t('facilities.systems.check.open', { kind })}>
            {(done) => <CheckForm system={system} measure={m} done={done} />}
          </ActionDialog>
        </div>
      )}
    </li>
  );
}

/** A23, A24: the system's safeguards, each with its last check and the day the next one is due. */
export function MeasuresSection({ system }: { system: SystemView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('facilities.systems.measure.title')}>
      <p className="mb-4 max-w-3xl">
        {t('facilities.systems.measure.lead', { days: system.checkIntervalDays })}
      </p>
      {system.measures.length === 0 ? (
        <p className="text-ink-muted">{t('facilities.systems.measure.none')}</p>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {system.measures.map((m) => (
            <Measure key={m.id} system={system} measure={m} />
          ))}
        </ul>
      )}
    </Section>
  );
}
