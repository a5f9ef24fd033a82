import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ENCRYPTIONS, type DeviceKind, type Encryption } from '../../../../shared/api/facility-devices.ts';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { required } from '../../../ui/form-rules.ts';
import { KindOptions } from './bits.tsx';

/**
 * The fields a device's record and a request to bring one in share: its kind, and how it is kept —
 * where (A14), its encryption and theft prevention (A30-1).
 */

/** The values of these fields in the form (a choice not made yet is ''). */
export interface DeviceFieldValues {
  sectionId: string;
  kind: DeviceKind | '';
  label: string;
  identifier: string;
  storagePlace: string;
  encryption: Encryption | '';
  encryptionNote: string;
  theftPrevention: string;
}

type KeepingName = 'storagePlace' | 'encryption' | 'encryptionNote' | 'theftPrevention';
/** The form's own register, for these fields (a rule of form-rules.ts where one is needed). */
type Register<N extends string> = (name: N, rule?: ReturnType<typeof required>) => UseFormRegisterReturn;

/** 種類: the terminals and the media, in two groups. */
export function KindField({
  registration,
  error,
}: {
  registration: UseFormRegisterReturn;
  error?: FieldError;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('facilities.devices.form.kind')}
      registration={registration}
      error={error}
      required
      placeholder={t('facilities.devices.form.choose')}
    >
      <KindOptions />
    </SelectField>
  );
}

/** 保管場所 (its words given: a device of the office's and one brought in say it differently), encryption, theft prevention. */
export function KeepingFields({
  register,
  errors,
  place,
}: {
  register: Register<KeepingName>;
  errors: Partial<Record<KeepingName, FieldError>>;
  place: { label: string; help: string };
}) {
  const { t } = useTranslation();
  const f = (k: string) => t(`facilities.devices.form.${k}`);
  return (
    <>
      <TextField
        label={place.label}
        help={place.help}
        registration={register('storagePlace', required(t('validation.required')))}
        error={errors.storagePlace}
        required
      />
      <RadioGroupField
        label={f('encryption')}
        help={f('encryptionHelp')}
        registration={register('encryption', required(t('validation.choose')))}
        error={errors.encryption}
        required
        options={ENCRYPTIONS.map((e) => ({
          value: e,
          label: t(`facilities.devices.encryptionChoices.${e}`),
        }))}
      />
      <TextField
        label={f('encryptionNote')}
        help={f('encryptionNoteHelp')}
        registration={register('encryptionNote')}
        error={errors.encryptionNote}
      />
      <TextAreaField
        label={f('theftPrevention')}
        help={f('theftPreventionHelp')}
        registration={register('theftPrevention')}
        error={errors.theftPrevention}
      />
    </>
  );
}

/** A person among the members of the device's section (the holder of a check-out, a witness, A30). */
export function PersonSelect({
  label,
  help,
  people,
  registration,
  error,
}: {
  label: string;
  help?: string;
  people: { id: string; name: string }[];
  registration: UseFormRegisterReturn;
  error?: FieldError;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label}
      help={help}
      registration={registration}
      error={error}
      required
      placeholder={t('facilities.devices.form.choose')}
      options={people.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
