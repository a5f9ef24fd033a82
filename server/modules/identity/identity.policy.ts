import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may see and unlock people's accounts (A21): the システム管理者 only. Each person's own
 * sessions and sign-ins need no ability: the service only ever reads the caller's own.
 */
export const identityPolicy: Policy = (actor, { can }) => {
  if (actor.roles.some((r) => r.role === 'system_administrator')) can(['read', 'unlock'], 'Account');
};
