import { useId, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert, LiveRegion } from './alert.tsx';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  label: string;
  to?: string;
}

/** A page: document title, breadcrumbs, the one h1, optional actions, then the content. */
export function Page({
  title,
  crumbs,
  actions,
  lead,
  children,
}: {
  title: string;
  crumbs?: Crumb[];
  actions?: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  // A page reached after a change may carry a notice (e.g. 「任命を登録しました。」) in the navigation state.
  const state: unknown = useLocation().state;
  const notice =
    state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string'
      ? state.notice
      : null;
  return (
    <>
      <title>{`${title} | ${t('app.name')}`}</title>
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t('common.breadcrumb')} className="mb-4 text-sm">
          <ol className="flex flex-wrap gap-x-2">
            {crumbs.map((c, i) => (
              <li key={`${c.label}-${i}`} className="flex gap-x-2">
                {i > 0 && <span aria-hidden="true">›</span>}
                {c.to ? <Link to={c.to}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl">{title}</h1>
        {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
      </div>
      <LiveRegion>{notice && <Alert tone="success" title={t(notice)} />}</LiveRegion>
      {lead && <div className="mb-8 max-w-3xl text-ink">{lead}</div>}
      {children}
    </>
  );
}

/** A titled section of a page (h2). */
export function Section({
  title,
  id,
  actions,
  children,
}: {
  title: string;
  id?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const autoId = useId();
  const headingId = id ?? autoId;
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4 border-b-2 border-primary pb-2">
        <h2 id={headingId} className="text-2xl">
          {title}
        </h2>
        {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
