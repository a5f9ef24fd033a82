import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who oversees the corrections of a file (issue 7, A13). The subject is `{ unitId, sectionId }` of
 * the register file. Reporting and correcting go through the vault's grants, never through a role.
 * - A6, A13: the section's 保護管理者 instructs corrections: reads the reports and the values before
 *   and after ('manage'); the unit's 総括保護管理者, over every section of the unit, too (A5).
 * - A4, A8: the 総括管理者 and the 監査責任者 see which corrections were made (no values).
 */
export const correctionsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'HandlingCorrection');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['read', 'manage'], 'HandlingCorrection', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can(['read', 'manage'], 'HandlingCorrection', { sectionId: held.sectionId });
        break;
    }
  }
};
