import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with information systems (issue 11; A23, A24, A28). The subject `FacilitySystem`
 * is `{ id, unitId, sectionId }` of the owning section. (Never CASL's `manage`, which means every action.)
 * - A6, A23, A24, A28: the section's 保護管理者 keeps its systems — registers and edits them (`edit`),
 *   records checks of their safeguards (`check`), uploads and disposes of design documents
 *   (`keep_documents`) and reads them (`read`, `read_documents`).
 * - The システム管理者 reads every system, records checks of any (`check`) and opens design documents.
 * - A28 設計書等: only the keepers, the システム管理者, the 監査責任者 (A8) and the unit's
 *   総括保護管理者 (A5) list and download design documents (`read_documents`).
 * - Readers: the unit's 総括保護管理者, the section's 保護担当者 (A7), the 総括管理者 (A4) and the
 *   監査責任者 (A8). Staff without a role read none (404).
 */
export const systemsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'system_administrator':
        can(['read', 'check', 'read_documents'], 'FacilitySystem');
        break;
      case 'audit_officer':
        can(['read', 'read_documents'], 'FacilitySystem');
        break;
      case 'chief_manager':
        can('read', 'FacilitySystem');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['read', 'read_documents'], 'FacilitySystem', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId)
          can(['read', 'edit', 'check', 'read_documents', 'keep_documents'], 'FacilitySystem', {
            sectionId: held.sectionId,
          });
        break;
      case 'protection_officer':
        if (held.sectionId) can('read', 'FacilitySystem', { sectionId: held.sectionId });
        break;
    }
  }
};
