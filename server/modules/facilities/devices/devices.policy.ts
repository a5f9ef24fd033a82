import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with devices and media (issue 11; A14, A30). The subject `FacilityDevice` is
 * `{ unitId, sectionId }`: the owning section of the device.
 * - A6, A7, A14: the section's 保護管理者 and 保護担当者 keep its register (`keep`: register, edit,
 *   check out and in, record approved take-outs and returns, removals, disposal).
 * - A30-2: every member of the section reads its devices and asks to take one out or bring one in
 *   (`request`; decided by the section's 保護管理者 in the approval engine). Anyone who reads a device
 *   reports its loss (A34-1, checked by the service with `read`).
 * - A5: the unit's 総括保護管理者 reads the unit's; A4, A8: the 総括管理者 and the 監査責任者 read all,
 *   and the システム管理者 (who keeps the terminals, A29) reads all.
 * Never CASL's 'manage' (every action).
 */
export const devicesPolicy: Policy = (actor, { can }) => {
  if (actor.sectionId) can(['read', 'request'], 'FacilityDevice', { sectionId: actor.sectionId });
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
      case 'system_administrator':
        can('read', 'FacilityDevice');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', 'FacilityDevice', { unitId: held.unitId });
        break;
      case 'protection_manager':
      case 'protection_officer':
        if (held.sectionId) can(['read', 'request', 'keep'], 'FacilityDevice', { sectionId: held.sectionId });
        break;
    }
  }
};
