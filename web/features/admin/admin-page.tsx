import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { NotFoundPage } from '../../app/not-found.tsx';
import { useAdminLinks } from './admin-links.ts';

/** 「管理」: the administration screens this person may use, one card each. */
export function AdminPage() {
  const { t } = useTranslation();
  const links = useAdminLinks();
  if (links.length === 0) return <NotFoundPage />;
  return (
    <Page title={t('admin.title')} lead={<p>{t('admin.lead')}</p>}>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((l) => (
          <li key={l.to}>
            <Link
              to={l.to}
              className="card block h-full no-underline hover:border-primary hover:bg-primary-soft"
            >
              <span className="block text-lg font-bold text-primary underline">{l.label}</span>
              <span className="mt-1 block text-ink">{l.desc}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
