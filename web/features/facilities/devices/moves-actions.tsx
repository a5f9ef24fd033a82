import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DeviceDetailView } from '../../../../shared/api/facility-devices.ts';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { useNotify } from '../../vault/labels.tsx';
import { DateField } from '../common/date-field.tsx';
import { ActionDialog } from './action-dialog.tsx';
import { useCheckIn, useCheckOut, useRecordReturn, useRemoval } from './queries.ts';
import { PersonSelect } from './record-fields.tsx';

/** Check-out inside the office, check-in, the return of a device taken out, the removal of one brought in (A14, A30). */

function CheckOutForm({ view, done }: { view: DeviceDetailView; done: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const checkOut = useCheckOut(view.device.id);
  const form = useForm({
    defaultValues: { personId: '', dueDate: todayInTokyo(), note: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    checkOut
      .mutateAsync({ personId: v.personId, dueDate: v.dueDate, note: orNull(v.note) })
      .then(() => {
        done();
        notify('facilities.devices.actions.checkedOut');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, ['personId', 'dueDate', 'note'], form.setError, {
          'facilities.device_holder_invalid': 'personId',
          'facilities.device_due_invalid': 'dueDate',
        }),
      ),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4">{t('facilities.devices.actions.checkOutLead')}</p>
      <FormErrors errors={errors} serverError={checkOut.error} submitCount={submitCount} />
      <PersonSelect
        label={t('facilities.devices.actions.person')}
        people={view.members}
        registration={form.register('personId', required(t('validation.choose')))}
        error={errors.personId}
      />
      <DateField form={form} name="dueDate" label={t('facilities.devices.actions.dueDate')} />
      <TextAreaField label={t('facilities.devices.actions.note')} registration={form.register('note')} />
      <button type="submit" className="btn-primary" disabled={checkOut.isPending}>
        {t('facilities.devices.actions.checkOut')}
      </button>
    </form>
  );
}

/** Back in its place: the place is confirmed or changed (A14), with a note. */
function BackForm({
  view,
  kind,
  done,
}: {
  view: DeviceDetailView;
  kind: 'checkIn' | 'return';
  done: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const checkIn = useCheckIn(view.device.id);
  const back = useRecordReturn(view.device.id);
  const save = kind === 'checkIn' ? checkIn : back;
  const form = useForm({
    defaultValues: { storagePlace: view.device.storagePlace, note: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync({ storagePlace: v.storagePlace.trim(), note: orNull(v.note) })
      .then(() => {
        done();
        notify(
          kind === 'checkIn' ? 'facilities.devices.actions.checkedIn' : 'facilities.devices.actions.returned',
        );
      })
      .catch((e: unknown) => applyServerErrors(e, ['storagePlace', 'note'], form.setError)),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <TextField
        label={t('facilities.devices.actions.storagePlace')}
        help={t('facilities.devices.actions.storagePlaceHelp')}
        registration={form.register('storagePlace', required(t('validation.required')))}
        error={errors.storagePlace}
        required
      />
      <TextAreaField label={t('facilities.devices.actions.note')} registration={form.register('note')} />
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {t(`facilities.devices.actions.${kind}`)}
      </button>
    </form>
  );
}

/** A30-2: a device brought in has left the office. */
function RemovalForm({ view, done }: { view: DeviceDetailView; done: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const removal = useRemoval(view.device.id);
  const form = useForm({ defaultValues: { note: '' }, shouldFocusError: false });
  const submit = form.handleSubmit((v) =>
    removal
      .mutateAsync({ note: orNull(v.note) })
      .then(() => {
        done();
        notify('facilities.devices.actions.removed');
      })
      .catch(() => undefined),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4">{t('facilities.devices.actions.removalLead')}</p>
      <FormErrors
        errors={form.formState.errors}
        serverError={removal.error}
        submitCount={form.formState.submitCount}
      />
      <TextAreaField label={t('facilities.devices.actions.note')} registration={form.register('note')} />
      <button type="submit" className="btn-primary" disabled={removal.isPending}>
        {t('facilities.devices.actions.removal')}
      </button>
    </form>
  );
}

/** The moves the reader may make now (the server's `can`). */
export function MoveActions({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  const a = (k: string) => t(`facilities.devices.actions.${k}`);
  return (
    <>
      {view.can.checkOut && (
        <ActionDialog label={a('checkOut')}>
          {(done) => <CheckOutForm view={view} done={done} />}
        </ActionDialog>
      )}
      {view.can.checkIn && (
        <ActionDialog label={a('checkIn')} primary>
          {(done) => <BackForm view={view} kind="checkIn" done={done} />}
        </ActionDialog>
      )}
      {view.can.recordReturn && (
        <ActionDialog label={a('return')} primary>
          {(done) => <BackForm view={view} kind="return" done={done} />}
        </ActionDialog>
      )}
      {view.can.recordRemoval && (
        <ActionDialog label={a('removal')}>{(done) => <RemovalForm view={view} done={done} />}</ActionDialog>
      )}
    </>
  );
}
