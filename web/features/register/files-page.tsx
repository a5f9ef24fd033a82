import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { fileListView } from '../../../shared/api/register.ts';
import { FILE_STATES, type FileState } from '../../../shared/register-fields.ts';
import { useCan } from '../../app/ability.ts';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useUnits } from '../organisation/queries.ts';
import { FileFlags, StateBadge, VersionBadge } from './labels.tsx';
import { useRegisterFiles, useRegisterInbox } from './queries.ts';

type ListedFile = z.infer<typeof fileListView>['files'][number];

/** One unit's files, by section (the order the server lists them in: the register's own order). */
function UnitFiles({ unitName, files }: { unitName: string; files: ListedFile[] }) {
  const { t } = useTranslation();
  const caption = t('fileRegister.filesOf', { unit: unitName });
  return (
    <Section title={unitName}>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fileRegister.section')}</th>
              <th scope="col">{t('fileRegister.name')}</th>
              <th scope="col">{t('fileRegister.state')}</th>
              <th scope="col">{t('fileRegister.status')}</th>
              <th scope="col">{t('fileRegister.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td>{f.sectionName}</td>
                <td>
                  <Link to={`/register-admin/files/${f.id}`} className="font-bold">
                    {f.name}
                  </Link>
                </td>
                <td>
                  <StateBadge state={f.state} />
                </td>
                <td>
                  {f.status && f.status !== 'accepted' && f.state !== 'discontinued' && (
                    <VersionBadge status={f.status} />
                  )}
                </td>
                <td>
                  <FileFlags {...f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

const isState = (v: string | null): v is FileState => FILE_STATES.some((s) => s === v);

/** 個人情報ファイル簿 for staff (A20): the files one may read, by unit and section, with what awaits. */
export function RegisterFilesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? '';
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const files = useRegisterFiles({ unitId: unitId || undefined, state });
  const units = useUnits();
  const mayDraft = can('draft', 'RegisterFile');
  // Sections import drafts; the 総括管理者 imports an already approved register as registered entries.
  const mayImport = mayDraft || can('decide', 'RegisterFile');
  const inbox = useRegisterInbox();
  const waiting = inbox.data?.items.length ?? 0;

  const onFilter = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['unitId', 'state']) {
      const v = data.get(key);
      if (typeof v === 'string' && v) next.set(key, v);
    }
    setParams(next);
  };

  return (
    <Page
      title={t('fileRegister.title')}
      lead={
        <p>
          {t('fileRegister.lead')}{' '}
          <a href="/register" target="_blank" rel="noreferrer">
            {t('fileRegister.publicLink')}
          </a>
        </p>
      }
      actions={
        <>
          <Link to="/register-admin/inbox" className="btn-secondary">
            {waiting > 0 ? t('fileRegister.inboxCount', { count: waiting }) : t('fileRegister.inbox')}
          </Link>
          {mayImport && (
            <Link to="/register-admin/import" className="btn-secondary">
              {t('fileRegister.import')}
            </Link>
          )}
          {mayDraft && (
            <Link to="/register-admin/files/new" className="btn-primary">
              {t('fileRegister.newFile')}
            </Link>
          )}
        </>
      }
    >
      <form
        onSubmit={onFilter}
        className="card mb-6 flex flex-wrap items-end gap-4"
        aria-label={t('fileRegister.filters')}
      >
        <div>
          <label htmlFor="filter-unit" className="label mb-1">
            {t('fileRegister.unit')}
          </label>
          <select id="filter-unit" name="unitId" defaultValue={unitId} className="input" key={`u-${unitId}`}>
            <option value="">{t('fileRegister.all')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-state" className="label mb-1">
            {t('fileRegister.state')}
          </label>
          <select
            id="filter-state"
            name="state"
            defaultValue={state ?? ''}
            className="input"
            key={`s-${state}`}
          >
            <option value="">{t('fileRegister.all')}</option>
            {FILE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`fileRegister.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('fileRegister.apply')}
        </button>
      </form>
      <QueryState query={files}>
        {({ files: list }) => {
          if (list.length === 0) return <p>{t('fileRegister.noFiles')}</p>;
          const byUnit = new Map<string, { name: string; files: ListedFile[] }>();
          for (const f of list) {
            const group = byUnit.get(f.unitId) ?? { name: f.unitName, files: [] };
            group.files.push(f);
            byUnit.set(f.unitId, group);
          }
          return (
            <>
              <p role="status">{t('fileRegister.countFiles', { count: list.length })}</p>
              {[...byUnit.entries()].map(([id, g]) => (
                <UnitFiles key={id} unitName={g.name} files={g.files} />
              ))}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
