import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { LinkTabs, type LinkTab } from '../../../ui/link-tabs.tsx';
import { useRequest } from './queries.ts';

export type RequestTabKey = 'overview' | 'search' | 'decision' | 'history' | 'remedies';

/**
 * 訂正・利用停止 (法90, 法98) concern correction and suspension requests, and a disclosure once it was
 * carried out (the 90 days of 法90-3 run from then).
 */
export function hasRemedies(request: Pick<RequestView, 'kind' | 'carriedOutOn'>): boolean {
  return request.kind !== 'disclosure' || request.carriedOutOn !== null;
}

/**
 * The tab bar every request page shares: 概要 · 本人情報の検索 · 決定 · アクセス履歴 · 訂正・利用停止.
 * Reads the request from the shared cache (`useRequest`) to know whether the last tab applies.
 */
export function RequestTabs({ id, current }: { id: string; current: RequestTabKey }) {
  const { t } = useTranslation();
  const request = useRequest(id).data;
  const base = `/requests/${encodeURIComponent(id)}`;
  const tabs: LinkTab[] = [
    { key: 'overview', to: base, label: t('requests.tabs.overview') },
    { key: 'search', to: `${base}/search`, label: t('requests.tabs.search') },
    { key: 'decision', to: `${base}/decision`, label: t('requests.tabs.decision') },
    { key: 'history', to: `${base}/history`, label: t('requests.tabs.history') },
  ];
  if ((request && hasRemedies(request)) || current === 'remedies')
    tabs.push({ key: 'remedies', to: `${base}/remedies`, label: t('requests.tabs.remedies') });
  return <LinkTabs label={t('requests.tabs.label')} tabs={tabs} current={current} />;
}
