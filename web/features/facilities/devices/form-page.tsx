import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  type DeviceKind,
  type DeviceSectionView,
  type DeviceView,
  type Encryption,
} from '../../../../shared/api/facility-devices.ts';
import { TextField } from '../../../ui/field.tsx';
import { applyServerErrors } from '../../../ui/form-errors.tsx';
import { asList, orNull, required } from '../../../ui/form-rules.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { FileChecklist } from '../common/file-checklist.tsx';
import { RecordErrors } from '../common/record-errors.tsx';
import { SectionChoice } from '../common/section-choice.tsx';
import { useDeviceCrumbs } from './bits.tsx';
import { KeepingFields, KindField, type DeviceFieldValues } from './record-fields.tsx';
import { useCreateDevice, useDevice, useDevices, useEditDevice } from './queries.ts';

interface Values extends DeviceFieldValues {
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
  const { errors } = form.formState;
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
      <RecordErrors form={form} fields={FIELDS} label={f} serverError={save.error} />
      <SectionChoice
        fixed={device ? `${device.unitName} ${device.sectionName}` : null}
        label={f('sectionId')}
        placeholder={f('choose')}
        sections={sections}
        registration={form.register('sectionId', required(t('validation.choose')))}
        error={errors.sectionId}
      />
      <KindField registration={form.register('kind', required(t('validation.choose')))} error={errors.kind} />
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
      <KeepingFields
        register={(name, options) => form.register(name, options)}
        errors={errors}
        place={{ label: f('storagePlace'), help: f('storagePlaceHelp') }}
      />
      <FileChecklist
        id="device-files-help"
        label={f('fileIds')}
        help={f('fileIdsHelp')}
        files={files}
        registration={form.register('fileIds')}
        invalid={Boolean(errors.fileIds)}
        empty={sectionId ? f('noFiles') : f('sectionFirst')}
      />
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
