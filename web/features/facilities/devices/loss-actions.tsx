import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DISPOSAL_METHODS,
  type DeviceDetailView,
  type DisposalMethod,
} from '../../../../shared/api/facility-devices.ts';
import { CheckboxField, RadioGroupField } from '../../../ui/choice-field.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { LOCAL_DATETIME, nowInTokyo, tokyoInstant } from '../../incidents/labels.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { DateField } from '../common/date-field.tsx';
import { ActionDialog } from './action-dialog.tsx';
import { useDispose, useReportLost } from './queries.ts';
import { PersonSelect } from './record-fields.tsx';

/**
 * A34: a device lost or stolen is reported at once and an incident is opened for it (the page then
 * links the incident); A30, cf. A15: disposal, with how it was made unreadable and before whom.
 */

function LostForm({ view, done }: { view: DeviceDetailView; done: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const report = useReportLost(view.device.id);
  const form = useForm({
    defaultValues: { stolen: false, awareAt: nowInTokyo(), actionsTaken: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const f = (k: string) => t(`facilities.devices.lost.${k}`);
  const submit = form.handleSubmit((v) =>
    report
      .mutateAsync({
        stolen: v.stolen,
        awareAt: tokyoInstant(v.awareAt),
        actionsTaken: orNull(v.actionsTaken),
      })
      .then(() => {
        done();
        notify('facilities.devices.lost.reported');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, ['awareAt', 'actionsTaken'], form.setError, {
          'facilities.device_aware_in_future': 'awareAt',
        }),
      ),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4 font-bold">{f('confirm')}</p>
      <FormErrors errors={errors} serverError={report.error} submitCount={submitCount} />
      <CheckboxField label={f('stolen')} registration={form.register('stolen')} />
      <TextField
        label={f('awareAt')}
        type="datetime-local"
        help={f('awareAtHelp')}
        registration={form.register('awareAt', {
          validate: (v: string) => LOCAL_DATETIME.test(v) || t('validation.required'),
        })}
        error={errors.awareAt}
        required
      />
      <TextAreaField
        label={f('actionsTaken')}
        help={f('actionsTakenHelp')}
        registration={form.register('actionsTaken')}
        error={errors.actionsTaken}
      />
      <button type="submit" className="btn-danger" disabled={report.isPending}>
        {f('submit')}
      </button>
    </form>
  );
}

interface DisposeValues {
  method: DisposalMethod | '';
  methodNote: string;
  witnessId: string;
  disposedOn: string;
}

function DisposeForm({ view, done }: { view: DeviceDetailView; done: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const dispose = useDispose(view.device.id);
  const form = useForm<DisposeValues>({
    defaultValues: { method: '', methodNote: '', witnessId: '', disposedOn: todayInTokyo() },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const f = (k: string) => t(`facilities.devices.dispose.${k}`);
  const submit = form.handleSubmit((v) =>
    dispose
      .mutateAsync({
        method: v.method as DisposalMethod,
        methodNote: orNull(v.methodNote),
        witnessId: v.witnessId,
        disposedOn: v.disposedOn,
      })
      .then(() => {
        done();
        notify('facilities.devices.dispose.done');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, ['method', 'methodNote', 'witnessId', 'disposedOn'], form.setError, {
          'facilities.device_witness_invalid': 'witnessId',
          'facilities.device_disposed_on_invalid': 'disposedOn',
          'facilities.device_method_note_required': 'methodNote',
        }),
      ),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4">{f('lead')}</p>
      <FormErrors errors={errors} serverError={dispose.error} submitCount={submitCount} />
      <RadioGroupField
        label={f('method')}
        registration={form.register('method', required(t('validation.choose')))}
        error={errors.method}
        required
        options={DISPOSAL_METHODS.map((m) => ({
          value: m,
          label: t(`facilities.devices.disposalMethods.${m}`),
        }))}
      />
      <TextField
        label={f('methodNote')}
        help={f('methodNoteHelp')}
        registration={form.register('methodNote', {
          validate: (v: string) =>
            form.getValues('method') !== 'other' || v.trim() !== '' || t('validation.required'),
        })}
        error={errors.methodNote}
      />
      <PersonSelect
        label={f('witness')}
        help={f('witnessHelp')}
        people={view.members}
        registration={form.register('witnessId', required(t('validation.choose')))}
        error={errors.witnessId}
      />
      <DateField form={form} name="disposedOn" label={f('disposedOn')} />
      <button type="submit" className="btn-danger" disabled={dispose.isPending}>
        {f('submit')}
      </button>
    </form>
  );
}

/** Loss and disposal, where the reader may (the server's `can`). */
export function LossActions({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  return (
    <>
      {view.can.dispose && (
        <ActionDialog label={t('facilities.devices.dispose.open')}>
          {(done) => <DisposeForm view={view} done={done} />}
        </ActionDialog>
      )}
      {view.can.reportLost && (
        <ActionDialog label={t('facilities.devices.lost.open')}>
          {(done) => <LostForm view={view} done={done} />}
        </ActionDialog>
      )}
    </>
  );
}
