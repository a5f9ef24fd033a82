import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VISITOR_ID_KINDS, type VisitorIdKind } from '../../../../../shared/api/facility-rooms.ts';
import { FormErrors } from '../../../../ui/form-errors.tsx';
import { required } from '../../../../ui/form-rules.ts';
import { useDoorActions } from '../queries.ts';
import { BigChoice, BigInput, PurposeField, StepHeader, chosen, type EntryStepProps } from './door-bits.tsx';

interface Values {
  name: string;
  organisation: string;
  idKind: VisitorIdKind | '';
  badgeNumber: string;
  escortPersonId: string;
  purpose: string;
}

const EMPTY: Values = {
  name: '',
  organisation: '',
  idKind: '',
  badgeNumber: '',
  escortPersonId: '',
  purpose: '',
};

/**
 * 「来訪者（部外者）」 (A32-1: 部外者の識別化, 立会い): who the visitor is, the identification checked (its
 * number is never taken), the badge handed out, and the escort from the authorised persons. The form
 * does not send a visitor without an escort; the server refuses one too, and its refusal shows here.
 */
export function VisitorEntry({ door, onCancel, onDone }: EntryStepProps) {
  const { t } = useTranslation();
  const { enter } = useDoorActions(door.room.id);
  const form = useForm<Values>({ defaultValues: EMPTY, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const need = required(t('validation.required'));
  const submit = form.handleSubmit((v) =>
    enter
      .mutateAsync({
        kind: 'visitor',
        visitor: {
          name: v.name.trim(),
          organisation: v.organisation.trim(),
          idKind: v.idKind as VisitorIdKind,
          badgeNumber: v.badgeNumber.trim(),
        },
        escortPersonId: v.escortPersonId,
        purpose: v.purpose.trim(),
      })
      .then(onDone)
      .catch(() => undefined),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <StepHeader title={t('facilityRooms.door.visitorTitle')} onCancel={onCancel} />
      <FormErrors errors={errors} serverError={enter.error} submitCount={submitCount} />
      <div className="grid gap-x-8 landscape:grid-cols-2">
        <BigInput
          label={t('facilityRooms.door.visitorName2')}
          registration={form.register('name', need)}
          error={errors.name}
        />
        <BigInput
          label={t('facilityRooms.door.organisation')}
          registration={form.register('organisation', need)}
          error={errors.organisation}
        />
      </div>
      <BigChoice
        legend={t('facilityRooms.door.idKind')}
        help={t('facilityRooms.door.idKindHelp')}
        registration={form.register('idKind', chosen(t('validation.choose')))}
        error={errors.idKind}
        columns="sm:grid-cols-2 lg:grid-cols-3"
        options={VISITOR_ID_KINDS.map((k) => ({ value: k, label: t(`facilityRooms.idKinds.${k}`) }))}
      />
      <div className="max-w-md">
        <BigInput
          label={t('facilityRooms.door.badgeNumber')}
          registration={form.register('badgeNumber', need)}
          error={errors.badgeNumber}
        />
      </div>
      <BigChoice
        legend={t('facilityRooms.door.escort')}
        help={t('facilityRooms.door.escortHelp')}
        registration={form.register('escortPersonId', chosen(t('facilityRooms.door.escortRequired')))}
        error={errors.escortPersonId}
        errorText={t('facilityRooms.door.escortRequired')}
        columns="sm:grid-cols-2 lg:grid-cols-3"
        options={[...door.authorised]
          .sort((a, b) => a.name.localeCompare(b.name, 'ja'))
          .map((p) => ({ value: p.personId, label: p.name }))}
      />
      <PurposeField
        registration={form.register('purpose', need)}
        error={errors.purpose}
        value={form.watch('purpose')}
        onPick={(p) => form.setValue('purpose', p, { shouldValidate: submitCount > 0 })}
      />
      <button type="submit" className="btn-primary min-h-20 w-full text-2xl" disabled={enter.isPending}>
        {t('facilityRooms.door.confirmVisitor')}
      </button>
    </form>
  );
}
