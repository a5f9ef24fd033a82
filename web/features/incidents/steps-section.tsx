import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IncidentView, StepView } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Saved } from './form-bits.tsx';
import { LOCAL_DATETIME, nowInTokyo, tokyoInstant } from './labels.tsx';
import { useRecordStep } from './queries.ts';

interface Values {
  outcome: 'done' | 'not_needed';
  at: string;
  to: string;
  note: string;
}

const STATUS_TONE: Record<StepView['status'], string> = {
  done: 'border-success bg-success-soft text-ink-strong',
  not_needed: 'border-line text-ink-muted',
  pending: 'border-warning bg-warning-soft text-ink-strong',
  waiting: 'border-line text-ink-muted',
  not_applicable: 'border-line text-ink-muted',
};

/** Records one step of the chain: done (with its time and to whom) or, where optional, not needed (A34-4, -6). */
function StepForm({ incidentId, step, onDone }: { incidentId: string; step: StepView; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordStep(incidentId);
  const form = useForm<Values>({
    defaultValues: { outcome: 'done', at: nowInTokyo(), to: '', note: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const outcome = form.watch('outcome');
  const submit = form.handleSubmit((v) =>
    record
      .mutateAsync({
        step: step.step,
        outcome: v.outcome,
        at: tokyoInstant(v.at),
        to: v.to.trim() || null,
        note: v.note.trim() || null,
      })
      .then(onDone)
      .catch(() => undefined),
  );
  return (
    <>
      <FormErrors errors={errors} serverError={record.error} submitCount={submitCount} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {step.optional && (
          <RadioGroupField
            label={t('incidents.steps.outcome')}
            registration={form.register('outcome')}
            required
            options={[
              { value: 'done', label: t('incidents.steps.outcomes.done') },
              { value: 'not_needed', label: t('incidents.steps.outcomes.not_needed') },
            ]}
          />
        )}
        <TextField
          label={t('incidents.steps.at')}
          help={t('incidents.steps.atHelp')}
          type="datetime-local"
          registration={form.register('at', {
            validate: (v) => LOCAL_DATETIME.test(v) || t('validation.format'),
          })}
          error={errors.at}
          required
        />
        {outcome === 'done' && (
          <TextField
            label={t('incidents.steps.to')}
            help={t('incidents.steps.toHelp')}
            registration={form.register('to')}
          />
        )}
        <TextAreaField
          label={outcome === 'done' ? t('incidents.steps.note') : t('incidents.steps.reason')}
          registration={form.register('note', {
            validate: (v) => outcome === 'done' || v.trim().length > 0 || t('validation.required'),
          })}
          error={errors.note}
          required={outcome === 'not_needed'}
        />
        <button type="submit" className="btn-primary" disabled={record.isPending}>
          {t('incidents.steps.submit')}
        </button>
      </form>
    </>
  );
}

/** The chain of the rule (A34-3, -4, -6, -7, A35-2) and the law's 速報・確報 (法68①). */
export function StepsSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [recording, setRecording] = useState<StepView | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <Section title={t('incidents.steps.title')}>
      <p className="mb-4 max-w-3xl">{t('incidents.steps.lead')}</p>
      <Saved show={saved} text={t('incidents.steps.recorded')} />
      <ol className="grid gap-3">
        {incident.steps.map((s) => (
          <li key={s.step} className="card py-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h3 className="text-lg">{t(`incidents.stepNames.${s.step}`)}</h3>
              <span className={`badge ${STATUS_TONE[s.status]}`}>
                {t(`incidents.steps.status.${s.status}`)}
              </span>
            </div>
            <p className="text-sm text-ink-muted">{t(`incidents.actors.${s.actor}`)}</p>
            {(s.at || s.byName || s.to || s.note) && (
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
                {s.at && (
                  <>
                    <dt className="font-bold">{t('incidents.steps.at')}</dt>
                    <dd>{dates.dateTime(s.at)}</dd>
                  </>
                )}
                {s.byName && (
                  <>
                    <dt className="font-bold">{t('incidents.steps.by')}</dt>
                    <dd>{s.byName}</dd>
                  </>
                )}
                {s.to && (
                  <>
                    <dt className="font-bold">{t('incidents.steps.to')}</dt>
                    <dd>{s.to}</dd>
                  </>
                )}
                {s.note && (
                  <>
                    <dt className="font-bold">{t('incidents.steps.note')}</dt>
                    <dd className="whitespace-pre-wrap">{s.note}</dd>
                  </>
                )}
              </dl>
            )}
            {s.canRecord && (
              <button
                type="button"
                className="btn-primary btn-sm mt-3"
                onClick={() => {
                  setSaved(false);
                  setRecording(s);
                }}
              >
                {t('incidents.steps.record', { step: t(`incidents.stepNames.${s.step}`) })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <Dialog
        open={recording !== null}
        title={
          recording ? t('incidents.steps.record', { step: t(`incidents.stepNames.${recording.step}`) }) : ''
        }
        onClose={() => setRecording(null)}
      >
        {recording && (
          <StepForm
            incidentId={incident.id}
            step={recording}
            onDone={() => {
              setRecording(null);
              setSaved(true);
            }}
          />
        )}
      </Dialog>
    </Section>
  );
}
