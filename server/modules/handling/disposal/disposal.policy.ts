import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who sees disposals and their certificates (A15). The subject is `{ unitId, sectionId }` of the
 * request. Who did it, who witnessed it and who approved it always see theirs (the service checks).
 * - A6: the section's 保護管理者, whose instruction a disposal is; A5: the unit's 総括保護管理者.
 * - A4, A8: the 総括管理者 and the 監査責任者 see every disposal.
 */
export const disposalPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'HandlingDisposal');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', 'HandlingDisposal', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can('read', 'HandlingDisposal', { sectionId: held.sectionId });
        break;
    }
  }
};
