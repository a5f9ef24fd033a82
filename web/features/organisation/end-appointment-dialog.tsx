import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { endAppointmentInput, type AppointmentView } from '../../../shared/api/organisation.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { DatePreview, TextField, TextAreaField } from '../../ui/field.tsx';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { useEndAppointment } from './queries.ts';
import { useRoleLabel } from './labels.tsx';

type EndInput = z.input<typeof endAppointmentInput>;

/** 任命の終了: end date (today when empty) and the reason; history is kept by the server. */
export function EndAppointmentDialog({
  appointment,
  onClose,
  onEnded,
}: {
  appointment: AppointmentView | null;
  onClose: () => void;
  onEnded?: () => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const end = useEndAppointment();
  const dates = useDates();
  const form = useForm<EndInput, unknown, z.output<typeof endAppointmentInput>>({
    resolver: zodResolver(endAppointmentInput),
    defaultValues: { endedOn: undefined, reason: '' },
  });
  const { reset } = form;
  const { reset: resetMutation } = end;
  const id = appointment?.id;
  useEffect(() => {
    reset({ endedOn: undefined, reason: '' });
    resetMutation();
  }, [id, reset, resetMutation]);

  const { errors } = form.formState;
  return (
    <Dialog open={appointment !== null} title={t('endDialog.title')} onClose={onClose}>
      {appointment && (
        <>
          <p className="mb-4">
            {t('endDialog.summary', { name: appointment.personName, role: roleLabel(appointment.role) })}
          </p>
          <FormErrors errors={errors} serverError={end.error} />
          <form
            noValidate
            onSubmit={(e) =>
              void form.handleSubmit((v) =>
                end.mutate(
                  { id: appointment.id, ...v },
                  {
                    onSuccess: () => {
                      onEnded?.();
                      onClose();
                    },
                    onError: (err) => applyServerErrors(err, ['endedOn', 'reason'] as const, form.setError),
                  },
                ),
              )(e)
            }
          >
            <TextField
              label={t('endDialog.endedOn')}
              type="date"
              help={t('endDialog.endedOnHelp')}
              registration={form.register('endedOn', { setValueAs: (v: string) => (v ? v : undefined) })}
              error={errors.endedOn}
              after={<DatePreview text={dates.date(form.watch('endedOn'))} />}
            />
            <TextAreaField
              label={t('endDialog.reason')}
              help={t('endDialog.reasonHelp')}
              registration={form.register('reason')}
              error={errors.reason}
              required
            />
            <div className="flex flex-wrap gap-3">
              <button type="submit" className="btn-primary" disabled={end.isPending}>
                {t('endDialog.submit')}
              </button>
              <button type="button" className="btn-secondary" onClick={onClose}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </>
      )}
    </Dialog>
  );
}
