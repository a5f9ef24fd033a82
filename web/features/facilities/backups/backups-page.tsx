import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../../app/preferences.tsx';
import { useCan } from '../../../app/ability.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { AboutSection } from './about-section.tsx';
import { ActionsSection } from './actions-section.tsx';
import { useBackups } from './queries.ts';
import { RunsSection } from './runs-section.tsx';
import { SettingsSection } from './settings-section.tsx';
import { TestsSection } from './tests-section.tsx';

const PAGE_SIZE = 10;

/** The pager under one list of the overview, whose pages count from 1. */
function PagePager({
  list,
  onPage,
}: {
  list: { total: number; page: number; pageSize: number };
  onPage: (page: number) => void;
}) {
  return (
    <Pagination
      total={list.total}
      offset={(list.page - 1) * list.pageSize}
      limit={list.pageSize}
      onChange={(offset) => onPage(Math.floor(offset / list.pageSize) + 1)}
    />
  );
}

/**
 * /facilities/backups (A27): the settings, the latest backups and restore tests, and — for the
 * システム管理者 — 「今すぐバックアップ」 and 「復元テストを実行」. The 総括管理者 and 監査責任者 read it;
 * anyone else gets the server's refusal.
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const can = useCan();
  // The browser's copy of the abilities only decides what to show; the server decides again (A27).
  const mayRead = can('read', 'FacilityBackup');
  const isAdmin = can('run', 'FacilityBackup');
  const [runsPage, setRunsPage] = useState(1);
  const [testsPage, setTestsPage] = useState(1);
  const overview = useBackups({ runsPage, testsPage, pageSize: PAGE_SIZE }, mayRead);
  const title = t('facilityBackups.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('facilityBackups.hub'), to: '/facilities' }, { label: title }]}
      lead={<p>{t('facilityBackups.lead')}</p>}
    >
      {!mayRead && (
        <div role="alert">
          <Alert tone="warning" title={t('facilityBackups.notAllowed')} />
        </div>
      )}
      {mayRead && (
        <QueryState query={overview}>
          {(o) => (
            <>
              <dl className="max-w-3xl">
                <TermItem term={t('facilityBackups.summary.lastRun')}>
                  {o.lastSuccessfulRunAt
                    ? dates.dateTime(o.lastSuccessfulRunAt)
                    : t('facilityBackups.summary.never')}
                </TermItem>
                <TermItem term={t('facilityBackups.summary.lastTest')}>
                  {o.lastSuccessfulRestoreTestAt
                    ? dates.dateTime(o.lastSuccessfulRestoreTestAt)
                    : t('facilityBackups.summary.never')}
                </TermItem>
              </dl>
              {isAdmin ? (
                <ActionsSection running={o.running} />
              ) : (
                <p className="my-6 text-ink-muted">{t('facilityBackups.actions.onlyAdmin')}</p>
              )}
              <RunsSection runs={o.runs.rows} pager={<PagePager list={o.runs} onPage={setRunsPage} />} />
              <TestsSection
                tests={o.restoreTests.rows}
                pager={<PagePager list={o.restoreTests} onPage={setTestsPage} />}
              />
              <SettingsSection settings={o.settings} />
              <AboutSection />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
