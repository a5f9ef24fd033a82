import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who configures single sign-on (A21: the authentication function): the システム管理者 only. Signing
 * in through a provider needs no ability: the provider only identifies an existing person.
 */
export const ssoPolicy: Policy = (actor, { can }) => {
  if (actor.roles.some((r) => r.role === 'system_administrator'))
    can(['read', 'create', 'update'], 'SsoProvider');
};
