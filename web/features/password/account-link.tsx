import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.ts';

/** On a person's page, for the システム管理者 only: the way to the person's account page (A21). */
export function AccountAdminLink({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { permissions } = useSignedIn();
  if (!permissions.manageAccounts) return null;
  return (
    <p className="mt-4">
      <Link to={`/people/${personId}/account`}>{t('password.person.link')}</Link>
    </p>
  );
}
