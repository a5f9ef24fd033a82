import { useFieldArray, useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_CHECK_INTERVAL_DAYS,
  HOSTINGS,
  MEASURE_KINDS,
  type Hosting,
  type MeasureKind,
  type SystemOptionsView,
  type SystemView,
} from '../../../../shared/api/facility-systems.ts';
import { CheckboxField, RadioGroupField } from '../../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors } from '../../../ui/form-errors.tsx';
import { asList, orNull, required } from '../../../ui/form-rules.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { FileChecklist } from '../common/file-checklist.tsx';
import { RecordErrors } from '../common/record-errors.tsx';
import { SectionChoice } from '../common/section-choice.tsx';
import { useSystemCrumbs } from './bits.tsx';
import { useCreateSystem, useSystem, useSystemOptions, useUpdateSystem } from './queries.ts';

type Sections = SystemOptionsView['sections'];
interface MeasureValues {
  id: string | null;
  kind: MeasureKind | '';
  description: string;
}
interface Values {
  sectionId: string;
  name: string;
  purpose: string;
  hosting: Hosting | '';
  fileIds: string[] | string | false;
  checkIntervalDays: string;
  measures: MeasureValues[];
  notes: string;
  active: boolean;
}
const FIELDS = ['sectionId', 'name', 'purpose', 'hosting', 'fileIds', 'checkIntervalDays', 'notes'] as const;

/** A new system starts with the four safeguards of A23 and A24, to be described. */
const FIRST_MEASURES: MeasureValues[] = MEASURE_KINDS.map((kind) => ({ id: null, kind, description: '' }));

function valuesOf(s: SystemView | null, sections: Sections): Values {
  return {
    sectionId: s?.sectionId ?? (sections.length === 1 ? sections[0]!.id : ''),
    name: s?.name ?? '',
    purpose: s?.purpose ?? '',
    hosting: s?.hosting ?? '',
    fileIds: s?.files.map((f) => f.id) ?? [],
    checkIntervalDays: String(s?.checkIntervalDays ?? DEFAULT_CHECK_INTERVAL_DAYS),
    measures: s
      ? s.measures.map((m) => ({ id: m.id, kind: m.kind, description: m.description }))
      : FIRST_MEASURES,
    notes: s?.notes ?? '',
    active: s?.active ?? true,
  };
}

