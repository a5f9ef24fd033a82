import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who does what with the register of personal information files (A20). The subject of a file is
 * `{ unitId, sectionId }`.
 * - A20-1: the section that holds a file drafts its entry (its 保護管理者), and the unit's
 *   総括保護管理者 may draft too; the 総括保護管理者 submits it to the 総括管理者.
 * - A20-2: the 総括管理者 accepts it into the one consolidated register (or returns it with reasons).
 * - A20-3: amendments go the same way; A20-4: the 総括保護管理者 (or the 総括管理者) strikes a file
 *   no longer held, at once.
 * - A20-5: only the 総括管理者 approves holding a My Number file.
 * - Reading: the section's 保護管理者 and 保護担当者, the unit's 総括保護管理者, the 総括管理者, the
 *   監査責任者 (audits, A8) and the committee (A9).
 */
export const registerPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
        can(['read', 'decide', 'discontinue', 'approve_my_number'], 'RegisterFile');
        break;
      case 'audit_officer':
      case 'committee_member':
        can('read', 'RegisterFile');
        break;
      case 'chief_protection_manager':
        if (held.unitId)
          can(['read', 'draft', 'submit', 'discontinue'], 'RegisterFile', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can(['read', 'draft'], 'RegisterFile', { sectionId: held.sectionId });
        break;
      case 'protection_officer':
        if (held.sectionId) can('read', 'RegisterFile', { sectionId: held.sectionId });
        break;
    }
  }
};
