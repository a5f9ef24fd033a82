import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_CLAUSES,
  type ContractClause,
  type ContractView,
} from '../../../shared/api/provision-contracts.ts';
import { codeMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { orNull, required } from '../../ui/form-rules.ts';
import { Saved } from './bits.tsx';
import { useActivate, useRequestException, useSaveClauses } from './queries-contracts.ts';

type ClauseValues = Record<ContractClause, { present: boolean; reference: string; note: string }>;

function clauseValues(c: ContractView): ClauseValues {
  const out = {} as ClauseValues;
  for (const k of CONTRACT_CLAUSES) {
    const v = c.clauses.find((x) => x.clause === k);
    out[k] = { present: v?.present ?? false, reference: v?.reference ?? '', note: v?.note ?? '' };
  }
  return out;
}

/** The checklist of A19-1 (1)–(6), edited while the contract is a draft: stated or not, and where. */
function ClausesForm({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const save = useSaveClauses(contract.id);
  const form = useForm<ClauseValues>({ defaultValues: clauseValues(contract), shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        clauses: CONTRACT_CLAUSES.map((k) => ({
          clause: k,
          present: v[k].present,
          reference: v[k].present ? orNull(v[k].reference) : null,
          note: orNull(v[k].note),
        })),
      })
      .catch(() => undefined),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <Saved show={save.isSuccess} />
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <fieldset>
        <legend className="label mb-2">{t('provision.clauseCheck.legend')}</legend>
        <ul className="grid gap-3">
          {CONTRACT_CLAUSES.map((k, i) => {
            const n = `(${i + 1})`;
            const present = form.watch(`${k}.present`);
            return (
              <li key={k} className="card py-4">
                <label className="flex min-h-12 items-start gap-3">
                  <input
                    type="checkbox"
                    className="mt-1 size-6 shrink-0 accent-primary"
                    {...form.register(`${k}.present`)}
                  />
                  <span className="label">{t(`provision.clauses.${k}`)}</span>
                </label>
                {present && (
                  <div className="mt-3 grid gap-x-6 sm:grid-cols-[12rem_1fr]">
                    <TextField
                      label={t('provision.clauseCheck.reference', { n })}
                      help={t('provision.clauseCheck.referenceHelp')}
                      registration={form.register(
                        `${k}.reference`,
                        required(t('provision.clauseCheck.referenceRequired')),
                      )}
                      error={errors[k]?.reference}
                      required
                    />
                    <TextField
                      label={t('provision.clauseCheck.note', { n })}
                      registration={form.register(`${k}.note`)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button type="submit" className="btn-primary mt-4" disabled={save.isPending}>
        {t('provision.clauseCheck.save')}
      </button>
    </form>
  );
}

/** The checklist as recorded (after the draft, or for a reader). */
function ClausesList({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  return (
    <ul className="grid gap-2">
      {CONTRACT_CLAUSES.map((k) => {
        const v = contract.clauses.find((x) => x.clause === k);
        return (
          <li key={k} className="card py-3">
            <span className="block">{t(`provision.clauses.${k}`)}</span>
            {v?.present ? (
              <Badge tone="good">{t('provision.clauseCheck.ok', { reference: v.reference ?? '' })}</Badge>
            ) : v?.excepted ? (
              <Badge tone="warn">{t('provision.clauseCheck.excepted')}</Badge>
            ) : (
              <Badge tone="bad">{t('provision.clauseCheck.missing')}</Badge>
            )}
            {v?.note && <span className="mt-1 block text-sm">{v.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** 必須条項の確認 (A19-1): the checklist with each clause's 条項番号. */
export function ClausesSection({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('provision.clauseCheck.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.clauseCheck.lead')}</p>
      {contract.kind === 'dispatch' && (
        <p className="mb-4 max-w-3xl font-bold">{t('provision.clauseCheck.dispatchNote')}</p>
      )}
      {contract.can.edit ? <ClausesForm contract={contract} /> : <ClausesList contract={contract} />}
    </Section>
  );
}

/** A19-1: the exception for missing clauses, decided by the 総括保護管理者; its request and state. */
export function ExceptionSection({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const request = useRequestException(contract.id);
  const form = useForm({ defaultValues: { reason: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const ex = contract.exception;
  if (!ex && (!contract.can.requestException || contract.missingClauses.length === 0)) return null;
  const submit = form.handleSubmit((v) =>
    request.mutateAsync({ clauses: contract.missingClauses, reason: v.reason.trim() }).catch(() => undefined),
  );
  return (
    <Section title={t('provision.exception.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.exception.lead')}</p>
      {ex && (
        <div className="card mb-4">
          <p className="font-bold">
            {t('provision.exception.status', {
              number: ex.number ?? '',
              status: t([`approvals.statuses.${ex.status}`, 'provision.none']),
            })}
          </p>
          <ul className="mt-1 list-disc pl-6">
            {ex.clauses.map((k) => (
              <li key={k}>{t(`provision.clauses.${k}`)}</li>
            ))}
          </ul>
          <p className="mt-1 whitespace-pre-wrap">{ex.reason}</p>
          <p className="mt-1 text-sm text-ink-muted">
            {t('provision.exception.requestedAt', { date: dates.dateTime(ex.requestedAt) })}
          </p>
          <Link to={`/approvals/${ex.requestId}`} className="mt-2 inline-block">
            {t('provision.exception.open')}
          </Link>
        </div>
      )}
      {contract.can.requestException && contract.missingClauses.length > 0 && (
        <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
          <FormErrors errors={errors} serverError={request.error} submitCount={submitCount} />
          <p className="label mb-1">{t('provision.exception.clauses')}</p>
          <ul className="mb-4 list-disc pl-6">
            {contract.missingClauses.map((k) => (
              <li key={k}>{t(`provision.clauses.${k}`)}</li>
            ))}
          </ul>
          <TextAreaField
            label={t('provision.exception.reason')}
            registration={form.register('reason', required(t('validation.required')))}
            error={errors.reason}
            required
          />
          <button type="submit" className="btn-primary" disabled={request.isPending}>
            {t('provision.exception.submit')}
          </button>
        </form>
      )}
    </Section>
  );
}

/** 契約を有効にする: the server says why not (its error), and the page lists what still blocks it. */
export function ActivateSection({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const activate = useActivate(contract.id);
  const [done, setDone] = useState(false);
  if (contract.status !== 'draft' || !contract.can.edit)
    return <Saved show={done} text={t('provision.activate.done')} />;
  return (
    <Section title={t('provision.activate.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.activate.lead')}</p>
      {contract.activationBlockers.length > 0 && (
        <div className="mb-4">
          <p className="label">{t('provision.activate.blockers')}</p>
          <ul className="list-disc pl-6">
            {contract.activationBlockers.map((code) => (
              <li key={code}>{codeMessage(code, locale) ?? code}</li>
            ))}
          </ul>
        </div>
      )}
      <FormErrors errors={{}} serverError={activate.error} submitCount={activate.failureCount} />
      <button
        type="button"
        className="btn-primary"
        disabled={activate.isPending}
        onClick={() =>
          void activate
            .mutateAsync(undefined)
            .then(() => setDone(true))
            .catch(() => undefined)
        }
      >
        {t('provision.activate.submit')}
      </button>
    </Section>
  );
}
