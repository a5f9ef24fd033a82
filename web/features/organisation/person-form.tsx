import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { personInput, type PersonView, type UnitView } from '../../../shared/api/organisation.ts';
import { PERSON_KINDS } from '../../../shared/roles.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { useManageScope } from './manage-scope.ts';
import { useCreatePerson, useUnit, useUpdatePerson } from './queries.ts';

/** The shared input schema, plus 在職状況 (only sent when editing). */
const createForm = personInput.extend({ active: z.enum(['true', 'false']) });
/** When editing, the employee number is shown but never sent: it cannot change. */
const editForm = createForm.extend({ employeeNumber: z.string() });
type FormInput = z.input<typeof createForm>;
type FormOutput = z.output<typeof createForm>;
const FIELDS = [
  'employeeNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'email',
  'kind',
  'title',
  'unitId',
  'sectionId',
  'active',
] as const;
/** Errors of the server about one field, shown next to it as well as in the summary. */
const CODE_FIELDS = {
  'organisation.employee_number_taken': 'employeeNumber',
  'organisation.unit_not_found': 'unitId',
  'organisation.section_not_found': 'sectionId',
  'organisation.section_not_in_unit': 'sectionId',
} as const;
const nullIfEmpty = (v: unknown) => (v === '' || v === undefined ? null : v);

function defaults(person: PersonView | undefined, unitId: string): FormInput {
  if (person) {
    const { id: _id, active, title, ...fields } = person;
    return { ...fields, title: title ?? '', active: active ? 'true' : 'false' };
  }
  return {
    employeeNumber: '',
    familyName: '',
    givenName: '',
    familyNameKana: '',
    givenNameKana: '',
    email: null,
    kind: 'staff',
    title: '',
    unitId,
    sectionId: null,
    active: 'true',
  };
}

/** 教職員の登録 (POST /api/people) and, given a person, the change of their details (PATCH /api/people/:id). */
export function PersonForm({ person, units }: { person?: PersonView; units: UnitView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scope = useManageScope();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const mutation = person ? update : create;
  // Only the units the signed-in person keeps are offered (and the person's own, when editing).
  const offered = units.filter((u) => !scope.units || scope.units.has(u.id) || u.id === person?.unitId);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(person ? editForm : createForm),
    defaultValues: defaults(person, offered.length === 1 ? (offered[0]?.id ?? '') : ''),
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const unitId = form.watch('unitId');
  const unit = useUnit(unitId || null);
  // The section options arrive after the unit's detail: select the chosen one again once they are there.
  const sectionsLoaded = unit.data?.unit.id;
  const { setValue, getValues } = form;
  useEffect(() => {
    if (sectionsLoaded) setValue('sectionId', getValues('sectionId'));
  }, [sectionsLoaded, setValue, getValues]);

  const labels: Record<(typeof FIELDS)[number], string> = {
    employeeNumber: t('personForm.employeeNumber'),
    familyName: t('personForm.familyName'),
    givenName: t('personForm.givenName'),
    familyNameKana: t('personForm.familyNameKana'),
    givenNameKana: t('personForm.givenNameKana'),
    email: t('personForm.email'),
    kind: t('personForm.kind'),
    title: t('personForm.title'),
    unitId: t('personForm.unit'),
    sectionId: t('personForm.section'),
    active: t('personForm.active'),
  };
  const onError = (e: unknown) => applyServerErrors(e, FIELDS, form.setError, CODE_FIELDS);
  const submit = form.handleSubmit(
    ({ active, employeeNumber, ...fields }) => {
      if (person)
        update.mutate(
          { id: person.id, ...fields, active: active === 'true' },
          {
            onSuccess: (p) => void navigate(`/people/${p.id}`, { state: { notice: 'personForm.updated' } }),
            onError,
          },
        );
      else
        create.mutate(
          { employeeNumber, ...fields },
          {
            onSuccess: (p) => void navigate(`/people/${p.id}`, { state: { notice: 'personForm.created' } }),
            onError,
          },
        );
    },
    () => mutation.reset(),
  );
  const text = (
    name: Exclude<(typeof FIELDS)[number], 'kind' | 'unitId' | 'sectionId' | 'active'>,
    options?: { setValueAs: (v: unknown) => unknown },
  ) => ({ label: labels[name], registration: form.register(name, options), error: errors[name] });

  return (
    <>
      <FormErrors
        errors={errors}
        serverError={mutation.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="card max-w-3xl">
        <TextField
          {...text('employeeNumber')}
          help={person ? t('personForm.employeeNumberFixed') : t('personForm.employeeNumberHelp')}
          readOnly={Boolean(person)}
          autoComplete="off"
          required={!person}
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField {...text('familyName')} autoComplete="off" required />
          <TextField {...text('givenName')} autoComplete="off" required />
          <TextField {...text('familyNameKana')} autoComplete="off" required />
          <TextField {...text('givenNameKana')} autoComplete="off" required />
        </div>
        <TextField
          {...text('email', { setValueAs: nullIfEmpty })}
          type="email"
          inputMode="email"
          autoComplete="off"
        />
        <RadioGroupField
          label={labels.kind}
          registration={form.register('kind')}
          error={errors.kind}
          options={PERSON_KINDS.map((k) => ({ value: k, label: t(`personKinds.${k}`) }))}
          required
        />
        <TextField {...text('title')} help={t('personForm.titleHelp')} autoComplete="off" />
        <SelectField
          label={labels.unitId}
          registration={form.register('unitId', { onChange: () => setValue('sectionId', null) })}
          error={errors.unitId}
          placeholder={t('personForm.chooseUnit')}
          options={offered.map((u) => ({ value: u.id, label: u.name }))}
          required
        />
        <SelectField
          label={labels.sectionId}
          help={t('personForm.sectionHelp')}
          registration={form.register('sectionId', { setValueAs: nullIfEmpty })}
          error={errors.sectionId}
          placeholder={t('personForm.noSection')}
          options={(unit.data?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        {person && (
          <RadioGroupField
            label={labels.active}
            help={t('personForm.activeHelp')}
            registration={form.register('active')}
            error={errors.active}
            options={[
              { value: 'true', label: t('people.isActive') },
              { value: 'false', label: t('people.isInactive') },
            ]}
            required
          />
        )}
        <div className="flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={mutation.isPending}>
            {person ? t('personForm.submitEdit') : t('personForm.submitNew')}
          </button>
          <Link to={person ? `/people/${person.id}` : '/people'} className="btn-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
