import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { useUnits } from '../organisation/queries.ts';
import type { ChosenSections } from './audience-fields.tsx';
import {
  COURSE_FIELDS,
  CourseFields,
  courseDefaults,
  toCourseInput,
  type CourseValues,
} from './course-form.tsx';
import { useCourses, useCreateCourse } from './queries.ts';

/** Who may keep the new course: the organisation (総括管理者, A10-1/2) and the units (総括保護管理者, A10-3). */
function useOwners() {
  const { t } = useTranslation();
  const list = useCourses();
  const units = useUnits();
  const can = list.data?.canCreate;
  const names = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  return [
    ...(can?.organisation ? [{ value: '', label: t('training.organisation') }] : []),
    ...(can?.unitIds ?? []).map((id) => ({ value: id, label: names.get(id) ?? id })),
  ];
}

/** /training/courses/new: a course of one of the four kinds (A10-1..4). */
export function CourseNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const owners = useOwners();
  const [sections, setSections] = useState<ChosenSections>(new Map());
  const form = useForm<CourseValues>({ defaultValues: courseDefaults(), shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  // A unit's 総括保護管理者 keeps only the unit's courses: its unit is chosen for it.
  const first = owners[0]?.value;
  useEffect(() => {
    if (first !== undefined && owners.length === 1) form.setValue('ownerUnitId', first);
  }, [first, owners.length, form]);
  const submit = form.handleSubmit((v) =>
    create
      .mutateAsync(toCourseInput(v, sections))
      .then((view) =>
        navigate(`/training/courses/${view.id}`, { state: { notice: 'training.form.created' } }),
      )
      .catch((e: unknown) => applyServerErrors(e, COURSE_FIELDS, form.setError)),
  );
  const title = t('training.form.title');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('training.my.title'), to: '/training' },
        { label: t('training.courses.title'), to: '/training/courses' },
        { label: title },
      ]}
    >
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors
          errors={errors}
          serverError={create.error}
          submitCount={submitCount}
          fields={[
            { name: 'title', label: t('training.form.titleField') },
            { name: 'recurrenceMonths', label: t('training.form.recurrenceMonths') },
            { name: 'dueDays', label: t('training.form.dueDays') },
          ]}
          onFocusField={(name) => form.setFocus(name as keyof CourseValues)}
        />
        <CourseFields form={form} owners={owners} sections={sections} onSections={setSections} />
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {t('training.form.submit')}
        </button>
      </form>
    </Page>
  );
}
