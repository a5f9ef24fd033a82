import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { unitDetailView, type PersonView } from '../../../shared/api/organisation.ts';
import { api } from '../../app/api.ts';
import { useDates } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField, fieldErrorText } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { TIME_ZONE } from '../../ui/format-date.ts';
import { PersonPicker } from '../organisation/person-picker.tsx';
import { useNotify } from './labels.tsx';
import { useNameDeputy } from './queries.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const deputyForm = z
  .object({
    deputyId: z.uuid({ message: 'i18n:approvals.deputies.personRequired' }),
    level: z.enum(['protection_manager', 'chief_protection_manager']),
    scope: z.string().min(1, { message: 'i18n:approvals.deputies.scopeRequired' }),
    validFrom: isoDate,
    validUntil: isoDate,
    reason: z.string().trim().min(1).max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'i18n:approvals.deputies.untilBefore' });
  });
type FormInput = z.input<typeof deputyForm>;
type FormOutput = z.output<typeof deputyForm>;
type FormField = keyof FormInput;
const FIELDS: FormField[] = ['deputyId', 'level', 'scope', 'validFrom', 'validUntil', 'reason'];

/** A scope the person may name a deputy for: `unitId` or `unitId/sectionId`. */
interface Scope {
  value: string;
  level: 'protection_manager' | 'chief_protection_manager';
  unitId: string;
  sectionId: string | null;
  label: string;
}

/**
 * The scopes from the person's appointments (ADR 0008 §3): a 保護管理者 names deputies for their
 * section; a 総括保護管理者 for their college as a whole or any of its sections.
 */
export function useScopes(): Scope[] {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const managed = roles.filter(
    (r) => (r.role === 'protection_manager' || r.role === 'chief_protection_manager') && r.unitId,
  );
  const unitIds = [...new Set(managed.map((r) => r.unitId!))];
  const units = useQueries({
    queries: unitIds.map((id) => ({
      queryKey: ['unit', id],
      queryFn: () => api(`/api/units/${encodeURIComponent(id)}`, { schema: unitDetailView }),
    })),
  });
  const scopes: Scope[] = [];
  for (const r of managed) {
    const detail = units.find((u) => u.data?.unit.id === r.unitId)?.data;
    if (!detail) continue;
    const sectionName = (id: string) => detail.sections.find((s) => s.id === id)?.name ?? '';
    if (r.role === 'chief_protection_manager') {
      scopes.push({
        value: `chief/${detail.unit.id}`,
        level: 'chief_protection_manager',
        unitId: detail.unit.id,
        sectionId: null,
        label: t('approvals.deputies.scopeUnit', { unit: detail.unit.name }),
      });
      for (const s of detail.sections)
        scopes.push({
          value: `pm/${detail.unit.id}/${s.id}`,
          level: 'protection_manager',
          unitId: detail.unit.id,
          sectionId: s.id,
          label: `${detail.unit.name} ${s.name}`,
        });
    } else if (r.sectionId) {
      scopes.push({
        value: `pm/${detail.unit.id}/${r.sectionId}`,
        level: 'protection_manager',
        unitId: detail.unit.id,
        sectionId: r.sectionId,
        label: `${detail.unit.name} ${sectionName(r.sectionId)}`,
      });
    }
  }
  return scopes.filter((s, i) => scopes.findIndex((o) => o.value === s.value) === i);
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Names a deputy for a period (issue 7 "a deputy can act when a manager is absent"). */
export function DeputyForm() {
  const { t } = useTranslation();
  const dates = useDates();
  const notify = useNotify();
  const scopes = useScopes();
  const name = useNameDeputy();
  const [person, setPerson] = useState<PersonView | null>(null);
  const levels = [...new Set(scopes.map((s) => s.level))];
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(deputyForm),
    defaultValues: {
      deputyId: '',
      level: 'protection_manager',
      scope: '',
      validFrom: today(),
      validUntil: addDays(today(), 7),
      reason: '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const watched = form.watch('level');
  const level = levels.includes(watched) ? watched : levels[0];
  const options = scopes.filter((s) => s.level === level);
  const chosen = scopes.find((s) => s.value === form.watch('scope'));

  const submit = form.handleSubmit(async (v) => {
    const scope = scopes.find((s) => s.value === v.scope);
    if (!scope) {
      form.setError('scope', { type: 'server', message: 'i18n:approvals.deputies.scopeRequired' });
      return;
    }
    await name
      .mutateAsync({
        deputyId: v.deputyId,
        level: scope.level,
        unitId: scope.unitId,
        sectionId: scope.sectionId,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        reason: v.reason,
      })
      .then(() => {
        form.reset();
        setPerson(null);
        notify('approvals.deputies.named');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, { 'approval.deputy_invalid': 'deputyId' }),
      );
  });

  const labels: Record<FormField, string> = {
    deputyId: t('approvals.deputies.person'),
    level: t('approvals.deputies.levelLabel'),
    scope: t('approvals.deputies.scopeLabel'),
    validFrom: t('approvals.deputies.from'),
    validUntil: t('approvals.deputies.until'),
    reason: t('approvals.deputies.reasonLabel'),
  };

  return (
    <Section title={t('approvals.deputies.formTitle')}>
      <p className="mb-6 max-w-3xl">{t('approvals.deputies.formLead')}</p>
      <FormErrors
        errors={errors}
        serverError={name.error}
        submitCount={submitCount}
        fields={FIELDS.map((n) => ({ name: n, label: labels[n] }))}
        onFocusField={(n) =>
          n === 'deputyId'
            ? document.querySelector<HTMLElement>('#deputy-person input, #deputy-person button')?.focus()
            : form.setFocus(n as FormField)
        }
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
        <div id="deputy-person">
          <PersonPicker
            label={labels.deputyId}
            unitId={chosen?.unitId ?? null}
            value={person}
            onChange={(p) => {
              setPerson(p);
              form.setValue('deputyId', p?.id ?? '', { shouldValidate: form.formState.isSubmitted });
            }}
            errorText={fieldErrorText(errors.deputyId, t)}
          />
        </div>
        {levels.length > 1 && (
          <RadioGroupField
            label={labels.level}
            registration={form.register('level', { onChange: () => form.setValue('scope', '') })}
            error={errors.level}
            options={levels.map((l) => ({ value: l, label: t(`approvals.levels.${l}`) }))}
            required
          />
        )}
        <SelectField
          label={labels.scope}
          registration={form.register('scope')}
          error={errors.scope}
          placeholder={t('validation.choose')}
          options={options.map((s) => ({ value: s.value, label: s.label }))}
          required
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            label={labels.validFrom}
            type="date"
            registration={form.register('validFrom')}
            error={errors.validFrom}
            required
            after={<DatePreview text={dates.date(form.watch('validFrom'))} />}
          />
          <TextField
            label={labels.validUntil}
            type="date"
            registration={form.register('validUntil')}
            error={errors.validUntil}
            required
            after={<DatePreview text={dates.date(form.watch('validUntil'))} />}
          />
        </div>
        <TextAreaField
          label={labels.reason}
          help={t('approvals.deputies.reasonHelp')}
          registration={form.register('reason')}
          error={errors.reason}
          required
        />
        <button type="submit" className="btn-primary" disabled={name.isPending}>
          {t('approvals.deputies.submit')}
        </button>
      </form>
    </Section>
  );
}
