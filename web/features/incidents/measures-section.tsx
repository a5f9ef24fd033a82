import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IncidentView, MeasureView } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { NoteForm } from '../../ui/note-form.tsx';
import { Section } from '../../ui/page.tsx';
import { required } from '../../ui/form-rules.ts';
import { Saved } from './form-bits.tsx';
import { useAddMeasure, useCloseIncident, useCompleteMeasure } from './queries.ts';

function CompleteForm({ incidentId, measure }: { incidentId: string; measure: MeasureView }) {
  const { t } = useTranslation();
  const complete = useCompleteMeasure(incidentId);
  return (
    <NoteForm
      label={t('incidents.measures.doneNote')}
      submitLabel={t('incidents.measures.complete')}
      pending={complete.isPending}
      serverError={complete.error}
      onSubmit={(note) => complete.mutateAsync({ measureId: measure.id, note })}
    />
  );
}

/** 再発防止策 (A34-5): each with its owner and due day; the incident closes only when all are done. */
export function MeasuresSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const add = useAddMeasure(incident.id);
  const form = useForm({ defaultValues: { text: '', ownerId: '', due: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    add
      .mutateAsync({ text: v.text.trim(), ownerId: v.ownerId, due: v.due })
      .then(() => form.reset({ text: '', ownerId: '', due: '' }))
      .catch(() => undefined),
  );
  return (
    <Section title={t('incidents.measures.title')}>
      {incident.measures.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('incidents.measures.none')}</p>
      ) : (
        <ul className="mb-6 grid gap-3">
          {incident.measures.map((m) => (
            <li key={m.id} className="card py-4">
              <p className="whitespace-pre-wrap font-bold">{m.text}</p>
              <p className="text-sm">
                {t('incidents.measures.ownerDue', { name: m.ownerName, date: dates.date(m.due) })}
                {m.overdue && !m.doneAt && (
                  <span className="badge ml-2 border-error bg-error-soft text-error">
                    <span aria-hidden="true">⚠ </span>
                    {t('incidents.deadline.overdue')}
                  </span>
                )}
              </p>
              {m.doneAt ? (
                <p className="mt-2 text-sm">
                  <span className="badge mr-2 border-success bg-success-soft">
                    {t('incidents.measures.done')}
                  </span>
                  {t('incidents.measures.doneBy', {
                    date: dates.dateTime(m.doneAt),
                    name: m.doneByName ?? '',
                  })}
                  {m.note && <span className="block whitespace-pre-wrap">{m.note}</span>}
                </p>
              ) : (
                m.canComplete && <CompleteForm incidentId={incident.id} measure={m} />
              )}
            </li>
          ))}
        </ul>
      )}
      {incident.can.measures && (
        <>
          <Saved show={add.isSuccess} />
          <FormErrors errors={errors} serverError={add.error} submitCount={submitCount} />
          <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
            <h3 className="mb-3 text-lg">{t('incidents.measures.add')}</h3>
            <TextAreaField
              label={t('incidents.measures.text')}
              registration={form.register('text', required(t('validation.required')))}
              error={errors.text}
              required
            />
            <div className="grid gap-x-6 sm:grid-cols-2">
              <SelectField
                label={t('incidents.measures.owner')}
                registration={form.register('ownerId', required(t('validation.choose')))}
                error={errors.ownerId}
                placeholder=""
                required
                options={incident.owners.map((o) => ({ value: o.id, label: o.name }))}
              />
              <TextField
                label={t('incidents.measures.due')}
                type="date"
                registration={form.register('due', required(t('validation.date')))}
                error={errors.due}
                required
                after={<DatePreview text={dates.date(form.watch('due'))} />}
              />
            </div>
            <button type="submit" className="btn-primary" disabled={add.isPending}>
              {t('incidents.measures.submit')}
            </button>
          </form>
        </>
      )}
    </Section>
  );
}

/** 終結 (A34-5): with a summary; the server refuses while measures or required records are open. */
export function CloseSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const close = useCloseIncident(incident.id);
  const [saved, setSaved] = useState(false);
  const form = useForm({ defaultValues: { summary: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  if (!incident.can.close || incident.status === 'closed')
    return <Saved show={saved} text={t('incidents.close.done')} />;
  const submit = form.handleSubmit((v) =>
    close
      .mutateAsync(v.summary.trim())
      .then(() => setSaved(true))
      .catch(() => undefined),
  );
  return (
    <Section title={t('incidents.close.title')}>
      <p className="mb-4 max-w-3xl">{t('incidents.close.lead')}</p>
      <FormErrors errors={errors} serverError={close.error} submitCount={submitCount} />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <TextAreaField
          label={t('incidents.close.summary')}
          registration={form.register('summary', required(t('validation.required')))}
          error={errors.summary}
          required
        />
        <button type="submit" className="btn-primary" disabled={close.isPending}>
          {t('incidents.close.submit')}
        </button>
      </form>
    </Section>
  );
}
