import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who sees copies beyond their own (issue 7, A24の2: the manager sees outstanding copies and overdue
 * confirmations). Only the holder downloads, deletes or confirms a copy (exports.service.ts). The
 * subject is `{ unitId, sectionId }` of the file copied.
 * - A6: the section's 保護管理者 sees its files' copies; A5: the unit's 総括保護管理者 its unit's.
 * - A4, A8: the 総括管理者 and the 監査責任者 see every copy (oversight, audit).
 */
export const exportsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'HandlingExport');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', 'HandlingExport', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can('read', 'HandlingExport', { sectionId: held.sectionId });
        break;
    }
  }
};
