import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who sees and sets the rules of which acts need approval (issue 7, A12). The subject is
 * `{ unitId, sectionId }` of the register file.
 * - A5: the unit's 総括保護管理者 sets them for its files ("configurable by the 総括保護管理者").
 * - A6: the section's 保護管理者 reads them; A4, A8: the 総括管理者 and the 監査責任者 read all.
 */
export const handlingRulesPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'HandlingRules');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['read', 'manage'], 'HandlingRules', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can('read', 'HandlingRules', { sectionId: held.sectionId });
        break;
    }
  }
};
