import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DeviceDetailView } from '../../../../shared/api/facility-devices.ts';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { required } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { useNotify } from '../../vault/labels.tsx';
import { DateField } from '../common/date-field.tsx';
import { ActionDialog } from './action-dialog.tsx';
import { useRecordTakeOut, useRequestTakeOut } from './queries.ts';

/**
 * A30-2: a device leaves the office only where the 保護管理者 finds it necessary — a request to the
 * approval engine first, then, once approved, the keeper records that it went out.
 */

const FIELDS = ['destination', 'purpose', 'from', 'dueBack'] as const;

function RequestForm({ view, done }: { view: DeviceDetailView; done: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const request = useRequestTakeOut(view.device.id);
  const form = useForm({
    defaultValues: { destination: '', purpose: '', from: todayInTokyo(), dueBack: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const f = (k: string) => t(`facilities.devices.takeOut.${k}`);
  const submit = form.handleSubmit((v) =>
    request
      .mutateAsync({
        destination: v.destination.trim(),
        purpose: v.purpose.trim(),
        from: v.from,
        dueBack: v.dueBack,
      })
      .then(() => {
        done();
        notify('facilities.devices.takeOut.requested');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, { 'facilities.device_due_invalid': 'dueBack' }),
      ),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4">{f('lead')}</p>
      <FormErrors errors={errors} serverError={request.error} submitCount={submitCount} />
      <TextField
        label={f('destination')}
        help={f('destinationHelp')}
        registration={form.register('destination', required(t('validation.required')))}
        error={errors.destination}
        required
      />
      <TextAreaField
        label={f('purpose')}
        registration={form.register('purpose', required(t('validation.required')))}
        error={errors.purpose}
        required
      />
      <DateField form={form} name="from" label={f('from')} />
      <DateField form={form} name="dueBack" label={f('dueBack')} />
      <button type="submit" className="btn-primary" disabled={request.isPending}>
        {f('submit')}
      </button>
    </form>
  );
}

/** Records the take-out under one approved request (each approved, unused request has its button). */
function RecordButtons({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const record = useRecordTakeOut(view.device.id);
  const approved = view.takeOuts.filter((o) => o.state === 'approved');
  return (
    <div className="basis-full">
      <FormErrors errors={{}} serverError={record.error} submitCount={record.failureCount} />
      <div className="flex flex-wrap gap-3">
        {approved.map((o) => (
          <button
            key={o.id}
            type="button"
            className="btn-primary"
            disabled={record.isPending}
            onClick={() =>
              void record
                .mutateAsync({ takeOutId: o.id })
                .then(() => notify('facilities.devices.takeOut.recorded'))
                .catch(() => undefined)
            }
          >
            {approved.length > 1
              ? t('facilities.devices.takeOut.recordOf', { number: o.requestNumber })
              : t('facilities.devices.takeOut.record')}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The take-out steps the reader may take now (the server's `can`). */
export function TakeOutActions({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  return (
    <>
      {view.can.recordTakeOut && <RecordButtons view={view} />}
      {view.can.requestTakeOut && (
        <ActionDialog label={t('facilities.devices.takeOut.request')}>
          {(done) => <RequestForm view={view} done={done} />}
        </ActionDialog>
      )}
    </>
  );
}
