import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/ability.ts';
import { useSignedIn } from '../../app/session.ts';

export interface AdminLink {
  to: string;
  label: string;
  desc: string;
}

/**
 * The administration screens the signed-in person may open (issue 3), for the 「管理」 page and for
 * whether the main menu shows it at all. Each follows the abilities the server sent.
 */
export function useAdminLinks(): AdminLink[] {
  const { t } = useTranslation();
  const { permissions } = useSignedIn();
  const can = useCan();
  const links: AdminLink[] = [];
  // A29: the managers of areas approve and revoke terminals.
  if (permissions.approveTerminals)
    links.push(
      { to: '/terminals/inbox', label: t('terminal.nav.inbox'), desc: t('admin.terminalInboxDesc') },
      { to: '/terminals/areas', label: t('terminal.nav.areas'), desc: t('admin.terminalAreasDesc') },
    );
  if (permissions.manageAccounts)
    links.push({ to: '/admin/accounts', label: t('password.nav.accounts'), desc: t('admin.accountsDesc') });
  // A21-2: the 総括管理者 and the 監査責任者 read the policy; the システム管理者 also edits it.
  if (can('read', 'PasswordPolicy'))
    links.push({
      to: '/admin/password-policy',
      label: t('password.nav.policy'),
      desc: t('admin.policyDesc'),
    });
  if (can('update', 'MfaSettings'))
    links.push({ to: '/admin/mfa', label: t('mfa.adminTitle'), desc: t('admin.mfaDesc') });
  if (can('update', 'SsoProvider'))
    links.push({ to: '/admin/sso', label: t('sso.adminTitle'), desc: t('admin.ssoDesc') });
  return links;
}
