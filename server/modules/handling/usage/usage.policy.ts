import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who reads a file's usage ledger and who signs it off (issue 7, A16). The subject is
 * `{ unitId, sectionId }` of the register file.
 * - A16, A6: the section's 保護管理者 keeps the record of use: reads it and signs off each month.
 * - A5: the unit's 総括保護管理者 reads its files' ledgers; A4, A8: the 総括管理者 and the 監査責任者
 *   read every file's.
 */
export const usageLedgerPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'UsageLedger');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', 'UsageLedger', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can(['read', 'sign'], 'UsageLedger', { sectionId: held.sectionId });
        break;
    }
  }
};
