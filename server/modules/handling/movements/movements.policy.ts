import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who keeps and sees the register of media (A14) and the movements of held information (A12(2),
 * A12(3)). Subjects are `{ unitId, sectionId }` of the medium or of the movement's file.
 * - A14: the media of a section are kept by the section: its staff (people of the section), its
 *   保護担当者 and its 保護管理者 register media and record where they are kept (`manage`), and see
 *   the section's register (`read`).
 * - A6: the section's 保護管理者 also sees every movement of the section's files (`read`
 *   HandlingMovement), as the approver of them (A12).
 * - A5: the unit's 総括保護管理者 sees the unit's media and movements; A4, A8: the 総括管理者 and the
 *   監査責任者 see all of them (oversight, audit). None of these may register media of a section.
 * Asking for and carrying out a movement is not a role's right: it needs a grant with the
 * `transmit` or `take_out` permission on the file (the vault's gate, A11-2), and approval where the
 * file's rules say so (A12).
 */
export const movementsPolicy: Policy = (actor, { can }) => {
  if (actor.sectionId) can(['read', 'manage'], 'HandlingMedium', { sectionId: actor.sectionId });
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', ['HandlingMedium', 'HandlingMovement']);
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', ['HandlingMedium', 'HandlingMovement'], { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) {
          can(['read', 'manage'], 'HandlingMedium', { sectionId: held.sectionId });
          can('read', 'HandlingMovement', { sectionId: held.sectionId });
        }
        break;
      case 'protection_officer':
        if (held.sectionId) can(['read', 'manage'], 'HandlingMedium', { sectionId: held.sectionId });
        break;
    }
  }
};
