import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.ts';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { PeopleTable } from './people-table.tsx';
import { usePeople, useUnits } from './queries.ts';

const LIMIT = 50;

interface SearchState {
  q: string;
  unitId: string;
  offset: number;
}

/** The search lives in the history state, never in the URL: names must not reach URLs or server logs. */
function readState(state: unknown): SearchState {
  const s = (state && typeof state === 'object' ? state : {}) as Partial<Record<keyof SearchState, unknown>>;
  return {
    q: typeof s.q === 'string' ? s.q : '',
    unitId: typeof s.unitId === 'string' ? s.unitId : '',
    offset: typeof s.offset === 'number' && s.offset > 0 ? s.offset : 0,
  };
}

/** People search by name, kana or employee number, with a unit filter, paginated. */
export function PeoplePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { permissions } = useSignedIn();
  const { q, unitId, offset } = readState(location.state);
  const [draftQ, setDraftQ] = useState(q);
  const [draftUnit, setDraftUnit] = useState(unitId);
  const units = useUnits();
  const people = usePeople({ q: q || undefined, unitId: unitId || undefined, limit: LIMIT, offset });
  const qId = useId();
  const unitFieldId = useId();

  const search = (e: FormEvent) => {
    e.preventDefault();
    void navigate('/people', {
      state: { q: draftQ.trim(), unitId: draftUnit, offset: 0 } satisfies SearchState,
    });
  };
  const goTo = (o: number) =>
    void navigate('/people', { state: { q, unitId, offset: o } satisfies SearchState });
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  return (
    <Page
      title={t('people.title')}
      lead={<p>{t('people.intro')}</p>}
      actions={
        permissions.managePeople && (
          <Link to="/people/new" className="btn-primary">
            {t('personForm.add')}
          </Link>
        )
      }
    >
      <search>
        <form onSubmit={search} className="card flex flex-wrap items-end gap-4">
          <div className="min-w-64 flex-1">
            <label htmlFor={qId} className="label mb-1">
              {t('people.q')}
            </label>
            <input
              id={qId}
              type="text"
              enterKeyHint="search"
              className="input"
              value={draftQ}
              onChange={(e) => setDraftQ(e.target.value)}
            />
          </div>
          <div className="min-w-64">
            <label htmlFor={unitFieldId} className="label mb-1">
              {t('people.unit')}
            </label>
            <select
              id={unitFieldId}
              className="input"
              value={draftUnit}
              onChange={(e) => setDraftUnit(e.target.value)}
            >
              <option value="">{t('people.allUnits')}</option>
              {(units.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary">
            {t('common.search')}
          </button>
        </form>
      </search>
      <Section title={t('people.results')}>
        <div aria-live="polite" aria-busy={people.isFetching}>
          <QueryState query={people}>
            {(page) =>
              page.items.length === 0 ? (
                <p>{t('people.none')}</p>
              ) : (
                <>
                  <PeopleTable
                    people={page.items}
                    caption={t('people.results')}
                    unitName={(p) => unitName.get(p.unitId) ?? ''}
                  />
                  <Pagination total={page.total} offset={offset} limit={LIMIT} onChange={goTo} />
                </>
              )
            }
          </QueryState>
        </div>
      </Section>
    </Page>
  );
}
