import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ENTRY_KINDS, OUTCOMES, type LogEntryView } from '../../../shared/api/logs.ts';
import { useAbility, useCan } from '../../app/ability.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { DatePreview } from '../../ui/field.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { LogNav } from './log-nav.tsx';
import { OutcomeBadge, placeOf, useEventLabel, usePurposeLabel } from './labels.tsx';
import { endOfTokyoDay, startOfTokyoDay } from './period.ts';
import { useEntries, type EntryFilters } from './queries.ts';

/** The filters as typed: days in Tokyo, empty strings for "any". */
interface Draft {
  kind: string;
  outcome: string;
  fromDay: string;
  toDay: string;
  type: string;
  recordId: string;
  actorId: string;
}
const EMPTY: Draft = { kind: '', outcome: '', fromDay: '', toDay: '', type: '', recordId: '', actorId: '' };

/** The filters live in the history state, never in the URL (as the people search does). */
function readDraft(state: unknown): Draft {
  const s = (state && typeof state === 'object' && 'logFilters' in state ? state.logFilters : {}) as Partial<
    Record<keyof Draft, unknown>
  >;
  const out = { ...EMPTY };
  for (const k of Object.keys(EMPTY) as (keyof Draft)[]) if (typeof s[k] === 'string') out[k] = s[k];
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toFilters(d: Draft): EntryFilters {
  const f: EntryFilters = {};
  if (d.kind === 'audit' || d.kind === 'access') f.kind = d.kind;
  if (d.outcome === 'ok' || d.outcome === 'denied' || d.outcome === 'error') f.outcome = d.outcome;
  if (d.fromDay) f.from = startOfTokyoDay(d.fromDay);
  if (d.toDay) f.to = endOfTokyoDay(d.toDay);
  if (d.type.trim()) f.type = d.type.trim();
  if (d.recordId.trim()) f.recordId = d.recordId.trim();
  if (UUID.test(d.actorId.trim())) f.actorId = d.actorId.trim();
  return f;
}

function Filters({ applied, onApply }: { applied: Draft; onApply: (d: Draft) => void }) {
  const { t } = useTranslation();
  const label = useEventLabel();
  const dates = useDates();
  const id = useId();
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<string | null>(null);
  const types = Object.keys(t('log.types', { returnObjects: true }));
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.fromDay && draft.toDay && draft.toDay < draft.fromDay)
      return setProblem(t('log.explorer.badPeriod'));
    if (draft.actorId.trim() && !UUID.test(draft.actorId.trim())) return setProblem(t('validation.format'));
    setProblem(null);
    onApply(draft);
  };
  const field = (k: keyof Draft, input: React.ReactNode, labelText: string, help?: string) => (
    <div className="min-w-48 flex-1">
      <label htmlFor={`${id}-${k}`} className="label mb-1">
        {labelText}
      </label>
      {input}
      {help && (
        <p id={`${id}-${k}-help`} className="mt-1 text-sm text-ink-muted">
          {help}
        </p>
      )}
    </div>
  );
  return (
    <search>
      <form onSubmit={submit} noValidate className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="mb-4 text-xl">
          {t('log.explorer.filters')}
        </h2>
        {problem && (
          <div role="alert">
            <Alert tone="error" title={problem} />
          </div>
        )}
        <div className="flex flex-wrap items-start gap-4">
          {field(
            'kind',
            <select id={`${id}-kind`} className="input" value={draft.kind} onChange={set('kind')}>
              <option value="">{t('log.any')}</option>
              {ENTRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`log.kind.${k}`)}
                </option>
              ))}
            </select>,
            t('log.explorer.kind'),
          )}
          {field(
            'outcome',
            <select id={`${id}-outcome`} className="input" value={draft.outcome} onChange={set('outcome')}>
              <option value="">{t('log.any')}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`log.outcome.${o}`)}
                </option>
              ))}
            </select>,
            t('log.explorer.outcome'),
          )}
          {field(
            'fromDay',
            <>
              <input
                id={`${id}-fromDay`}
                type="date"
                className="input"
                value={draft.fromDay}
                onChange={set('fromDay')}
              />
              <DatePreview text={dates.date(draft.fromDay)} />
            </>,
            t('log.explorer.from'),
          )}
          {field(
            'toDay',
            <>
              <input
                id={`${id}-toDay`}
                type="date"
                className="input"
                value={draft.toDay}
                onChange={set('toDay')}
              />
              <DatePreview text={dates.date(draft.toDay)} />
            </>,
            t('log.explorer.to'),
          )}
        </div>
        <div className="mt-4 flex flex-wrap items-start gap-4">
          {field(
            'type',
            <>
              <input
                id={`${id}-type`}
                className="input"
                list={`${id}-types`}
                value={draft.type}
                onChange={set('type')}
                aria-describedby={`${id}-type-help`}
              />
              <datalist id={`${id}-types`}>
                {types.map((ty) => (
                  <option key={ty} value={ty}>
                    {label(ty)}
                  </option>
                ))}
              </datalist>
            </>,
            t('log.explorer.type'),
            t('log.explorer.typeHelp'),
          )}
          {field(
            'recordId',
            <input
              id={`${id}-recordId`}
              className="input"
              value={draft.recordId}
              onChange={set('recordId')}
            />,
            t('log.explorer.recordId'),
          )}
          {field(
            'actorId',
            <input
              id={`${id}-actorId`}
              className="input font-mono"
              value={draft.actorId}
              onChange={set('actorId')}
              spellCheck={false}
            />,
            t('log.explorer.actorId'),
          )}
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <button type="submit" className="btn-primary">
            {t('log.explorer.search')}
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setDraft(EMPTY);
              setProblem(null);
              onApply(EMPTY);
            }}
          >
            {t('log.explorer.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}

function EntriesTable({ items, onActor }: { items: LogEntryView[]; onActor: (actorId: string) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const label = useEventLabel();
  const purpose = usePurposeLabel();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('log.explorer.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('log.explorer.occurredAt')}</th>
            <th scope="col">{t('log.explorer.kind')}</th>
            <th scope="col">{t('log.explorer.content')}</th>
            <th scope="col">{t('log.explorer.actor')}</th>
            <th scope="col">{t('log.explorer.place')}</th>
            <th scope="col">{t('log.explorer.purpose')}</th>
            <th scope="col">{t('log.explorer.outcome')}</th>
            <th scope="col">{t('log.explorer.leaf')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap">
                <Link
                  to={`/logs/entries/${e.id}`}
                  aria-label={t('log.explorer.detailOf', {
                    when: dates.dateTime(e.occurredAt),
                    what: label(e.type),
                  })}
                >
                  {dates.dateTime(e.occurredAt)}
                </Link>
              </td>
              <td>{t(`log.kind.${e.kind}`)}</td>
              <td>
                {label(e.type)}
                {label(e.type) !== e.type && (
                  <span className="block font-mono text-xs text-ink-muted">{e.type}</span>
                )}
                {e.prunedAt && (
                  <span className="block text-sm text-ink-muted">{t('log.explorer.pruned')}</span>
                )}
              </td>
              <td>
                {e.actorId ? (
                  <button
                    type="button"
                    className="cursor-pointer text-primary underline hover:text-primary-hover"
                    title={t('log.explorer.filterActor')}
                    aria-label={`${t('log.explorer.filterActor')}: ${e.actorLabel}`}
                    onClick={() => onActor(e.actorId!)}
                  >
                    {e.actorLabel}
                  </button>
                ) : (
                  e.actorLabel
                )}
              </td>
              <td>{placeOf(e)}</td>
              <td>{purpose(e.purpose)}</td>
              <td>
                <OutcomeBadge outcome={e.outcome} />
              </td>
              <td className="text-right font-mono">{e.leafIndex ?? t('log.explorer.pendingLeaf')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 記録の閲覧 (A22): the entries the reader may see, newest first, with filters and keyset paging. */
export function LogExplorerPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const ability = useAbility();
  const can = useCan();
  const canRead = can('read', 'LogEntry');
  const applied = readDraft(location.state);
  const filters = useMemo(() => toFilters(applied), [JSON.stringify(applied)]); // eslint-disable-line react-hooks/exhaustive-deps
  const entries = useEntries(filters, canRead);
  const seesAll = ability.rulesFor('read', 'LogEntry').some((r) => !r.conditions && !r.inverted);
  const apply = (d: Draft) => void navigate('/logs', { state: { logFilters: d } });
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('log.explorer.title')} lead={<p>{t('log.explorer.lead')}</p>}>
      <LogNav />
      {!canRead ? (
        <Alert tone="info" title={t('log.explorer.noAccess')}>
          <Link to="/logs/status">{t('log.nav.status')}</Link>
        </Alert>
      ) : (
        <>
          <p className="mb-4 font-bold">
            {seesAll ? t('log.explorer.scopeAll') : t('log.explorer.scopeOwn')}
          </p>
          <Filters key={JSON.stringify(applied)} applied={applied} onApply={apply} />
          <Section title={t('log.explorer.results')}>
            <div aria-live="polite" aria-busy={entries.isFetching}>
              {entries.isPending ? (
                <Loading />
              ) : !entries.data ? (
                <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
              ) : items.length === 0 ? (
                <p>{t('log.explorer.none')}</p>
              ) : (
                <>
                  <EntriesTable items={items} onActor={(actorId) => apply({ ...applied, actorId })} />
                  <div className="mt-6 flex flex-wrap items-center gap-4">
                    <p>{t('log.explorer.shown', { count: items.length })}</p>
                    {entries.hasNextPage ? (
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={entries.isFetchingNextPage}
                        onClick={() => void entries.fetchNextPage()}
                      >
                        {t('log.explorer.more')}
                      </button>
                    ) : (
                      <p className="text-ink-muted">{t('log.explorer.end')}</p>
                    )}
                  </div>
                  {entries.isError && (
                    <QueryError error={entries.error} onRetry={() => void entries.fetchNextPage()} />
                  )}
                </>
              )}
            </div>
          </Section>
        </>
      )}
    </Page>
  );
}