/** The record of a system (A23, A24): its section, purpose, where it runs, files, safeguards and check interval. */
function SystemForm({ system, sections }: { system: SystemView | null; sections: Sections }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSystem();
  const update = useUpdateSystem(system?.id ?? '');
  const save = system ? update : create;
  const form = useForm<Values>({ defaultValues: valuesOf(system, sections), shouldFocusError: false });
  const measures = useFieldArray({ control: form.control, name: 'measures' });
  const { errors } = form.formState;
  const f = (k: string) => t(`facilities.systems.form.${k}`);
  const sectionId = form.watch('sectionId');
  const files = sections.find((s) => s.id === sectionId)?.files ?? system?.files ?? [];
  const submit = form.handleSubmit(async (v) => {
    const body = {
      name: v.name.trim(),
      purpose: v.purpose.trim(),
      hosting: v.hosting as Hosting,
      fileIds: asList(v.fileIds),
      checkIntervalDays: Number(v.checkIntervalDays),
      measures: v.measures.map((m) => ({
        id: m.id,
        kind: m.kind as MeasureKind,
        description: m.description.trim(),
      })),
      notes: orNull(v.notes),
    };
    try {
      const view = system
        ? await update.mutateAsync({ ...body, active: v.active })
        : await create.mutateAsync({ ...body, sectionId: v.sectionId });
      void navigate(`/facilities/systems/${view.id}`, {
        state: { notice: system ? 'facilities.systems.form.updated' : 'facilities.systems.form.created' },
      });
    } catch (e) {
      applyServerErrors(e, FIELDS, form.setError, {
        'facilities.system_section_invalid': 'sectionId',
        'facilities.system_file_invalid': 'fileIds',
      });
    }
  });
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <RecordErrors form={form} fields={FIELDS} label={f} serverError={save.error} />
      <SectionChoice
        fixed={system ? `${system.unitName} ${system.sectionName}` : null}
        label={f('sectionId')}
        placeholder={f('choose')}
        sections={sections}
        registration={form.register('sectionId', required(t('validation.choose')))}
        error={errors.sectionId}
      />
      <TextField
        label={f('name')}
        help={f('nameHelp')}
        registration={form.register('name', required(t('validation.required')))}
        error={errors.name}
        required
      />
      <TextAreaField
        label={f('purpose')}
        help={f('purposeHelp')}
        registration={form.register('purpose', required(t('validation.required')))}
        error={errors.purpose}
        required
      />
      <RadioGroupField
        label={f('hosting')}
        registration={form.register('hosting', required(t('validation.choose')))}
        error={errors.hosting}
        required
        options={HOSTINGS.map((h) => ({ value: h, label: t(`facilities.systems.hostings.${h}`) }))}
      />
      <FileChecklist
        id="system-files-help"
        label={f('fileIds')}
        help={f('fileIdsHelp')}
        files={files}
        registration={form.register('fileIds')}
        invalid={Boolean(errors.fileIds)}
        empty={sectionId ? f('noFiles') : f('sectionFirst')}
      />
      <TextField
        label={f('checkIntervalDays')}
        help={f('checkIntervalDaysHelp')}
        type="number"
        inputMode="numeric"
        registration={form.register('checkIntervalDays', {
          validate: (v: string) =>
            (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 730) || t('validation.format'),
        })}
        error={errors.checkIntervalDays}
        required
      />
      <fieldset className="mb-6">
        <legend className="label mb-1">{f('measures')}</legend>
        <p className="mb-3 text-sm text-ink-muted">{f('measuresHelp')}</p>
        {measures.fields.map((field, n) => (
          <div key={field.id} className="card mb-4">
            <SelectField
              label={t('facilities.systems.form.measureKind', { n: n + 1 })}
              registration={form.register(`measures.${n}.kind`, required(t('validation.choose')))}
              error={errors.measures?.[n]?.kind}
              required
              placeholder={f('choose')}
              options={MEASURE_KINDS.map((k) => ({
                value: k,
                label: t(`facilities.systems.measureKinds.${k}`),
              }))}
            />
            <TextAreaField
              label={t('facilities.systems.form.measureDescription', { n: n + 1 })}
              help={f('measureDescriptionHelp')}
              registration={form.register(`measures.${n}.description`, required(t('validation.required')))}
              error={errors.measures?.[n]?.description}
              required
            />
            <button type="button" className="btn-secondary btn-sm" onClick={() => measures.remove(n)}>
              {t('facilities.systems.form.removeMeasure', { n: n + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn-secondary btn-sm"
          onClick={() => measures.append({ id: null, kind: '', description: '' })}
        >
          {f('addMeasure')}
        </button>
      </fieldset>
      <TextAreaField label={f('notes')} registration={form.register('notes')} error={errors.notes} />
      {system && (
        <CheckboxField label={f('active')} help={f('activeHelp')} registration={form.register('active')} />
      )}
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {system ? f('save') : f('submit')}
      </button>
    </form>
  );
}

/** /facilities/systems/new: a system registered by the 保護管理者 of its section. */
export function SystemNewPage() {
  const { t } = useTranslation();
  const crumbs = useSystemCrumbs();
  const options = useSystemOptions();
  return (
    <Page
      title={t('facilities.systems.form.newTitle')}
      crumbs={[...crumbs, { label: t('facilities.systems.form.newTitle') }]}
      lead={<p>{t('facilities.systems.form.lead')}</p>}
    >
      <QueryState query={options}>
        {(o) =>
          o.sections.length === 0 ? (
            <p className="card">{t('facilities.systems.form.noSections')}</p>
          ) : (
            <SystemForm system={null} sections={o.sections} />
          )
        }
      </QueryState>
    </Page>
  );
}

/** /facilities/systems/:id/edit: the whole record again; 利用中 unchecked retires the system. */
export function SystemEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useSystemCrumbs();
  const system = useSystem(id);
  const options = useSystemOptions();
  const name = system.data?.name ?? t('facilities.systems.system.titlePlain');
  return (
    <Page
      title={t('facilities.systems.form.editTitle')}
      crumbs={[
        ...crumbs,
        { label: name, to: `/facilities/systems/${id}` },
        { label: t('facilities.systems.form.editTitle') },
      ]}
    >
      <QueryState query={system}>
        {(s) => (
          <QueryState query={options}>{(o) => <SystemForm system={s} sections={o.sections} />}</QueryState>
        )}
      </QueryState>
    </Page>
  );
}
