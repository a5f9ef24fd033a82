import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may do what with passwords and accounts (A21, A21-2): the システム管理者 administers accounts
 * and edits and reviews the password policy; the 総括管理者 and the 監査責任者 may read the policy.
 */
export const passwordPolicy: Policy = (actor, { can }) => {
  const roles = new Set(actor.roles.map((r) => r.role));
  if (roles.has('system_administrator')) {
    can(['read', 'update', 'review'], 'PasswordPolicy');
    can(['read', 'endSession', 'resetPassword'], 'Account');
  }
  if (roles.has('chief_manager') || roles.has('audit_officer')) can('read', 'PasswordPolicy');
};
