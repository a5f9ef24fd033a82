import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/ability.ts';
import { useLogAnalysisLinks } from './analysis/links.ts';

interface Tab {
  to: string;
  label: string;
  /** Whether the tab is the current page's. */
  matches: (path: string) => boolean;
}

/** The tabs of the 「アクセス記録」 section the signed-in person may open (A22, A22-1). */
export function useLogTabs(): Tab[] {
  const { t } = useTranslation();
  const can = useCan();
  const tabs: Tab[] = [];
  if (can('read', 'LogEntry'))
    tabs.push({
      to: '/logs',
      label: t('log.nav.entries'),
      matches: (p) => p === '/logs' || p.startsWith('/logs/entries/'),
    });
  if (can('read', 'LogStatus'))
    tabs.push({ to: '/logs/status', label: t('log.nav.status'), matches: (p) => p === '/logs/status' });
  // The analysis pages (web/features/logs/analysis): reports and the access questions.
  for (const link of useLogAnalysisLinks())
    tabs.push({
      to: link.to,
      label: link.label,
      matches:
        link.to === '/logs/analysis'
          ? (p) => p.startsWith('/logs/analysis') && !p.startsWith('/logs/analysis/access')
          : (p) => p.startsWith(link.to),
    });
  return tabs;
}

/** The section navigation across the explorer, the state of the log and the analysis pages. */
export function LogNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tabs = useLogTabs();
  if (tabs.length < 2) return null;
  return (
    <nav aria-label={t('log.nav.label')} className="mb-6 border-b-2 border-line-soft">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const active = tab.matches(pathname);
          return (
            <li key={tab.to}>
              <Link
                to={tab.to}
                aria-current={active ? 'page' : undefined}
                className={`-mb-0.5 block border-b-4 px-4 py-2 font-bold no-underline hover:underline ${
                  active ? 'border-primary text-ink-strong' : 'border-transparent text-primary'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
