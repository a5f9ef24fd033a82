import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who oversees use and provision outside the purpose (issue 7; A17-2..4). Requests themselves are
 * made by staff with a grant on the file and decided through the approval engine.
 * - A17-4, A5: the unit's 総括保護管理者 limits internal use outside the purpose to named staff
 *   ('manage' HandlingRestriction, subject `{ unitId }`) and sees the unit's requests.
 * - A6: the section's 保護管理者 sees the requests on their section's files (subject
 *   `{ unitId, sectionId }` of OutOfPurposeUse).
 * - A4, A8: the 総括管理者 and the 監査責任者 see every request and restriction.
 */
export const outOfPurposePolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', ['OutOfPurposeUse', 'HandlingRestriction']);
        break;
      case 'chief_protection_manager':
        if (held.unitId) {
          can('read', 'OutOfPurposeUse', { unitId: held.unitId });
          can(['read', 'manage'], 'HandlingRestriction', { unitId: held.unitId });
        }
        break;
      case 'protection_manager':
        if (held.sectionId) can('read', 'OutOfPurposeUse', { sectionId: held.sectionId });
        break;
    }
  }
};
