import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { appointInput, type PersonView, type UnitView } from '../../../shared/api/organisation.ts';
import { ROLE_RULES, ROLES, type Role } from '../../../shared/roles.ts';
import { useSignedIn } from '../../app/session.ts';
import { Page } from '../../ui/page.tsx';
import { Alert } from '../../ui/alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { DatePreview, SelectField, TextAreaField, TextField, fieldErrorText } from '../../ui/field.tsx';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { todayInTokyo } from '../../ui/format-date.ts';
import { useRoleLabel } from './labels.tsx';
import { PersonPicker } from './person-picker.tsx';
import { useAppoint, useUnit, useUnits } from './queries.ts';

/** The shared input schema plus what the form can check before asking the server (scope, A7の2 details). */
const appointForm = appointInput.superRefine((v, ctx) => {
  const scope = ROLE_RULES[v.role].scope;
  const required = 'i18n:validation.choose';
  if (scope !== 'organisation' && !v.unitId)
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: required });
  if (scope === 'section' && !v.sectionId)
    ctx.addIssue({ code: 'custom', path: ['sectionId'], message: required });
  if (v.role === 'mynumber_handler') {
    if (!v.duties) ctx.addIssue({ code: 'custom', path: ['duties'], message: 'i18n:validation.required' });
    if (!v.handlingRange)
      ctx.addIssue({ code: 'custom', path: ['handlingRange'], message: 'i18n:validation.required' });
  }
});
type FormInput = z.input<typeof appointForm>;
const FIELDS = [
  'role',
  'unitId',
  'sectionId',
  'personId',
  'basis',
  'duties',
  'handlingRange',
  'startsOn',
  'endsOn',
] as const;
const nullIfEmpty = (v: unknown) => (v === '' || v === undefined ? null : v);

