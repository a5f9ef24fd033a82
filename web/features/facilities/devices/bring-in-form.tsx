import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ENCRYPTIONS,
  type DeviceKind,
  type DeviceListView,
  type Encryption,
} from '../../../../shared/api/facility-devices.ts';
import { useDates } from '../../../app/preferences.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { KindOptions } from './bits.tsx';
import { useRequestBringIn } from './queries.ts';
import { SelectBox } from './select-box.tsx';

interface Values {
  sectionId: string;
  kind: DeviceKind | '';
  label: string;
  identifier: string;
  ownerDescription: string;
  purpose: string;
  from: string;
  until: string;
  storagePlace: string;
  encryption: Encryption | '';
  encryptionNote: string;
  theftPrevention: string;
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
  const dates = useDates();
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
        <SelectBox
          label={f('section')}
          registration={form.register('sectionId', required(t('validation.choose')))}
          error={errors.sectionId}
          required
        >
          {sections.length > 1 && <option value="">{d('choose')}</option>}
          {sections.map((s) => (
            <option key={s.id} value={s.id}>{`${s.unitName} ${s.name}`}</option>
          ))}
        </SelectBox>
        <SelectBox
          label={d('kind')}
          registration={form.register('kind', required(t('validation.choose')))}
          error={errors.kind}
          required
        >
          <option value="">{d('choose')}</option>
          <KindOptions />
        </SelectBox>
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
          <TextField
            label={f('from')}
            type="date"
            registration={form.register('from', required(t('validation.date')))}
            error={errors.from}
            required
            after={<DatePreview text={dates.date(form.watch('from'))} />}
          />
          <TextField
            label={f('until')}
            type="date"
            registration={form.register('until', required(t('validation.date')))}
            error={errors.until}
            required
            after={<DatePreview text={dates.date(form.watch('until'))} />}
          />
        </div>
        <TextField
          label={f('storagePlace')}
          help={f('storagePlaceHelp')}
          registration={form.register('storagePlace', need)}
          error={errors.storagePlace}
          required
        />
        <RadioGroupField
          label={d('encryption')}
          help={d('encryptionHelp')}
          registration={form.register('encryption', required(t('validation.choose')))}
          error={errors.encryption}
          required
          options={ENCRYPTIONS.map((e) => ({
            value: e,
            label: t(`facilities.devices.encryptionChoices.${e}`),
          }))}
        />
        <TextField
          label={d('encryptionNote')}
          help={d('encryptionNoteHelp')}
          registration={form.register('encryptionNote')}
          error={errors.encryptionNote}
        />
        <TextAreaField
          label={d('theftPrevention')}
          help={d('theftPreventionHelp')}
          registration={form.register('theftPrevention')}
          error={errors.theftPrevention}
        />
        <button type="submit" className="btn-primary" disabled={request.isPending}>
          {f('submit')}
        </button>
      </form>
    </Section>
  );
}
