import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContractView, SubcontractView } from '../../../shared/api/provision-contracts.ts';
import { SelectField, TextAreaField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { asList, required } from '../../ui/form-rules.ts';
import { useParties } from './queries.ts';
import { useRequestSubcontract, useSubcontractStep } from './queries-contracts.ts';

const TONE = {
  requested: 'warn',
  permitted: 'good',
  refused: 'bad',
  withdrawn: 'plain',
  working: 'info',
  ended: 'plain',
} as const;

function useDepthLabel() {
  const { t } = useTranslation();
  return (depth: number) =>
    depth === 1 || depth === 2
      ? t(`provision.subcontracts.depth.${depth}`)
      : t('provision.subcontracts.depth.more', { n: depth });
}

/** The chain (A19-3): each subcontractor under its parent, indented by depth, with its permission. */
function Chain({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const depthLabel = useDepthLabel();
  const step = useSubcontractStep(contract.id);
  const children = (parentId: string | null): SubcontractView[] =>
    contract.subcontracts.filter((s) => s.parentId === parentId);
  const render = (list: SubcontractView[]) => (
    <ul className="mt-2 grid gap-2 border-l-4 border-line-soft pl-4">
      {list.map((s) => (
        <li key={s.id}>
          <div className="card py-3">
            <p className="font-bold">
              {`${depthLabel(s.depth)}：${s.partyName}`}
              <span className="ml-2">
                <Badge tone={TONE[s.status]}>{t(`provision.subStatuses.${s.status}`)}</Badge>
              </span>
            </p>
            <p className="whitespace-pre-wrap">{s.work}</p>
            {s.requestId && (
              <Link to={`/approvals/${s.requestId}`} className="text-sm">
                {t('provision.subcontracts.requestLink', { number: s.requestNumber ?? '' })}
              </Link>
            )}
            {contract.can.subcontract && (s.status === 'permitted' || s.status === 'working') && (
              <p className="mt-2">
                <button
                  type="button"
                  className="btn-secondary btn-sm"
                  disabled={step.isPending}
                  onClick={() => step.mutate({ sid: s.id, step: s.status === 'permitted' ? 'start' : 'end' })}
                >
                  {s.status === 'permitted'
                    ? t('provision.subcontracts.start')
                    : t('provision.subcontracts.end')}
                </button>
              </p>
            )}
          </div>
          {children(s.id).length > 0 && render(children(s.id))}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <FormErrors errors={{}} serverError={step.error} />
      <p className="font-bold">{`${t('provision.contract.party')}：${contract.partyName}`}</p>
      {render(children(null))}
    </>
  );
}

interface Values {
  partyId: string;
  parentId: string;
  work: string;
  reason: string;
  fileIds: string[];
}

function RequestForm({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const depthLabel = useDepthLabel();
  const request = useRequestSubcontract(contract.id);
  const parties = useParties({});
  const empty: Values = {
    partyId: '',
    parentId: '',
    work: '',
    reason: '',
    fileIds: contract.files.map((f) => f.id),
  };
  const form = useForm<Values>({ defaultValues: empty, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const parents = contract.subcontracts.filter((s) => s.status === 'permitted' || s.status === 'working');
  const submit = form.handleSubmit((v) =>
    request
      .mutateAsync({
        partyId: v.partyId,
        parentId: v.parentId || null,
        work: v.work.trim(),
        reason: v.reason.trim(),
        fileIds: asList(v.fileIds),
      })
      .then(() => form.reset(empty))
      .catch((e: unknown) =>
        applyServerErrors(e, ['partyId', 'parentId', 'work', 'reason'] as const, form.setError),
      ),
  );
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t('provision.subcontracts.request')}</h3>
      <FormErrors errors={errors} serverError={request.error} submitCount={submitCount} />
      <SelectField
        label={t('provision.subcontracts.party')}
        registration={form.register('partyId', required(t('validation.choose')))}
        error={errors.partyId}
        required
        placeholder=""
        options={(parties.data?.parties ?? [])
          .filter((p) => p.id !== contract.partyId)
          .map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField
        label={t('provision.subcontracts.parent')}
        registration={form.register('parentId')}
        error={errors.parentId}
        options={[
          { value: '', label: t('provision.subcontracts.parentTop') },
          ...parents.map((s) => ({ value: s.id, label: `${depthLabel(s.depth)}：${s.partyName}` })),
        ]}
      />
      {contract.files.length > 0 && (
        <fieldset className="mb-6">
          <legend className="label mb-1">{t('provision.subcontracts.files')}</legend>
          {contract.files.map((f) => (
            <label key={f.id} className="flex min-h-12 items-center gap-3">
              <input
                type="checkbox"
                value={f.id}
                className="size-6 accent-primary"
                {...form.register('fileIds')}
              />
              {f.name}
            </label>
          ))}
        </fieldset>
      )}
      <TextAreaField
        label={t('provision.subcontracts.work')}
        registration={form.register('work', required(t('validation.required')))}
        error={errors.work}
        required
      />
      <TextAreaField
        label={t('provision.subcontracts.reason')}
        registration={form.register('reason', required(t('validation.required')))}
        error={errors.reason}
        required
      />
      <button type="submit" className="btn-primary" disabled={request.isPending}>
        {t('provision.subcontracts.submit')}
      </button>
    </form>
  );
}

/** 再委託 (A19-3): only with the 保護管理者's permission; the chain of subcontractors is shown. */
export function SubcontractsSection({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('provision.subcontracts.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.subcontracts.lead')}</p>
      <h3 className="mb-2 text-lg">{t('provision.subcontracts.chain')}</h3>
      {contract.subcontracts.length === 0 ? (
        <p className="text-ink-muted">{t('provision.subcontracts.none')}</p>
      ) : (
        <Chain contract={contract} />
      )}
      {contract.can.subcontract && <RequestForm contract={contract} />}
    </Section>
  );
}
