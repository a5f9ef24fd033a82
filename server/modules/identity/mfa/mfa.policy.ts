import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who administers second factors (A21): the システム管理者 reads and resets a person's factors and
 * sets the roles for which a second factor is mandatory. One's own factors need no ability: the
 * service only ever touches the caller's own.
 */
export const mfaPolicy: Policy = (actor, { can }) => {
  if (actor.roles.some((r) => r.role === 'system_administrator')) {
    can(['read', 'reset'], 'SecondFactor');
    can(['read', 'update'], 'MfaSettings');
  }
};
