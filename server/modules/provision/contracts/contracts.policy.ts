import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with outsourcing contracts (issue 9; A19). The subject `ProvisionContract` is
 * `{ id, unitId, sectionId }`: the section whose files the contract involves, and its unit.
 * - A19-1..4 name the section's 保護管理者: it keeps the contract (`keep`: create, edit the draft and
 *   its clauses, upload documents, request exceptions and subcontracts, activate, inspect,
 *   supervise, end, confirm erasure, close; not CASL's `manage`, which means every action).
 * - A5: the unit's 総括保護管理者 reads the unit's contracts and decides exceptions (A19-1) in the
 *   approval engine; where the section's 保護管理者 seat is vacant, the service lets it keep them.
 * - A4, A8: the 総括管理者 and the 監査責任者 read every contract.
 */
export const contractsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'ProvisionContract');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['read', 'oversee'], 'ProvisionContract', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can(['read', 'keep'], 'ProvisionContract', { sectionId: held.sectionId });
        break;
    }
  }
};
