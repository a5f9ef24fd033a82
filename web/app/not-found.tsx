import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../ui/page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFoundTitle')}>
      <p>{t('common.notFound')}</p>
      <p className="mt-4">
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}
