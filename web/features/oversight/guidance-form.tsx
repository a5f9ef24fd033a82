import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MINISTRY_SUGGESTIONS, type GuidanceView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { orNull, required } from '../../ui/form-rules.ts';
import { DocumentField, Saved } from './bits.tsx';
import { useSaveGuidance } from './queries.ts';

interface Values {
  receivedOn: string;
  ministry: string;
  subject: string;
  summary: string;
  response: string;
}
const FIELDS = ['receivedOn', 'ministry', 'subject', 'summary', 'response'] as const;

/**
 * Guidance received from a ministry (A39: the 理事長 works closely with the ministries): when, from
 * whom, on what, what it says and what the organisation did, with the document received.
 * New when `guidance` is absent (the form empties after recording one).
 */
export function GuidanceForm({ guidance }: { guidance?: GuidanceView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const save = useSaveGuidance(guidance?.id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const blank = { receivedOn: '', ministry: '', subject: '', summary: '', response: '' };
  const form = useForm<Values>({
    defaultValues: guidance ? { ...guidance, response: guidance.response ?? '' } : blank,
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const k = 'oversight.guidance';
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        input: {
          receivedOn: v.receivedOn,
          ministry: v.ministry.trim(),
          subject: v.subject.trim(),
          summary: v.summary.trim(),
          response: orNull(v.response),
        },
        file,
      })
      .then(() => {
        if (!guidance) form.reset(blank);
        setFile(null);
        setResetKey((n) => n + 1);
      })
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError)),
  );
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <Saved show={save.isSuccess} />
      <FormErrors
        errors={errors}
        serverError={save.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: t(`${k}.${name}`) }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      <TextField
        label={t(`${k}.receivedOn`)}
        type="date"
        required
        registration={form.register('receivedOn', required('i18n:validation.required'))}
        error={errors.receivedOn}
        after={<DatePreview text={dates.date(form.watch('receivedOn'))} />}
      />
      <TextField
        label={t(`${k}.ministry`)}
        help={t(`${k}.ministryHelp`, { examples: MINISTRY_SUGGESTIONS.join('、') })}
        required
        registration={form.register('ministry', required('i18n:validation.required'))}
        error={errors.ministry}
      />
      <TextField
        label={t(`${k}.subject`)}
        required
        registration={form.register('subject', required('i18n:validation.required'))}
        error={errors.subject}
      />
      <TextAreaField
        label={t(`${k}.summary`)}
        help={t(`${k}.summaryHelp`)}
        required
        registration={form.register('summary', required('i18n:validation.required'))}
        error={errors.summary}
      />
      <TextAreaField
        label={t(`${k}.response`)}
        help={t(`${k}.responseHelp`)}
        registration={form.register('response')}
        error={errors.response}
      />
      <DocumentField
        label={guidance?.document ? t(`${k}.replaceDocument`) : t(`${k}.document`)}
        help={t(`${k}.documentHelp`)}
        onChoose={setFile}
        resetKey={resetKey}
      />
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {guidance ? t('oversight.save') : t(`${k}.record`)}
      </button>
    </form>
  );
}
