import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import {
  INSPECTION_FIELDS,
  InspectionFields,
  inspectionDefaults,
  toInspectionInput,
  type InspectionValues,
} from './inspection-form.tsx';
import { useHubCrumb } from './labels.tsx';
import { useCreateInspection, useSchedules } from './queries.ts';

function NewForm({ sections, asked }: { sections: { value: string; label: string }[]; asked: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateInspection();
  // One section (a 保護管理者 of one 係) is chosen for them; else the one the schedule's link names.
  const initial =
    sections.length === 1 ? sections[0]!.value : sections.some((s) => s.value === asked) ? asked : '';
  const form = useForm<InspectionValues>({
    defaultValues: inspectionDefaults(undefined, initial),
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    create
      .mutateAsync(toInspectionInput(v))
      .then((view) =>
        navigate(`/oversight/inspections/${view.id}`, { state: { notice: 'reviews.form.created' } }),
      )
      .catch((e: unknown) => applyServerErrors(e, INSPECTION_FIELDS, form.setError)),
  );
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={create.error} submitCount={submitCount} />
      <InspectionFields form={form} sections={sections} />
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {t('reviews.form.submit')}
      </button>
    </form>
  );
}

/** /oversight/inspections/new: a 保護管理者 records an inspection of its section (A37), kept as a draft. */
export function InspectionNewPage() {
  const { t } = useTranslation();
  const hub = useHubCrumb();
  const [params] = useSearchParams();
  const schedules = useSchedules();
  const title = t('reviews.form.title');
  return (
    <Page
      title={title}
      crumbs={[hub, { label: t('reviews.list.title'), to: '/oversight/inspections' }, { label: title }]}
      lead={<p>{t('reviews.schedules.lead')}</p>}
    >
      <QueryState query={schedules}>
        {(v) => {
          const sections = v.schedules
            .filter((s) => s.canInspect)
            .map((s) => ({ value: s.sectionId, label: `${s.unitName} ${s.sectionName}`.trim() }));
          return sections.length === 0 ? (
            <p className="card">{t('reviews.form.noSections')}</p>
          ) : (
            <NewForm sections={sections} asked={params.get('sectionId') ?? ''} />
          );
        }}
      </QueryState>
    </Page>
  );
}