function AppointForm({ roles, units }: { roles: Role[]; units: UnitView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const roleLabel = useRoleLabel();
  const appoint = useAppoint();
  const initialRole = roles.find((r) => r === params.get('role')) ?? roles[0] ?? 'protection_officer';
  // Without a place in the URL, start from where the signed-in person holds their own role.
  const own = useSignedIn().roles.find((r) => r.unitId);
  const initialUnit = params.get('unitId') ?? own?.unitId ?? null;
  const initialSection = params.get('sectionId') ?? (params.get('unitId') ? null : (own?.sectionId ?? null));
  const form = useForm<FormInput, unknown, z.output<typeof appointForm>>({
    resolver: zodResolver(appointForm),
    defaultValues: {
      role: initialRole,
      unitId: initialUnit,
      sectionId: initialSection,
      personId: '',
      basis: '',
      duties: null,
      handlingRange: null,
      startsOn: todayInTokyo(),
      endsOn: null,
    },
    shouldFocusError: false,
  });
  const [person, setPerson] = useState<PersonView | null>(null);
  const dates = useDates();
  const { errors } = form.formState;
  const role = form.watch('role');
  const unitId = form.watch('unitId') ?? null;
  const scope = ROLE_RULES[role].scope;
  const unit = useUnit(scope === 'section' ? unitId : null);
  const sections = (unit.data?.sections ?? []).filter(
    (s) => !ROLE_RULES[role].needsHandlingSection || s.handlesPersonalInfo,
  );
  // The section options arrive after the unit's detail: select the chosen one again once they are there.
  const sectionsLoaded = unit.data?.unit.id;
  const { setValue, getValues } = form;
  useEffect(() => {
    if (sectionsLoaded) setValue('sectionId', getValues('sectionId'));
  }, [sectionsLoaded, setValue, getValues]);

  const choosePerson = (p: PersonView | null) => {
    setPerson(p);
    form.setValue('personId', p?.id ?? '', { shouldValidate: form.formState.isSubmitted });
  };
  const submit = form.handleSubmit((v) => {
    const input = {
      ...v,
      unitId: scope === 'organisation' ? null : v.unitId,
      sectionId: scope === 'section' ? v.sectionId : null,
    };
    if (role !== 'mynumber_handler') Object.assign(input, { duties: null, handlingRange: null });
    appoint.mutate(input, {
      onSuccess: (a) => {
        const to = a.sectionId
          ? `/organisation/sections/${a.sectionId}`
          : a.unitId
            ? `/organisation/units/${a.unitId}`
            : '/organisation';
        void navigate(to, { state: { notice: 'appointForm.done' } });
      },
      onError: (e) => applyServerErrors(e, FIELDS, form.setError),
    });
  });

  return (
    <>
      <FormErrors errors={errors} serverError={appoint.error} submitCount={form.formState.submitCount} />
      <form noValidate onSubmit={(e) => void submit(e)} className="card max-w-3xl">
        <SelectField
          label={t('appointForm.role')}
          registration={form.register('role')}
          error={errors.role}
          options={roles.map((r) => ({ value: r, label: roleLabel(r, true) }))}
          required
        />
        {scope === 'organisation' && (
          <p className="mb-6 rounded-lg bg-surface-muted px-4 py-3">{t('appointForm.scopeOrganisation')}</p>
        )}
        {scope !== 'organisation' && (
          <SelectField
            label={t('appointForm.unit')}
            registration={form.register('unitId', {
              setValueAs: nullIfEmpty,
              onChange: () => {
                form.setValue('sectionId', null);
                choosePerson(null);
              },
            })}
            error={errors.unitId}
            placeholder={t('appointForm.chooseUnit')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            required
          />
        )}
        {scope === 'section' && (
          <SelectField
            label={t('appointForm.section')}
            help={ROLE_RULES[role].needsHandlingSection ? t('appointForm.sectionHelp') : undefined}
            registration={form.register('sectionId', { setValueAs: nullIfEmpty })}
            error={errors.sectionId}
            placeholder={t('appointForm.chooseSection')}
            options={sections.map((s) => ({ value: s.id, label: s.name }))}
            required
          />
        )}
        <PersonPicker
          label={t('appointForm.person')}
          unitId={scope === 'organisation' ? null : unitId}
          value={person}
          onChange={choosePerson}
          errorText={
            errors.personId
              ? errors.personId.type === 'server'
                ? fieldErrorText(errors.personId, t)
                : t('validation.personRequired')
              : undefined
          }
        />
        <TextAreaField
          label={t('appointForm.basis')}
          help={t('appointForm.basisHelp')}
          registration={form.register('basis')}
          error={errors.basis}
          required
        />
        {role === 'mynumber_handler' && (
          <>
            <TextAreaField
              label={t('appointForm.duties')}
              help={t('appointForm.dutiesHelp')}
              registration={form.register('duties', { setValueAs: nullIfEmpty })}
              error={errors.duties}
              required
            />
            <TextAreaField
              label={t('appointForm.handlingRange')}
              help={t('appointForm.handlingRangeHelp')}
              registration={form.register('handlingRange', { setValueAs: nullIfEmpty })}
              error={errors.handlingRange}
              required
            />
          </>
        )}
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            label={t('appointForm.startsOn')}
            type="date"
            registration={form.register('startsOn', { setValueAs: (v: string) => (v ? v : undefined) })}
            error={errors.startsOn}
            required
            after={<DatePreview text={dates.date(form.watch('startsOn'))} />}
          />
          <TextField
            label={t('appointForm.endsOn')}
            type="date"
            help={t('appointForm.endsOnHelp')}
            registration={form.register('endsOn', { setValueAs: nullIfEmpty })}
            error={errors.endsOn}
            after={<DatePreview text={dates.date(form.watch('endsOn'))} />}
          />
        </div>
        <button type="submit" className="btn-primary" disabled={appoint.isPending}>
          {t('appointForm.submit')}
        </button>
      </form>
    </>
  );
}

export function AppointmentFormPage() {
  const { t } = useTranslation();
  const { permissions } = useSignedIn();
  const roles = ROLES.filter((r) => permissions.appointRoles.includes(r));
  const units = useUnits();
  return (
    <Page
      title={t('appointForm.title')}
      crumbs={[{ label: t('nav.organisation'), to: '/organisation' }, { label: t('appointForm.title') }]}
      lead={<p>{t('appointForm.intro')}</p>}
    >
      {roles.length === 0 ? (
        <Alert tone="info" title={t('appointForm.noRights')} />
      ) : (
        <QueryState query={units}>{(list) => <AppointForm roles={roles} units={list} />}</QueryState>
      )}
    </Page>
  );
}
