import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/api/organisation.ts';
import { FINDING_SEVERITIES, type AuditView, type FindingSeverity } from '../../../shared/api/audits.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField, fieldErrorText } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { PersonPicker } from '../organisation/person-picker.tsx';
import { FindingCard } from './finding-card.tsx';
import { required } from '../../ui/form-rules.ts';
import { Saved } from './labels.tsx';
import { useAddFinding } from './queries.ts';

interface FindingValues {
  itemId: string;
  severity: FindingSeverity | '';
  description: string;
  action: string;
  ownerId: string;
  due: string;
}
const FIELDS = ['itemId', 'severity', 'description', 'action', 'ownerId', 'due'] as const;
const EMPTY: FindingValues = { itemId: '', severity: '', description: '', action: '', ownerId: '', due: '' };

/** 指摘事項を記録 (A36): what was found, how grave, the corrective action, its owner and due day. */
function AddFinding({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const add = useAddFinding(audit.id);
  const [owner, setOwner] = useState<PersonView | null>(null);
  const form = useForm<FindingValues>({ defaultValues: EMPTY, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const labels: Record<(typeof FIELDS)[number], string> = {
    itemId: t('audits.findings.item'),
    severity: t('audits.findings.severity'),
    description: t('audits.findings.description'),
    action: t('audits.findings.action'),
    ownerId: t('audits.findings.owner'),
    due: t('audits.findings.due'),
  };
  form.register('ownerId', required(t('validation.choose')));
  const submit = form.handleSubmit((v) =>
    add
      .mutateAsync({
        itemId: v.itemId === '' ? null : v.itemId,
        severity: v.severity as FindingSeverity,
        description: v.description.trim(),
        action: v.action.trim(),
        ownerId: v.ownerId,
        due: v.due,
      })
      .then(() => {
        form.reset(EMPTY);
        setOwner(null);
      })
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, {
          'audits.owner_invalid': 'ownerId',
          'audits.item_invalid': 'itemId',
        }),
      ),
  );
  return (
    <>
      <Saved show={add.isSuccess && !form.formState.isDirty} text={t('audits.findings.added')} />
      <FormErrors
        errors={errors}
        serverError={add.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) =>
          name === 'ownerId'
            ? document.querySelector<HTMLElement>('#finding-owner input, #finding-owner button')?.focus()
            : form.setFocus(name as (typeof FIELDS)[number])
        }
      />
      <form noValidate className="card max-w-4xl" onSubmit={(e) => void submit(e)}>
        <h3 className="mb-3 text-xl">{t('audits.findings.add')}</h3>
        <SelectField
          label={labels.itemId}
          registration={form.register('itemId')}
          error={errors.itemId}
          placeholder={t('audits.findings.noItem')}
          options={audit.checklist.map((i) => ({ value: i.id, label: `${i.featureId} ${i.question}` }))}
        />
        <RadioGroupField
          label={labels.severity}
          registration={form.register('severity', { validate: (v) => v !== '' || t('validation.choose') })}
          error={errors.severity}
          required
          options={[...FINDING_SEVERITIES]
            .reverse()
            .map((s) => ({ value: s, label: t(`audits.severities.${s}`) }))}
        />
        <TextAreaField
          label={labels.description}
          registration={form.register('description', required(t('validation.required')))}
          error={errors.description}
          required
        />
        <TextAreaField
          label={labels.action}
          registration={form.register('action', required(t('validation.required')))}
          error={errors.action}
          required
        />
        <div id="finding-owner">
          <PersonPicker
            label={labels.ownerId}
            unitId={null}
            value={owner}
            onChange={(p) => {
              setOwner(p);
              form.setValue('ownerId', p?.id ?? '', {
                shouldValidate: form.formState.isSubmitted,
                shouldDirty: true,
              });
            }}
            errorText={fieldErrorText(errors.ownerId, t)}
          />
        </div>
        <TextField
          label={labels.due}
          type="date"
          registration={form.register('due', required(t('validation.date')))}
          error={errors.due}
          required
          after={<DatePreview text={dates.date(form.watch('due'))} />}
        />
        <button type="submit" className="btn-primary" disabled={add.isPending}>
          {t('audits.findings.submit')}
        </button>
      </form>
    </>
  );
}

/** 指摘事項 (A36): findings with corrective actions tracked to done and confirmed. */
export function FindingsSection({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('audits.findings.title')} id="findings">
      <p className="mb-4 max-w-3xl">{t('audits.findings.lead')}</p>
      {audit.findings.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('audits.findings.none')}</p>
      ) : (
        <ul className="mb-6 grid gap-3">
          {audit.findings.map((f) => (
            <FindingCard key={f.id} finding={f} />
          ))}
        </ul>
      )}
      {audit.can.answer && <AddFinding audit={audit} />}
    </Section>
  );
}
