import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../../app/session.ts';
import { FormErrors } from '../../../../ui/form-errors.tsx';
import { required } from '../../../../ui/form-rules.ts';
import { useDoorActions } from '../queries.ts';
import { BigChoice, PurposeField, StepHeader, chosen, type EntryStepProps } from './door-bits.tsx';

interface Values {
  personId: string;
  purpose: string;
}

/** 「入室」: an authorised person (oneself first) and the purpose (A32-1: 用件の確認). */
export function StaffEntry({ door, onCancel, onDone }: EntryStepProps) {
  const { t } = useTranslation();
  const me = useSignedIn().person.id;
  const { enter } = useDoorActions(door.room.id);
  const form = useForm<Values>({ defaultValues: { personId: '', purpose: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const people = [...door.authorised].sort(
    (a, b) => Number(b.personId === me) - Number(a.personId === me) || a.name.localeCompare(b.name, 'ja'),
  );
  const submit = form.handleSubmit((v) =>
    enter
      .mutateAsync({ kind: 'staff', personId: v.personId, purpose: v.purpose.trim() })
      .then(onDone)
      .catch(() => undefined),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <StepHeader title={t('facilityRooms.door.enter')} onCancel={onCancel} />
      <FormErrors errors={errors} serverError={enter.error} submitCount={submitCount} />
      <BigChoice
        legend={t('facilityRooms.door.whoTitle')}
        registration={form.register('personId', chosen(t('validation.choose')))}
        error={errors.personId}
        columns="sm:grid-cols-2 lg:grid-cols-3"
        options={people.map((p) => ({
          value: p.personId,
          label: p.personId === me ? t('facilityRooms.door.yourself', { name: p.name }) : p.name,
        }))}
      />
      <PurposeField
        registration={form.register('purpose', required(t('validation.required')))}
        error={errors.purpose}
        value={form.watch('purpose')}
        onPick={(p) => form.setValue('purpose', p, { shouldValidate: submitCount > 0 })}
      />
      <button type="submit" className="btn-primary min-h-20 w-full text-2xl" disabled={enter.isPending}>
        {t('facilityRooms.door.confirmEnter')}
      </button>
    </form>
  );
}
