import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LocalRuleView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { CheckboxField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { useUnits } from '../organisation/queries.ts';
import { orNull, required } from '../../ui/form-rules.ts';
import { DocumentField, Saved } from './bits.tsx';
import { useCreateLocalRule, useUpdateLocalRule } from './queries.ts';

interface Values {
  scope: string;
  title: string;
  number: string;
  effectiveOn: string;
  superseded: boolean;
}
const FIELDS = ['scope', 'title', 'number', 'effectiveOn'] as const;
const ORGANISATION = 'organisation';

/**
 * A supplementary rule attached (A40): organisation-wide by the 総括管理者 (A40-1), or a unit's by its
 * 総括保護管理者 (A40-2) — `canEdit` says which the server allows — with the rule's PDF. With `rule`,
 * its record is changed (and it may be marked superseded); the scope stays.
 */
export function LocalRuleForm({
  rule,
  canEdit,
}: {
  rule?: LocalRuleView;
  canEdit?: { organisation: boolean; unitIds: string[] };
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const units = useUnits();
  const create = useCreateLocalRule();
  const update = useUpdateLocalRule(rule?.id ?? '');
  const save = rule ? update : create;
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const scopes = [
    ...(canEdit?.organisation
      ? [{ value: ORGANISATION, label: t('oversight.localRules.organisation') }]
      : []),
    ...(canEdit?.unitIds ?? []).map((id) => ({
      value: id,
      label: units.data?.find((u) => u.id === id)?.name ?? id,
    })),
  ];
  const blank = {
    scope: scopes.length === 1 ? scopes[0]!.value : '',
    title: '',
    number: '',
    effectiveOn: '',
    superseded: false,
  };
  const form = useForm<Values>({
    defaultValues: rule
      ? {
          scope: rule.unitId ?? ORGANISATION,
          title: rule.title,
          number: rule.number ?? '',
          effectiveOn: rule.effectiveOn,
          superseded: rule.superseded,
        }
      : blank,
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const k = 'oversight.localRules';
  const submit = form.handleSubmit(async (v) => {
    const fields = { title: v.title.trim(), number: orNull(v.number), effectiveOn: v.effectiveOn };
    try {
      if (rule) await update.mutateAsync({ input: { ...fields, superseded: v.superseded }, file });
      else {
        await create.mutateAsync({
          input: { ...fields, unitId: v.scope === ORGANISATION ? null : v.scope },
          file,
        });
        form.reset({ ...blank, scope: v.scope });
      }
      setFile(null);
      setResetKey((n) => n + 1);
    } catch (e) {
      applyServerErrors(e, FIELDS, form.setError, { 'auth.forbidden': 'scope' });
    }
  });
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <Saved show={save.isSuccess} text={rule ? undefined : t(`${k}.attached`)} />
      <FormErrors
        errors={errors}
        serverError={save.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: t(`${k}.${name === 'title' ? 'ruleTitle' : name}`) }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      {!rule && (
        <SelectField
          label={t(`${k}.scope`)}
          help={t(`${k}.scopeHelp`)}
          required
          options={scopes}
          placeholder={scopes.length === 1 ? undefined : t('oversight.choose')}
          registration={form.register('scope', required('i18n:validation.required'))}
          error={errors.scope}
        />
      )}
      <TextField
        label={t(`${k}.ruleTitle`)}
        required
        registration={form.register('title', required('i18n:validation.required'))}
        error={errors.title}
      />
      <TextField
        label={t(`${k}.number`)}
        help={t(`${k}.numberHelp`)}
        registration={form.register('number')}
        error={errors.number}
      />
      <TextField
        label={t(`${k}.effectiveOn`)}
        type="date"
        required
        registration={form.register('effectiveOn', required('i18n:validation.required'))}
        error={errors.effectiveOn}
        after={<DatePreview text={dates.date(form.watch('effectiveOn'))} />}
      />
      {rule && (
        <CheckboxField
          label={t(`${k}.supersededLabel`)}
          help={t(`${k}.supersededHelp`)}
          registration={form.register('superseded')}
        />
      )}
      <DocumentField
        label={rule?.document ? t(`${k}.replaceDocument`) : t(`${k}.document`)}
        help={t(`${k}.documentHelp`)}
        onChoose={setFile}
        resetKey={resetKey}
      />
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {rule ? t('oversight.save') : t(`${k}.attach`)}
      </button>
    </form>
  );
}
