import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MeetingInput, MeetingStatus, MeetingView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Badge } from '../../ui/badge.tsx';
import { required } from '../../ui/form-rules.ts';

/** 開催予定 / 開催済 in words. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={status === 'held' ? 'good' : 'info'}>{t(`oversight.meeting.statuses.${status}`)}</Badge>
  );
}

interface Values {
  heldOn: string;
  time: string;
  place: string;
  agenda: string;
}
const FIELDS = ['heldOn', 'time', 'place', 'agenda'] as const;

/** The agenda as the contract wants it: one item a line, blank lines dropped. */
const agendaOf = (v: string) =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A meeting's plan (A9): day, time, place and agenda — for a new meeting or one still scheduled. */
export function MeetingForm({
  meeting,
  onSave,
  error,
  pending,
  submitLabel,
}: {
  meeting?: MeetingView;
  onSave: (input: MeetingInput) => Promise<unknown>;
  error: unknown;
  pending: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const form = useForm<Values>({
    defaultValues: {
      heldOn: meeting?.heldOn ?? '',
      time: meeting?.time ?? '',
      place: meeting?.place ?? '',
      agenda: meeting?.agenda.join('\n') ?? '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    onSave({
      heldOn: v.heldOn,
      time: v.time || null,
      place: v.place.trim(),
      agenda: agendaOf(v.agenda),
    }).catch((e: unknown) => {
      applyServerErrors(e, FIELDS, form.setError);
    }),
  );
  const k = 'oversight.meeting';
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <FormErrors
        errors={errors}
        serverError={error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: t(`${k}.${name}`) }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      <TextField
        label={t(`${k}.heldOn`)}
        type="date"
        required
        registration={form.register('heldOn', required('i18n:validation.required'))}
        error={errors.heldOn}
        after={<DatePreview text={dates.date(form.watch('heldOn'))} />}
      />
      <TextField
        label={t(`${k}.time`)}
        type="time"
        help={t(`${k}.timeHelp`)}
        registration={form.register('time')}
        error={errors.time}
      />
      <TextField
        label={t(`${k}.place`)}
        required
        registration={form.register('place', required('i18n:validation.required'))}
        error={errors.place}
      />
      <TextAreaField
        label={t(`${k}.agenda`)}
        help={t(`${k}.agendaHelp`)}
        required
        registration={form.register('agenda', {
          validate: (v) => agendaOf(v).length > 0 || 'i18n:validation.required',
        })}
        error={errors.agenda}
      />
      <button type="submit" className="btn-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
