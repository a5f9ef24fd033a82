import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type DeviceKind,
  type DeviceListView,
  type Encryption,
} from '../../../../shared/api/facility-devices.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { DateField } from '../common/date-field.tsx';
import { useRequestBringIn } from './queries.ts';
import { KeepingFields, KindField, type DeviceFieldValues } from './record-fields.tsx';

interface Values extends DeviceFieldValues {
  ownerDescription: string;
  purpose: string;
  from: string;
  until: string;
}
const FIELDS = [
  'sectionId',
  'kind',
  'label',
  'identifier',
  'ownerDescription',
  'purpose',
  'from',
  'until',
  'storagePlace',
  'encryption',
  'encryptionNote',
  'theftPrevention',
] as const;

/** A30-2: the request to bring an outside device in, decided by the section's 保護管理者. */
export function BringInForm({ sections }: { sections: DeviceListView['memberSections'] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const request = useRequestBringIn();
  const empty: Values = {
    sectionId: sections.length === 1 ? sections[0]!.id : '',
    kind: '',
    label: '',
    identifier: '',
    ownerDescription: '',
    purpose: '',
    from: todayInTokyo(),
    until: '',
    storagePlace: '',
    encryption: '',
    encryptionNote: '',
    theftPrevention: '',
  };
  const form = useForm<Values>({ defaultValues: empty, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const f = (k: string) => t(`facilities.devices.bringIn.${k}`);
  const d = (k: string) => t(`facilities.devices.form.${k}`);
  const need = required(t('validation.required'));
  const submit = form.handleSubmit((v) =>
    request
      .mutateAsync({
        ...v,
        kind: v.kind as DeviceKind,
        encryption: v.encryption as Encryption,
        encryptionNote: orNull(v.encryptionNote),
        theftPrevention: orNull(v.theftPrevention),
        sectionId: v.sectionId || null,
      })
      .then(() => {
        form.reset(empty);
        notify('facilities.devices.bringIn.requested');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, {
          'facilities.device_due_invalid': 'until',
          'facilities.device_not_member': 'sectionId',
        }),
      ),
  );
  return (
    <Section title={f('formTitle')}>
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={request.error} submitCount={submitCount} />
        <SelectField
          label={f('section')}
          registration={form.register('sectionId', required(t('validation.choose')))}
          error={errors.sectionId}
          required
          placeholder={sections.length > 1 ? d('choose') : undefined}
          options={sections.map((s) => ({ value: s.id, label: `${s.unitName} ${s.name}` }))}
        />
        <KindField
          registration={form.register('kind', required(t('validation.choose')))}
          error={errors.kind}
        />
        <TextField
          label={f('label')}
          help={f('labelHelp')}
          registration={form.register('label', need)}
          error={errors.label}
          required
        />
        <TextField
          label={d('identifier')}
          help={d('identifierHelp')}
          registration={form.register('identifier', need)}
          error={errors.identifier}
          required
        />
        <TextField
          label={f('owner')}
          help={f('ownerHelp')}
          registration={form.register('ownerDescription', need)}
          error={errors.ownerDescription}
          required
        />
        <TextAreaField
          label={f('purpose')}
          registration={form.register('purpose', need)}
          error={errors.purpose}
          required
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <DateField form={form} name="from" label={f('from')} />
          <DateField form={form} name="until" label={f('until')} />
        </div>
        <KeepingFields
          register={(name, options) => form.register(name, options)}
          errors={errors}
          place={{ label: f('storagePlace'), help: f('storagePlaceHelp') }}
        />
        <button type="submit" className="btn-primary" disabled={request.isPending}>
          {f('submit')}
        </button>
      </form>
    </Section>
  );
}
