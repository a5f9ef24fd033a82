import { Form, Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SystemListQuery, SystemSummaryView } from '../../../../shared/api/facility-systems.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { FilterSelect } from '../common/filter-select.tsx';
import { ListTable } from '../devices/list-table.tsx';
import { CheckOverdueBadge } from './bits.tsx';
import { useSystems } from './queries.ts';

const STATES = ['active', 'retired', 'all'] as const;

/** The filters, kept in the URL (a GET form), so that a filtered list can be bookmarked. */
function Filters({ query }: { query: SystemListQuery }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`facilities.systems.list.${k}`);
  return (
    <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4" aria-label={f('filters')}>
      <div>
        <label htmlFor="sf-q" className="label mb-1 block">
          {f('q')}
        </label>
        <input id="sf-q" name="q" className="input" defaultValue={query.q ?? ''} />
      </div>
      <FilterSelect id="sf-state" name="state" label={f('state')} defaultValue={query.state ?? 'active'}>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {t(`facilities.systems.list.states.${s}`)}
          </option>
        ))}
      </FilterSelect>
      <div className="flex min-h-12 items-center gap-3">
        <input
          id="sf-overdue"
          type="checkbox"
          name="overdue"
          value="true"
          className="size-6 accent-primary"
          defaultChecked={query.overdue === 'true'}
        />
        <label htmlFor="sf-overdue" className="label">
          {f('overdueOnly')}
        </label>
      </div>
      <button type="submit" className="btn-secondary">
        {f('apply')}
      </button>
    </Form>
  );
}

function SystemsTable({ systems }: { systems: SystemSummaryView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const col = (k: string) => t(`facilities.systems.list.col.${k}`);
  return (
    <ListTable
      rows={systems}
      rowKey={(s) => s.id}
      caption={t('facilities.systems.list.caption')}
      columns={[
        {
          header: col('name'),
          className: 'min-w-40',
          cell: (s) => (
            <>
              <Link to={`/facilities/systems/${s.id}`}>{s.name}</Link>
              {!s.active && (
                <span className="ml-2">
                  <Badge tone="plain">{t('facilities.systems.retired')}</Badge>
                </span>
              )}
            </>
          ),
        },
        { header: col('section'), cell: (s) => `${s.unitName} ${s.sectionName}`.trim() },
        { header: col('hosting'), cell: (s) => t(`facilities.systems.hostings.${s.hosting}`) },
        {
          header: col('measures'),
          cell: (s) => (
            <>
              {t('facilities.systems.list.measureCount', { count: s.measureCount })}
              {s.overdueCount > 0 && (
                <span className="mt-1 block">
                  <CheckOverdueBadge count={s.overdueCount} />
                </span>
              )}
            </>
          ),
        },
        {
          header: col('nextDue'),
          className: 'whitespace-nowrap',
          cell: (s) => (s.nextDueOn ? dates.date(s.nextDueOn) : t('facilities.none')),
        },
      ]}
    />
  );
}

/** /facilities/systems: the information systems that process personal information (A23, A24, A28). */
export function SystemsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const state = params.get('state');
  const query: SystemListQuery = {
    q: params.get('q')?.trim() || undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    state: state === 'retired' || state === 'all' ? state : 'active',
  };
  const list = useSystems(query);
  return (
    <Page
      title={t('facilities.systems.title')}
      crumbs={[{ label: t('facilities.title'), to: '/facilities' }, { label: t('facilities.systems.title') }]}
      lead={<p>{t('facilities.systems.lead')}</p>}
      actions={
        list.data?.canCreate && (
          <Link to="/facilities/systems/new" className="btn-primary">
            {t('facilities.systems.list.new')}
          </Link>
        )
      }
    >
      <Filters key={params.toString()} query={query} />
      <QueryState query={list}>
        {({ systems }) =>
          systems.length === 0 ? (
            <p role="status" className="card">
              {t('facilities.systems.list.empty')}
            </p>
          ) : (
            <SystemsTable systems={systems} />
          )
        }
      </QueryState>
    </Page>
  );
}
