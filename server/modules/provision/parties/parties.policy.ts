import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with the register of outside parties (issue 9; A18, A19-1). The register is shared
 * by the organisation: the subject `ProvisionParty` has no scope.
 * - Every signed-in staff member reads parties (`read`).
 * - A 保護管理者 (A6: keeps the section's provisions and contracts) and a 総括保護管理者 (A5) of any
 *   unit add and edit parties (`edit`) and record capability checks of contractors (`check`, A19-1).
 *   (Never CASL's `manage`, which means every action.)
 *
 * The cross views (A18, A19 "Views") read provisions and contracts: the subject `ProvisionOverview`
 * is `{ unitId, sectionId }` of a file, a provision or a contract.
 * - The section's 保護管理者 reads its section's; the unit's 総括保護管理者 its unit's.
 * - The 総括管理者 (A4) and the 監査責任者 (A8) read all.
 */
export const partiesPolicy: Policy = (actor, { can }) => {
  can('read', 'ProvisionParty');
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'ProvisionOverview');
        break;
      case 'chief_protection_manager':
        can(['edit', 'check'], 'ProvisionParty');
        if (held.unitId) can('read', 'ProvisionOverview', { unitId: held.unitId });
        break;
      case 'protection_manager':
        can(['edit', 'check'], 'ProvisionParty');
        if (held.sectionId) can('read', 'ProvisionOverview', { sectionId: held.sectionId });
        break;
    }
  }
};
