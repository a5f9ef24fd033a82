import { Link, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createSectionInput, type UnitDetailView } from '../../../shared/api/organisation.ts';
import { useSignedIn } from '../../app/session.ts';
import { Page } from '../../ui/page.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { CheckboxField } from '../../ui/choice-field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { useCreateSection, useUnit } from './queries.ts';

/** The shared input schema, plus what the server would refuse: 特定個人情報 is held personal information (A7の2). */
const sectionForm = createSectionInput.superRefine((v, ctx) => {
  if (v.handlesMyNumber && !v.handlesPersonalInfo)
    ctx.addIssue({
      code: 'custom',
      path: ['handlesPersonalInfo'],
      message: 'error:organisation.my_number_without_personal_info',
    });
});
type FormInput = z.input<typeof sectionForm>;
const FIELDS = ['name', 'parentId', 'handlesPersonalInfo', 'handlesMyNumber'] as const;
const CODE_FIELDS = {
  'organisation.section_name_taken': 'name',
  'organisation.section_parent_invalid': 'parentId',
  'organisation.my_number_without_personal_info': 'handlesPersonalInfo',
} as const;
const nullIfEmpty = (v: unknown) => (v === '' || v === undefined ? null : v);

function SectionForm({ detail }: { detail: UnitDetailView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSection();
  const { unit, sections } = detail;
  const form = useForm<FormInput, unknown, z.output<typeof sectionForm>>({
    resolver: zodResolver(sectionForm),
    defaultValues: {
      unitId: unit.id,
      parentId: null,
      name: '',
      handlesPersonalInfo: false,
      handlesMyNumber: false,
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const labels: Record<(typeof FIELDS)[number], string> = {
    name: t('sectionForm.name'),
    parentId: t('sectionForm.parent'),
    handlesPersonalInfo: t('sectionForm.personalInfo'),
    handlesMyNumber: t('sectionForm.myNumber'),
  };
  const submit = form.handleSubmit(
    (v) =>
      create.mutate(v, {
        onSuccess: () =>
          void navigate(`/organisation/units/${unit.id}`, { state: { notice: 'sectionForm.done' } }),
        onError: (e) => applyServerErrors(e, FIELDS, form.setError, CODE_FIELDS),
      }),
    () => create.reset(),
  );
  return (
    <>
      <FormErrors
        errors={errors}
        serverError={create.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="card max-w-3xl">
        <TextField
          label={labels.name}
          help={t('sectionForm.nameHelp')}
          registration={form.register('name')}
          error={errors.name}
          autoComplete="off"
          required
        />
        <SelectField
          label={labels.parentId}
          help={t('sectionForm.parentHelp')}
          registration={form.register('parentId', { setValueAs: nullIfEmpty })}
          error={errors.parentId}
          placeholder={t('sectionForm.noParent')}
          options={sections.map((s) => ({ value: s.id, label: s.name }))}
        />
        <fieldset className="mb-6">
          <legend className="label mb-2">{t('sectionForm.flags')}</legend>
          <CheckboxField
            label={labels.handlesPersonalInfo}
            help={t('sectionForm.personalInfoHelp')}
            registration={form.register('handlesPersonalInfo')}
            error={errors.handlesPersonalInfo}
          />
          <CheckboxField
            label={labels.handlesMyNumber}
            help={t('sectionForm.myNumberHelp')}
            registration={form.register('handlesMyNumber')}
            error={errors.handlesMyNumber}
          />
        </fieldset>
        <div className="flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={create.isPending}>
            {t('sectionForm.submit')}
          </button>
          <Link to={`/organisation/units/${unit.id}`} className="btn-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /organisation/units/:id/sections/new: 課等の追加 (POST /api/sections). */
export function SectionFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { permissions } = useSignedIn();
  const unit = useUnit(id);
  if (unit.isPending) return <Loading />;
  if (unit.isError)
    return (
      <Page title={t('common.errorTitle')} crumbs={[{ label: t('nav.organisation'), to: '/organisation' }]}>
        <QueryError error={unit.error} onRetry={() => void unit.refetch()} />
      </Page>
    );
  const u = unit.data.unit;
  return (
    <Page
      title={t('sectionForm.title')}
      crumbs={[
        { label: t('nav.organisation'), to: '/organisation' },
        { label: u.name, to: `/organisation/units/${u.id}` },
        { label: t('sectionForm.title') },
      ]}
      lead={<p>{t('sectionForm.intro', { unit: u.name })}</p>}
    >
      {permissions.manageSections ? (
        <SectionForm key={u.id} detail={unit.data} />
      ) : (
        <Alert tone="info" title={t('sectionForm.noRights')} />
      )}
    </Page>
  );
}
