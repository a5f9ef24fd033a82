import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ERASURE_METHODS,
  type ContractView,
  type ErasureMethod,
} from '../../../shared/api/provision-contracts.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Alert } from '../../ui/alert.tsx';
import { orNull, required } from '../../ui/form-rules.ts';
import { useCloseContract, useConfirmErasure, useEndContract } from './queries-contracts.ts';

function EndForm({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const end = useEndContract(contract.id);
  const form = useForm({ defaultValues: { note: '' }, shouldFocusError: false });
  const submit = form.handleSubmit((v) => end.mutateAsync({ note: orNull(v.note) }).catch(() => undefined));
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <FormErrors
        errors={form.formState.errors}
        serverError={end.error}
        submitCount={form.formState.submitCount}
      />
      <TextAreaField label={t('provision.ending.note')} registration={form.register('note')} />
      <button type="submit" className="btn-secondary" disabled={end.isPending}>
        {t('provision.ending.end')}
      </button>
    </form>
  );
}

interface ErasureValues {
  on: string;
  method: ErasureMethod | '';
  evidence: string;
}

function ErasureForm({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const confirm = useConfirmErasure(contract.id);
  const form = useForm<ErasureValues>({
    defaultValues: { on: '', method: '', evidence: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    confirm
      .mutateAsync({ on: v.on, method: v.method as ErasureMethod, evidence: v.evidence.trim() })
      .catch(() => undefined),
  );
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t('provision.ending.erasure')}</h3>
      <FormErrors errors={errors} serverError={confirm.error} submitCount={submitCount} />
      <TextField
        label={t('provision.ending.erasureOn')}
        type="date"
        registration={form.register('on', required(t('validation.date')))}
        error={errors.on}
        required
        after={<DatePreview text={dates.date(form.watch('on'))} />}
      />
      <RadioGroupField
        label={t('provision.ending.erasureMethod')}
        registration={form.register('method', required(t('validation.choose')))}
        error={errors.method}
        required
        options={ERASURE_METHODS.map((m) => ({ value: m, label: t(`provision.erasureMethods.${m}`) }))}
      />
      <TextAreaField
        label={t('provision.ending.erasureEvidence')}
        registration={form.register('evidence', required(t('validation.required')))}
        error={errors.evidence}
        required
      />
      <button type="submit" className="btn-primary" disabled={confirm.isPending}>
        {t('provision.ending.confirm')}
      </button>
    </form>
  );
}

/** Contract end (A19-1(5)): end, confirm the erasure or return, then close; the server refuses otherwise. */
export function EndingSection({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const close = useCloseContract(c.id);
  if (c.status === 'draft') return null;
  return (
    <Section title={t('provision.ending.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.ending.lead')}</p>
      {c.endedAt && (
        <p className="mb-2">{t('provision.ending.endedAt', { date: dates.dateTime(c.endedAt) })}</p>
      )}
      {c.endNote && <p className="mb-2 whitespace-pre-wrap">{c.endNote}</p>}
      {c.erasure && (
        <Alert
          tone="success"
          title={t('provision.ending.confirmed', {
            date: dates.date(c.erasure.on),
            method: t(`provision.erasureMethods.${c.erasure.method}`),
            name: c.erasure.confirmedByName ?? '',
          })}
        >
          <p className="whitespace-pre-wrap">{c.erasure.evidence}</p>
        </Alert>
      )}
      {c.closedAt && (
        <Alert tone="info" title={t('provision.ending.closedAt', { date: dates.dateTime(c.closedAt) })} />
      )}
      {c.can.end && <EndForm contract={c} />}
      {c.can.confirmErasure && !c.erasure && <ErasureForm contract={c} />}
      {c.status === 'ending' && (c.can.close || c.can.confirmErasure) && (
        <div className="mt-6">
          <FormErrors errors={{}} serverError={close.error} submitCount={close.failureCount} />
          <button
            type="button"
            className="btn-primary"
            disabled={close.isPending}
            onClick={() => close.mutate(undefined)}
          >
            {t('provision.ending.close')}
          </button>
        </div>
      )}
    </Section>
  );
}
