import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ENCRYPTIONS,
  type DeviceKind,
  type DeviceSectionView,
  type DeviceView,
  type Encryption,
} from '../../../../shared/api/facility-devices.ts';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { asList, orNull, required } from '../../../ui/form-rules.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { KindOptions, useDeviceCrumbs } from './bits.tsx';
import { SelectBox } from './select-box.tsx';
import { useCreateDevice, useDevice, useDevices, useEditDevice } from './queries.ts';

interface Values {
  sectionId: string;
  kind: DeviceKind | '';
  label: string;
  identifier: string;
  storagePlace: string;
  encryption: Encryption | '';
  encryptionNote: string;
  theftPrevention: string;
  fileIds: string[] | string | false;
}
const FIELDS = [
  'sectionId',
  'kind',
  'label',
  'identifier',
  'storagePlace',
  'encryption',
  'encryptionNote',
  'theftPrevention',
  'fileIds',
] as const;

function valuesOf(d: DeviceView | null, sections: DeviceSectionView[]): Values {
  return {
    sectionId: d?.sectionId ?? (sections.length === 1 ? sections[0]!.id : ''),
    kind: d?.kind ?? '',
    label: d?.label ?? '',
    identifier: d?.identifier ?? '',
    storagePlace: d?.storagePlace ?? '',
    encryption: d?.encryption ?? '',
    encryptionNote: d?.encryptionNote ?? '',
    theftPrevention: d?.theftPrevention ?? '',
    fileIds: d?.files.map((f) => f.id) ?? [],
  };
}

/**
 * The record of a device or medium (A14: where it is kept; A30-1: encryption and theft prevention;
 * the files of the register it holds). The section is chosen once and never changes.
 */
function DeviceForm({ device, sections }: { device: DeviceView | null; sections: DeviceSectionView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDevice();
  const edit = useEditDevice(device?.id ?? '');
  const save = device ? edit : create;
  const form = useForm<Values>({ defaultValues: valuesOf(device, sections), shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const sectionId = form.watch('sectionId');
  const files = sections.find((s) => s.id === sectionId)?.files ?? device?.files ?? [];
  const f = (k: string) => t(`facilities.devices.form.${k}`);
  const submit = form.handleSubmit(async (v) => {
    const input = {
      kind: v.kind as DeviceKind,
      label: v.label.trim(),
      identifier: v.identifier.trim(),
      storagePlace: v.storagePlace.trim(),
      encryption: v.encryption as Encryption,
      encryptionNote: orNull(v.encryptionNote),
      theftPrevention: orNull(v.theftPrevention),
      fileIds: asList(v.fileIds),
    };
    try {
      const view = device
        ? await edit.mutateAsync(input)
        : await create.mutateAsync({ ...input, sectionId: v.sectionId });
      void navigate(`/facilities/devices/${view.device.id}`, {
        state: { notice: device ? 'facilities.devices.form.updated' : 'facilities.devices.form.created' },
      });
    } catch (e) {
      applyServerErrors(e, FIELDS, form.setError, {
        'facilities.device_section_not_found': 'sectionId',
        'facilities.device_file_invalid': 'fileIds',
      });
    }
  });
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <FormErrors
        errors={errors}
        serverError={save.error}
        submitCount={submitCount}
        fields={FIELDS.filter((n) => n in errors).map((name) => ({ name, label: f(name) }))}
        onFocusField={(name) => form.setFocus(name as keyof Values)}
      />
      {device ? (
        <p className="mb-6">
          <span className="label mr-2">{f('sectionId')}</span>
          {`${device.unitName} ${device.sectionName}`.trim()}
        </p>
      ) : (
        <SelectBox
          label={f('sectionId')}
          registration={form.register('sectionId', required(t('validation.choose')))}
          error={errors.sectionId}
          required
        >
          <option value="">{f('choose')}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>{`${s.unitName} ${s.name}`}</option>
          ))}
        </SelectBox>
      )}
      <SelectBox
        label={f('kind')}
        registration={form.register('kind', required(t('validation.choose')))}
        error={errors.kind}
        required
      >
        <option value="">{f('choose')}</option>
        <KindOptions />
      </SelectBox>
      <TextField
        label={f('label')}
        help={f('labelHelp')}
        registration={form.register('label', required(t('validation.required')))}
        error={errors.label}
        required
      />
      <TextField
        label={f('identifier')}
        help={f('identifierHelp')}
        registration={form.register('identifier', required(t('validation.required')))}
        error={errors.identifier}
        required
      />
      <TextField
        label={f('storagePlace')}
        help={f('storagePlaceHelp')}
        registration={form.register('storagePlace', required(t('validation.required')))}
        error={errors.storagePlace}
        required
      />
      <RadioGroupField
        label={f('encryption')}
        help={f('encryptionHelp')}
        registration={form.register('encryption', required(t('validation.choose')))}
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
        registration={form.register('encryptionNote')}
        error={errors.encryptionNote}
      />
      <TextAreaField
        label={f('theftPrevention')}
        help={f('theftPreventionHelp')}
        registration={form.register('theftPrevention')}
        error={errors.theftPrevention}
      />
      <fieldset className="mb-6" aria-describedby="device-files-help">
        <legend className="label mb-1">{f('fileIds')}</legend>
        <p id="device-files-help" className="mb-1 text-sm text-ink-muted">
          {f('fileIdsHelp')}
        </p>
        {errors.fileIds && (
          <p className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('validation.choose')}
          </p>
        )}
        {files.length === 0 ? (
          <p className="text-ink-muted">{sectionId ? f('noFiles') : f('sectionFirst')}</p>
        ) : (
          files.map((file) => (
            <label key={file.id} className="flex min-h-12 items-center gap-3">
              <input
                type="checkbox"
                value={file.id}
                className="size-6 accent-primary"
                {...form.register('fileIds')}
              />
              {file.name}
            </label>
          ))
        )}
      </fieldset>
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {device ? f('save') : f('submit')}
      </button>
    </form>
  );
}

/** /facilities/devices/new: a device or medium registered in a section the reader keeps (A14, A30). */
export function DeviceNewPage() {
  const { t } = useTranslation();
  const crumbs = useDeviceCrumbs();
  const list = useDevices({});
  return (
    <Page
      title={t('facilities.devices.form.newTitle')}
      crumbs={[...crumbs, { label: t('facilities.devices.form.newTitle') }]}
      lead={<p>{t('facilities.devices.form.lead')}</p>}
    >
      <QueryState query={list}>
        {(v) =>
          v.keeperSections.length === 0 ? (
            <p className="card">{t('facilities.devices.form.noSections')}</p>
          ) : (
            <DeviceForm device={null} sections={v.keeperSections} />
          )
        }
      </QueryState>
    </Page>
  );
}

/** /facilities/devices/:id/edit: the record again (the section stays). */
export function DeviceEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useDeviceCrumbs();
  const device = useDevice(id);
  const list = useDevices({});
  const label = device.data?.device.label ?? t('facilities.devices.device.titlePlain');
  return (
    <Page
      title={t('facilities.devices.form.editTitle')}
      crumbs={[
        ...crumbs,
        { label, to: `/facilities/devices/${id}` },
        { label: t('facilities.devices.form.editTitle') },
      ]}
    >
      <QueryState query={device}>
        {(d) => (
          <QueryState query={list}>
            {(v) => <DeviceForm device={d.device} sections={v.keeperSections} />}
          </QueryState>
        )}
      </QueryState>
    </Page>
  );
}
