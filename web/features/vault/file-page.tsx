import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Purpose, VaultFileView } from '../../../shared/api/vault.ts';
import { errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { FileHandlingLinks } from './handling-links.tsx';
import { mayDo } from './labels.tsx';
import { PurposeGate, useChosenPurpose, withPurpose } from './purpose.tsx';
import { useRecordPage, useSearchRecords, useVaultFile } from './queries.ts';
import { RecordTable } from './record-table.tsx';
import { SearchForm, type SearchTerm } from './search-form.tsx';

const PAGE_SIZE = 50;

/** 法98-1: records whose use is suspended for this purpose are left out — said, counted, never named. */
function WithheldNote({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return <p className="mb-2">{t('vault.list.withheld', { count })}</p>;
}

/** The file's records, fifty at a time (keyset paging: the server names the next page). */
function RecordList({ file, purpose }: { file: VaultFileView; purpose: Purpose }) {
  const { t } = useTranslation();
  // The cursors of the pages seen, so that 「前へ」 goes back without asking the server for counts.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const records = useRecordPage(file.fileId, purpose.code, cursors[page] ?? null, true);
  return (
    <VaultQueryState query={records}>
      {({ records: list, next, withheld }) =>
        list.length === 0 ? (
          <>
            <WithheldNote count={withheld} />
            <p>{t('vault.list.empty')}</p>
          </>
        ) : (
          <>
            <WithheldNote count={withheld} />
            <p role="status" className="mb-2">
              {t('vault.list.range', { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + list.length })}
            </p>
            <RecordTable file={file} purpose={purpose} records={list} caption={t('vault.list.caption')} />
            {(page > 0 || next) && (
              <nav aria-label={t('common.pagination')} className="mt-6 flex gap-3">
                <button
                  type="button"
                  className="btn-secondary btn-sm"
                  disabled={page === 0}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  {t('vault.list.previous')}
                </button>
                <button
                  type="button"
                  className="btn-secondary btn-sm"
                  disabled={!next}
                  onClick={() => setCursors((c) => [...c, next])}
                >
                  {t('vault.list.next')}
                </button>
              </nav>
            )}
          </>
        )
      }
    </VaultQueryState>
  );
}

/** Search and list: a search replaces the list until it is cleared. */
function Workspace({ file, purpose }: { file: VaultFileView; purpose: Purpose }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const search = useSearchRecords(file.fileId);
  const [term, setTerm] = useState<SearchTerm | null>(null);
  const run = (next: SearchTerm) => {
    setTerm(next);
    search.mutate({ purpose: purpose.code, ...next });
  };
  const clear = () => {
    setTerm(null);
    search.reset();
  };
  const fieldLabel = file.fields.find((f) => f.key === term?.field)?.label ?? '';
  return (
    <>
      <SearchForm
        file={file}
        purpose={purpose}
        searching={term !== null}
        pending={search.isPending}
        onSearch={run}
        onClear={clear}
      />
      {term ? (
        <Section title={t('vault.search.results')}>
          <LiveRegion>
            {search.isPending && <p className="text-ink-muted">{t('common.loading')}</p>}
            {search.isError && (
              <Alert tone="error" title={t('common.errorTitle')}>
                <p>{errorMessage(search.error, locale)}</p>
              </Alert>
            )}
            {search.data && (
              <p className="mb-2">
                {search.data.records.length === 0
                  ? t('vault.search.none', { field: fieldLabel })
                  : t('vault.search.count', { field: fieldLabel, count: search.data.records.length })}
              </p>
            )}
            {search.data && <WithheldNote count={search.data.withheld} />}
          </LiveRegion>
          {search.data && search.data.records.length > 0 && (
            <>
              <RecordTable
                file={file}
                purpose={purpose}
                records={search.data.records}
                caption={t('vault.search.results')}
              />
              {search.data.records.length >= 100 && <p className="mt-2">{t('vault.search.limited')}</p>}
            </>
          )}
        </Section>
      ) : (
        <Section title={t('vault.list.title')}>
          <RecordList file={file} purpose={purpose} />
        </Section>
      )}
    </>
  );
}

/** What the grant allows besides reading: add (one, or many from a file), check entries (A26), manage grants. */
function FileActions({ file, purpose }: { file: VaultFileView; purpose: Purpose | null }) {
  const { t } = useTranslation();
  const base = `/vault/files/${file.fileId}`;
  return (
    <>
      {file.canManage && (
        <Link to={`${base}/grants`} className="btn-secondary">
          {t('vault.grants.manage')}
        </Link>
      )}
      {purpose && mayDo(file, 'verify') && (
        <Link to={withPurpose(`${base}/checks`, purpose)} className="btn-secondary">
          {t('vault.checks.link')}
        </Link>
      )}
      {purpose && mayDo(file, 'create') && (
        <Link to={withPurpose(`${base}/import`, purpose)} className="btn-secondary">
          {t('vault.importLink')}
        </Link>
      )}
      {purpose && mayDo(file, 'create') && (
        <Link to={withPurpose(`${base}/records/new`, purpose)} className="btn-primary">
          {t('vault.record.add')}
        </Link>
      )}
    </>
  );
}

/**
 * One file of the vault: first the purpose (A11-3), then search and list of its records within the
 * person's grant (A11-1: its fields and records only).
 */
export function VaultFilePage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const file = useVaultFile(fileId);
  const purpose = useChosenPurpose(file.data);
  const name = file.data?.name ?? t('vault.fileCrumb');
  return (
    <Page
      title={name}
      crumbs={[{ label: t('vault.title'), to: '/vault' }, { label: name }]}
      actions={file.data && <FileActions file={file.data} purpose={purpose} />}
    >
      <VaultQueryState query={file}>
        {(f) =>
          // Keeping a file (its 保護管理者) is not working with it: records need a grant (A11-2).
          f.myGrant ? (
            <PurposeGate file={f}>
              {(p) => (
                <>
                  <FileHandlingLinks file={f} purpose={p} />
                  <Workspace file={f} purpose={p} />
                </>
              )}
            </PurposeGate>
          ) : (
            <Alert tone="info" title={t('vault.noGrantHere')} />
          )
        }
      </VaultQueryState>
    </Page>
  );
}
