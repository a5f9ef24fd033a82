import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with outsourcing contracts (issue 9; A19). The subject `ProvisionContract` is
 * `{ id, unitId, sectionId }`: the section whose files the contract involves, and its unit.
 * - A19-1..4 name the section's 保護管理者: it keeps the contract (`keep`: create, edit the draft and
 *   its clauses, upload documents, request exceptions, activate, inspect, supervise, record
 *   subcontractors working, end, confirm erasure, close; not CASL's `manage`, which means every action).
 * - A19-3: the contractor subcontracts only with the 保護管理者's permission. The section's people who
 *   work with the contract — its 保護担当者 (A7) and the staff placed in the section — read the
 *   section's contracts and record the contractor's request (`request_subcontract`), so that the
 *   保護管理者 decides it in the approval engine; when the 保護管理者 records it themself, the engine
 *   takes it to the 総括保護管理者 (a requester never decides their own request).
 * - A5: the unit's 総括保護管理者 reads the unit's contracts and decides exceptions (A19-1) in the
 *   approval engine; where the section's 保護管理者 seat is vacant, the service lets it keep them.
 * - A4, A8: the 総括管理者 and the 監査責任者 read every contract.
 */
export const contractsPolicy: Policy = (actor, { can }) => {
  if (actor.sectionId)
    can(['read', 'request_subcontract'], 'ProvisionContract', { sectionId: actor.sectionId });
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
        if (held.sectionId)
          can(['read', 'keep', 'request_subcontract'], 'ProvisionContract', { sectionId: held.sectionId });
        break;
      case 'protection_officer':
        if (held.sectionId)
          can(['read', 'request_subcontract'], 'ProvisionContract', { sectionId: held.sectionId });
        break;
    }
  }
};
