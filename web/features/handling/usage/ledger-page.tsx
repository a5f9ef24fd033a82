import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import {
  USAGE_ACTS,
  type LedgerQuery,
  type LedgerRowView,
  type LedgerView,
  type UsageAct,
} from '../../../../shared/api/handling-usage.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { Loading, QueryError } from '../../../ui/query-state.tsx';
import { ledgerPath, ledgerSearch, useLedger } from './queries.ts';
import { ReviewSection } from './review-section.tsx';

const PAGE_SIZE = 50;

/** The filters as the address holds them (ids of staff and codes only, never a held person's data). */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const act = get('act');
  const query: LedgerQuery = {
    from: get('from'),
    to: get('to'),
    act: USAGE_ACTS.includes(act as UsageAct) ? (act as UsageAct) : undefined,
    personId: get('personId'),
    purpose: get('purpose'),
    page: Number(get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
  };
  const set = (q: LedgerQuery) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(q) as [string, string | number | undefined][])
      if (v !== undefined && v !== '' && k !== 'pageSize' && !(k === 'page' && v === 1))
        next.set(k, String(v));
    setParams(next);
  };
  return { query, set };
}

function Filters({
  ledger,
  query,
  onApply,
}: {
  ledger: LedgerView;
  query: LedgerQuery;
  onApply: (q: LedgerQuery) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState({
    from: query.from ?? ledger.from,
    to: query.to ?? ledger.to,
    act: query.act ?? '',
    personId: query.personId ?? '',
    purpose: query.purpose ?? '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      from: draft.from || undefined,
      to: draft.to || undefined,
      act: (draft.act || undefined) as UsageAct | undefined,
      personId: draft.personId || undefined,
      purpose: draft.purpose || undefined,
      page: 1,
    });
  };
  const select = (key: 'act' | 'personId' | 'purpose', options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="label">
        {t(`usageLedger.filters.${key}`)}
      </label>
      <select
        id={`${id}-${key}`}
        className="input"
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      >
        <option value="">{t('usageLedger.filters.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className="card mb-8 grid gap-4"
      onSubmit={submit}
      noValidate
      aria-label={t('usageLedger.filters.title')}
    >
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-5">
        {(['from', 'to'] as const).map((k) => (
          <div key={k}>
            <label htmlFor={`${id}-${k}`} className="label">
              {t(`usageLedger.filters.${k}`)}
            </label>
            <input
              id={`${id}-${k}`}
              type="date"
              className="input"
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            />
          </div>
        ))}
        {select(
          'act',
          USAGE_ACTS.map((a) => ({ value: a, label: t(`usageLedger.acts.${a}`) })),
        )}
        {select(
          'personId',
          ledger.people.map((p) => ({ value: p.id, label: p.name })),
        )}
        {select(
          'purpose',
          ledger.purposes.map((p) => ({ value: p.code, label: p.label })),
        )}
      </div>
      <div>
        <button type="submit" className="btn-primary">
          {t('usageLedger.filters.apply')}
        </button>
      </div>
    </form>
  );
}

function Totals({ ledger }: { ledger: LedgerView }) {
  const { t } = useTranslation();
  const table = (caption: string, rows: { key: string; label: string; times: number; records: number }[]) => (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="mb-2 text-start font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('usageLedger.columns.item')}</th>
            <th scope="col" className="text-end">
              {t('usageLedger.columns.times')}
            </th>
            <th scope="col" className="text-end">
              {t('usageLedger.columns.records')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="text-end">{r.times.toLocaleString()}</td>
              <td className="text-end">{r.records.toLocaleString()}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('usageLedger.totals.all')}</th>
            <td className="text-end font-bold">{ledger.totals.all.times.toLocaleString()}</td>
            <td className="text-end font-bold">{ledger.totals.all.records.toLocaleString()}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {table(
        t('usageLedger.totals.byAct'),
        ledger.totals.byAct.map((a) => ({ key: a.act, label: t(`usageLedger.acts.${a.act}`), ...a })),
      )}
      {table(
        t('usageLedger.totals.byPurpose'),
        ledger.totals.byPurpose.map((p) => ({
          key: p.purposeCode ?? '-',
          label: p.purposeLabel ?? t('usageLedger.noPurpose'),
          ...p,
        })),
      )}
    </div>
  );
}

function Rows({ rows }: { rows: LedgerRowView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('usageLedger.rowsTitle')}</caption>
        <thead className="whitespace-nowrap">
          <tr>
            <th scope="col">{t('usageLedger.columns.at')}</th>
            <th scope="col">{t('usageLedger.columns.act')}</th>
            <th scope="col">{t('usageLedger.columns.person')}</th>
            <th scope="col">{t('usageLedger.columns.purpose')}</th>
            <th scope="col" className="text-end">
              {t('usageLedger.columns.times')}
            </th>
            <th scope="col" className="text-end">
              {t('usageLedger.columns.records')}
            </th>
            <th scope="col">{t('usageLedger.columns.request')}</th>
            <th scope="col">{t('usageLedger.columns.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.at}-${r.operation}-${r.personId ?? ''}-${i}`}>
              <td className="whitespace-nowrap">{dates.dateTime(r.at)}</td>
              <td>
                <span className="badge">{t(`usageLedger.acts.${r.act}`)}</span>
                <p className="text-sm">
                  {t(`usageLedger.operations.${r.operation.replaceAll('.', '_')}`, {
                    defaultValue: r.operation,
                  })}
                </p>
              </td>
              <td>
                {r.personName}
                {r.employeeNumber && <p className="text-sm text-ink-muted">{r.employeeNumber}</p>}
              </td>
              <td>{r.purposeLabel ?? '—'}</td>
              <td className="text-end">{r.times}</td>
              <td className="text-end">{r.records}</td>
              <td className="whitespace-nowrap font-mono text-sm">{r.requestNumber ?? ''}</td>
              <td className="min-w-48 text-sm">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Requests({ ledger }: { ledger: LedgerView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (ledger.requests.length === 0) return <p>{t('usageLedger.requests.none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('usageLedger.requests.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('usageLedger.requests.number')}</th>
            <th scope="col">{t('usageLedger.requests.kind')}</th>
            <th scope="col">{t('usageLedger.requests.status')}</th>
            <th scope="col">{t('usageLedger.requests.requestedBy')}</th>
            <th scope="col">{t('usageLedger.requests.decidedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {ledger.requests.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="font-mono text-sm">
                {r.number}
              </th>
              <td>{t(`usageLedger.kinds.${r.kind}`, { defaultValue: r.kind })}</td>
              <td>{t(`usageLedger.statuses.${r.status}`, { defaultValue: r.status })}</td>
              <td>
                {r.requestedByName}
                <p className="text-sm text-ink-muted">{dates.dateTime(r.requestedAt)}</p>
              </td>
              <td>
                {r.decidedByName ?? '—'}
                {r.decidedAt && <p className="text-sm text-ink-muted">{dates.dateTime(r.decidedAt)}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LedgerBody({
  ledger,
  query,
  onApply,
}: {
  ledger: LedgerView;
  query: LedgerQuery;
  onApply: (q: LedgerQuery) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const { page: _page, pageSize: _size, ...filters } = query;
  void _page;
  void _size;
  const download = (format: 'xlsx' | 'pdf') =>
    `${ledgerPath(ledger.fileId)}.${format}${ledgerSearch({ ...filters, from: ledger.from, to: ledger.to })}`;
  return (
    <>
      <Filters key={`${ledger.from}-${ledger.to}`} ledger={ledger} query={query} onApply={onApply} />
      <Section
        title={t('usageLedger.periodTitle', { from: dates.date(ledger.from), to: dates.date(ledger.to) })}
        actions={
          <div className="flex flex-wrap gap-3">
            <a className="btn-secondary" href={download('xlsx')} download>
              {t('usageLedger.downloadXlsx')}
            </a>
            <a className="btn-secondary" href={download('pdf')} download>
              {t('usageLedger.downloadPdf')}
            </a>
          </div>
        }
      >
        <Totals ledger={ledger} />
      </Section>
      <Section title={t('usageLedger.rowsTitle')}>
        {ledger.totalRows === 0 ? (
          <p>{t('usageLedger.empty')}</p>
        ) : (
          <>
            <Rows rows={ledger.rows} />
            <Pagination
              total={ledger.totalRows}
              offset={(ledger.page - 1) * ledger.pageSize}
              limit={ledger.pageSize}
              onChange={(offset) => onApply({ ...query, page: Math.floor(offset / ledger.pageSize) + 1 })}
            />
          </>
        )}
      </Section>
      <Section title={t('usageLedger.requests.title')}>
        <Requests ledger={ledger} />
      </Section>
      <ReviewSection key={ledger.signable.join()} ledger={ledger} />
    </>
  );
}

/**
 * /handling/files/:fileId/ledger — the usage ledger of a file (A16 「保護管理者は…利用状況を記録しなければ
 * ならない」): built from what happened, filtered, downloaded, and signed off each month.
 */
export function UsageLedgerPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const { query, set } = useFilters();
  const ledger = useLedger(fileId, query);
  const name = ledger.data?.fileName;
  return (
    <Page
      title={name ? t('usageLedger.title', { name }) : t('usageLedger.titleShort')}
      crumbs={[{ label: t('vault.title'), to: '/vault' }, { label: t('usageLedger.crumb') }]}
      lead={<p>{t('usageLedger.lead')}</p>}
    >
      {ledger.isPending ? (
        <Loading />
      ) : ledger.isError ? (
        <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : (
        <LedgerBody ledger={ledger.data} query={query} onApply={set} />
      )}
    </Page>
  );
}
