import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_DOCUMENT_KINDS,
  type ContractDocumentKind,
  type ContractView,
} from '../../../shared/api/provision-contracts.ts';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { ContractStatusBadge, DocumentField } from './bits.tsx';
import { ActivateSection, ClausesSection, ExceptionSection } from './contract-clauses.tsx';
import { EndingSection } from './contract-ending.tsx';
import { InspectionsSection, SupervisionsSection } from './contract-inspections.tsx';
import { SubcontractsSection } from './contract-subcontracts.tsx';
import { contractPath, useContract, useUploadContractDocument } from './queries-contracts.ts';

function Facts({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('provision.contract.status')}>
        <ContractStatusBadge status={c.status} />
        {c.expiring && (
          <span className="ml-2">
            <Badge tone="warn">{t('provision.expiring')}</Badge>
          </span>
        )}
      </TermItem>
      <TermItem term={t('provision.contract.party')}>
        <Link to={`/provision/parties/${c.partyId}`}>{c.partyName}</Link>
      </TermItem>
      <TermItem term={t('provision.contract.section')}>{`${c.unitName} ${c.sectionName}`.trim()}</TermItem>
      <TermItem term={t('provision.contract.kind')}>{t(`provision.contractKinds.${c.kind}`)}</TermItem>
      <TermItem term={t('provision.contract.period')}>
        {t('provision.contracts.period', { from: dates.date(c.startsOn), to: dates.date(c.endsOn) })}
        {c.expiring && (
          <span className="block text-sm font-bold">{t('provision.contract.expiringNote')}</span>
        )}
      </TermItem>
      <TermItem term={t('provision.contract.work')}>{c.work}</TermItem>
      {c.reference && <TermItem term={t('provision.contract.reference')}>{c.reference}</TermItem>}
      <TermItem term={t('provision.contract.files')}>
        {c.files.length === 0 ? (
          t('provision.none')
        ) : (
          <ul>
            {c.files.map((f) => (
              <li key={f.id}>
                <Link to={`/provision/files/${f.id}`}>{f.name}</Link>
                {f.myNumber && <span className="ml-2 text-sm">（{t('provision.myNumber')}）</span>}
              </li>
            ))}
          </ul>
        )}
      </TermItem>
      {c.myNumber && (
        <TermItem term={t('provision.contract.supervisionPlan')}>
          {c.supervisionPlan ?? t('provision.none')}
        </TermItem>
      )}
      {c.activatedAt && (
        <TermItem term={t('provision.contract.activatedAt')}>{dates.dateTime(c.activatedAt)}</TermItem>
      )}
    </dl>
  );
}

function Documents({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const upload = useUploadContractDocument(c.id);
  const [kind, setKind] = useState<ContractDocumentKind>('contract');
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const canUpload = c.can.edit || c.can.confirmErasure;
  return (
    <Section title={t('provision.contract.documents')}>
      {c.documents.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('provision.contract.noDocuments')}</p>
      ) : (
        <ul className="mb-4 list-disc pl-6">
          {c.documents.map((d) => (
            <li key={d.kind}>
              <a href={`${contractPath(c.id)}/documents/${d.kind}`} download={d.name}>
                {`${t(`provision.contract.documentKinds.${d.kind}`)}：${d.name}`}
              </a>
              <span className="ml-2 text-sm text-ink-muted">{dates.dateTime(d.uploadedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form
          noValidate
          className="max-w-3xl"
          onSubmit={(e) => {
            e.preventDefault();
            if (file)
              void upload
                .mutateAsync({ kind, file })
                .then(() => setResetKey((k) => k + 1))
                .catch(() => undefined);
          }}
        >
          <h3 className="mb-3 text-lg">{t('provision.contract.addDocument')}</h3>
          <FormErrors errors={{}} serverError={upload.error} />
          <div className="mb-6">
            <label htmlFor="doc-kind" className="label mb-1 block">
              {t('provision.contract.documentKind')}
            </label>
            <select
              id="doc-kind"
              className="input"
              value={kind}
              onChange={(e) => setKind(e.target.value as ContractDocumentKind)}
            >
              {CONTRACT_DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`provision.contract.documentKinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <DocumentField
            label={t('provision.contract.documentFile')}
            onChoose={setFile}
            resetKey={resetKey}
          />
          <button type="submit" className="btn-secondary" disabled={!file || upload.isPending}>
            {t('provision.contract.upload')}
          </button>
        </form>
      )}
    </Section>
  );
}

/** /provision/contracts/:id: one contract along A19 — clauses, exception, activation, subcontracts, checks, end. */
export function ContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(id);
  const number = contract.data?.number;
  const title = number ? t('provision.contract.title', { number }) : t('provision.contract.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.contracts.title'), to: '/provision/contracts' },
        { label: number ?? title },
      ]}
      lead={contract.data && <p className="text-xl font-bold">{contract.data.title}</p>}
    >
      <QueryState query={contract}>
        {(c) => (
          <>
            <Facts contract={c} />
            <ClausesSection contract={c} />
            <ExceptionSection contract={c} />
            <ActivateSection contract={c} />
            <Documents contract={c} />
            <SubcontractsSection contract={c} />
            <InspectionsSection contract={c} />
            <SupervisionsSection contract={c} />
            <EndingSection contract={c} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
