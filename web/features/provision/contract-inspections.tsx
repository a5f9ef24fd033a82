import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_CHECK_METHODS,
  type ContractCheckMethod,
  type ContractView,
  type ImprovementView,
  type InspectionView,
} from '../../../shared/api/provision-contracts.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { NoteForm } from '../../ui/note-form.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { required } from '../../ui/form-rules.ts';
import { Saved } from './bits.tsx';
import { useImprovementDone, useInspect, useSupervise } from './queries-contracts.ts';

interface Values {
  on: string;
  method: ContractCheckMethod;
  findings: string;
  nextDue: string;
  requests: { text: string; due: string }[];
}
const EMPTY: Values = { on: '', method: 'on_site', findings: '', nextDue: '', requests: [] };
const FIELDS = ['on', 'method', 'findings', 'nextDue'] as const;

function DoneForm({
  contractId,
  inspectionId,
  item,
}: {
  contractId: string;
  inspectionId: string;
  item: ImprovementView;
}) {
  const { t } = useTranslation();
  const done = useImprovementDone(contractId);
  return (
    <NoteForm
      label={t('provision.inspections.doneNote')}
      submitLabel={t('provision.inspections.markDone')}
      pending={done.isPending}
      serverError={done.error}
      onSubmit={(note) => done.mutateAsync({ iid: inspectionId, rid: item.id, note })}
      secondary
      className="mt-2"
    />
  );
}

function Record({ contract, record }: { contract: ContractView; record: InspectionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <li className="card py-4">
      <p className="font-bold">{`${dates.date(record.on)} ${t(`provision.contractCheckMethods.${record.method}`)}`}</p>
      <p className="whitespace-pre-wrap">{record.findings}</p>
      {record.byName && (
        <p className="text-sm text-ink-muted">{t('provision.inspections.by', { name: record.byName })}</p>
      )}
      {record.requests.length > 0 && (
        <ul className="mt-2 grid gap-2">
          {record.requests.map((r) => (
            <li key={r.id} className="border-l-4 border-line-soft pl-3">
              <p>{r.text}</p>
              <p className="text-sm">
                {r.due && t('provision.inspections.due', { date: dates.date(r.due) })}
                {r.overdue && !r.doneAt && (
                  <span className="ml-2">
                    <Badge tone="bad">{t('provision.inspections.overdue')}</Badge>
                  </span>
                )}
                {r.doneAt && (
                  <span className="ml-2">
                    <Badge tone="good">{t('provision.inspections.done')}</Badge>
                  </span>
                )}
              </p>
              {r.doneNote && <p className="text-sm whitespace-pre-wrap">{r.doneNote}</p>}
              {!r.doneAt && contract.can.inspect && (
                <DoneForm contractId={contract.id} inspectionId={record.id} item={r} />
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The form of an inspection (with improvement requests) or, without them, of a supervision record. */
function CheckForm({ contract, kind }: { contract: ContractView; kind: 'inspections' | 'supervisions' }) {
  const { t } = useTranslation();
  const dates = useDates();
  const inspect = useInspect(contract.id);
  const supervise = useSupervise(contract.id);
  const save = kind === 'inspections' ? inspect : supervise;
  const form = useForm<Values>({ defaultValues: EMPTY, shouldFocusError: false });
  const requests = useFieldArray({ control: form.control, name: 'requests' });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) => {
    const base = { on: v.on, method: v.method, findings: v.findings.trim(), nextDue: v.nextDue || null };
    const call =
      kind === 'inspections'
        ? inspect.mutateAsync({
            ...base,
            requests: v.requests.map((r) => ({ text: r.text.trim(), due: r.due || null })),
          })
        : supervise.mutateAsync(base);
    return call
      .then(() => form.reset(EMPTY))
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError));
  });
  const k = `provision.${kind}`;
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t(`${k}.record`)}</h3>
      <Saved show={save.isSuccess} />
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <TextField
        label={t(`${k}.on`)}
        type="date"
        registration={form.register('on', required(t('validation.date')))}
        error={errors.on}
        required
        after={<DatePreview text={dates.date(form.watch('on'))} />}
      />
      <RadioGroupField
        label={t(`${k}.method`)}
        registration={form.register('method')}
        required
        options={CONTRACT_CHECK_METHODS.map((m) => ({
          value: m,
          label: t(`provision.contractCheckMethods.${m}`),
        }))}
      />
      <TextAreaField
        label={t(`${k}.findings`)}
        registration={form.register('findings', required(t('validation.required')))}
        error={errors.findings}
        required
      />
      <TextField
        label={t(`${k}.nextDue`)}
        type="date"
        registration={form.register('nextDue')}
        error={errors.nextDue}
        after={<DatePreview text={dates.date(form.watch('nextDue'))} />}
      />
      {kind === 'inspections' && (
        <fieldset className="mb-6">
          <legend className="label mb-2">{t('provision.inspections.requests')}</legend>
          {requests.fields.map((f, n) => (
            <div key={f.id} className="grid gap-x-6 sm:grid-cols-[1fr_14rem]">
              <TextField
                label={t('provision.inspections.requestText', { n: n + 1 })}
                registration={form.register(`requests.${n}.text`, required(t('validation.required')))}
                error={errors.requests?.[n]?.text}
                required
              />
              <TextField
                label={t('provision.inspections.requestDue', { n: n + 1 })}
                type="date"
                registration={form.register(`requests.${n}.due`)}
              />
            </div>
          ))}
          <button
            type="button"
            className="btn-secondary btn-sm"
            onClick={() => requests.append({ text: '', due: '' })}
          >
            {t('provision.inspections.addRequest')}
          </button>
        </fieldset>
      )}
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {t(`${k}.submit`)}
      </button>
    </form>
  );
}

/** 検査 (A19-1): periodic inspections of the contractor, with findings and improvements tracked to done. */
export function InspectionsSection({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (contract.status === 'draft' && contract.inspections.length === 0) return null;
  return (
    <Section title={t('provision.inspections.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.inspections.lead')}</p>
      {contract.nextInspectionDue && (
        <p className="mb-2 font-bold">
          {t('provision.inspections.nextDueAll', { date: dates.date(contract.nextInspectionDue) })}
        </p>
      )}
      {contract.inspections.length === 0 ? (
        <p className="text-ink-muted">{t('provision.inspections.none')}</p>
      ) : (
        <ul className="grid gap-3">
          {contract.inspections.map((i) => (
            <Record key={i.id} contract={contract} record={i} />
          ))}
        </ul>
      )}
      {contract.can.inspect && <CheckForm contract={contract} kind="inspections" />}
    </Section>
  );
}

/** A19-4: supervision of a My Number contractor, to the organisation's own standard. */
export function SupervisionsSection({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!contract.myNumber) return null;
  return (
    <Section title={t('provision.supervisions.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.supervisions.lead')}</p>
      {contract.nextSupervisionDue && (
        <p className="mb-2 font-bold">
          {t('provision.supervisions.nextDueAll', { date: dates.date(contract.nextSupervisionDue) })}
        </p>
      )}
      {contract.supervisions.length === 0 ? (
        <p className="text-ink-muted">{t('provision.supervisions.none')}</p>
      ) : (
        <ul className="grid gap-3">
          {contract.supervisions.map((s) => (
            <Record key={s.id} contract={contract} record={{ ...s, requests: [] }} />
          ))}
        </ul>
      )}
      {contract.can.supervise && <CheckForm contract={contract} kind="supervisions" />}
    </Section>
  );
}
