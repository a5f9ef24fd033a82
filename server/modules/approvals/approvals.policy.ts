import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who sees requests beyond their own (issue 7). Deciding is by appointment and deputy (routing.ts),
 * not by this policy. The subject is `{ unitId, sectionId }` of the request.
 * - A4, A8: the 総括管理者 and the 監査責任者 see every request (oversight, audit).
 * - A5: the unit's 総括保護管理者 sees its unit's; A6: the section's 保護管理者 its section's.
 * - Naming deputies: the 総括保護管理者 for their unit; the 保護管理者 for their section.
 */
export const approvalsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'ApprovalRequest');
        break;
      case 'chief_protection_manager':
        if (held.unitId) {
          can('read', 'ApprovalRequest', { unitId: held.unitId });
          can('manage', 'ApprovalDeputy', { unitId: held.unitId });
        }
        break;
      case 'protection_manager':
        if (held.sectionId) {
          can('read', 'ApprovalRequest', { sectionId: held.sectionId });
          can('manage', 'ApprovalDeputy', { sectionId: held.sectionId, level: 'protection_manager' });
        }
        break;
    }
  }
};
