import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may do what with audits (issue 10; A36). The subject `Audit` is `{ id, unitId }` where unitId
 * is one unit of the audit's scope (checked for each unit in scope).
 * - A8, A36: the 監査責任者 plans and runs every audit (`run`; not CASL's `manage`) and reads all.
 * - The 総括管理者 (A4) and the 理事長 read all.
 * - A36 (報告): a unit's 総括保護管理者 receives the report of an audit whose scope includes its unit
 *   (`receive`), reads it once reported and acknowledges receipt — checked by the service with the status.
 * The owner of a corrective action reads that finding and records its progress: checked by the
 * service (the owner is a person, not a role).
 */
export const auditsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'audit_officer':
        can(['read', 'run'], 'Audit');
        break;
      case 'chief_manager':
      case 'president':
        can('read', 'Audit');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('receive', 'Audit', { unitId: held.unitId });
        break;
    }
  }
};
