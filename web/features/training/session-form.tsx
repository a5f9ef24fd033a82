import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SESSION_MODES, type SessionMode } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { required } from '../../ui/form-rules.ts';
import { useAddSession } from './queries.ts';

interface Values {
  mode: SessionMode;
  heldOn: string;
  closesOn: string;
  place: string;
  capacity: string;
  note: string;
}
const FIELDS = ['mode', 'heldOn', 'closesOn', 'place', 'capacity', 'note'] as const;
const EMPTY: Values = { mode: 'in_person', heldOn: '', closesOn: '', place: '', capacity: '', note: '' };

/** 実施回を追加: a day in person (place, capacity) or online material open for a period (A10). */
export function SessionForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const add = useAddSession(courseId);
  const form = useForm<Values>({ defaultValues: EMPTY, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const mode = form.watch('mode');
  const online = mode === 'online';
  const submit = form.handleSubmit((v) =>
    add
      .mutateAsync({
        mode: v.mode,
        heldOn: v.heldOn,
        closesOn: online ? v.closesOn : null,
        place: online ? '' : v.place.trim(),
        capacity: !online && v.capacity.trim() ? Number(v.capacity) : null,
        note: v.note.trim(),
      })
      .then((view) =>
        navigate(`/training/sessions/${view.id}`, {
          state: { notice: 'training.sessionForm.added' },
        }),
      )
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError)),
  );
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t('training.course.addSession')}</h3>
      <FormErrors errors={errors} serverError={add.error} submitCount={submitCount} />
      <RadioGroupField
        label={t('training.sessionForm.mode')}
        registration={form.register('mode')}
        required
        options={SESSION_MODES.map((m) => ({ value: m, label: t(`training.modes.${m}`) }))}
      />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          label={online ? t('training.sessionForm.heldOnOnline') : t('training.sessionForm.heldOn')}
          type="date"
          registration={form.register('heldOn', required(t('validation.date')))}
          error={errors.heldOn}
          required
          after={<DatePreview text={dates.date(form.watch('heldOn'))} />}
        />
        {online && (
          <TextField
            label={t('training.sessionForm.closesOn')}
            type="date"
            registration={form.register('closesOn', required(t('training.sessionForm.closesOnRequired')))}
            error={errors.closesOn}
            required
            after={<DatePreview text={dates.date(form.watch('closesOn'))} />}
          />
        )}
      </div>
      {!online && (
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            label={t('training.sessionForm.place')}
            registration={form.register('place')}
            error={errors.place}
          />
          <TextField
            label={t('training.sessionForm.capacity')}
            type="number"
            inputMode="numeric"
            registration={form.register('capacity', {
              validate: (v) => v.trim() === '' || /^\d{1,5}$/.test(v.trim()) || t('validation.format'),
            })}
            error={errors.capacity}
          />
        </div>
      )}
      <TextAreaField
        label={t('training.sessionForm.note')}
        registration={form.register('note')}
        error={errors.note}
      />
      <button type="submit" className="btn-primary" disabled={add.isPending}>
        {t('training.sessionForm.submit')}
      </button>
    </form>
  );
}
