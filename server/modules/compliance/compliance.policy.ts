import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may do what with the compliance overview (issue 10). Reading follows 'Gaps' of the
 * organisation's policy (総括管理者, 監査責任者, 理事長, committee members and the システム管理者 read
 * every row; a 総括保護管理者 its unit's). Taking a snapshot on demand (beside the daily job) is for
 * the 総括管理者, who keeps the rule's measures (A4), and the システム管理者, who runs the system.
 */
export const compliancePolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles)
    if (held.role === 'chief_manager' || held.role === 'system_administrator')
      can('create', 'ComplianceSnapshot');
};
