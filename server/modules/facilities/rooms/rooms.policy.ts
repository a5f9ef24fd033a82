import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with rooms and storage facilities (issue 11; A32, A33). The subject `FacilityRoom`
 * is `{ id, unitId, sectionId }` of the room (its keeping section).
 * - `keep` (edit, authorised persons, safeguards and inspections) and `record` (entries and exits at
 *   the door): the keeping section's 保護管理者 (A32-1 and A33 name the 保護管理者) and the unit's
 *   総括保護管理者 (A5: over the unit's measures).
 * - `read_log` (the entry log with visitors' names): the keepers, the 総括管理者 (A4) and the
 *   監査責任者 (A8, who audits the records).
 * - `read` (the room, its location note (A32-2), authorised persons and safeguards): those, the
 *   システム管理者 (the servers are theirs to run) and the members of the keeping section.
 * The room's authorised persons also read the room and record entries and exits: that is per room
 * (facility_room_people), decided in the service, not here. Never CASL's `manage`.
 */
export const roomsPolicy: Policy = (actor, { can }) => {
  if (actor.sectionId) can('read', 'FacilityRoom', { sectionId: actor.sectionId });
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can(['read', 'read_log'], 'FacilityRoom');
        break;
      case 'system_administrator':
        can('read', 'FacilityRoom');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['read', 'read_log', 'keep', 'record'], 'FacilityRoom', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId)
          can(['read', 'read_log', 'keep', 'record'], 'FacilityRoom', { sectionId: held.sectionId });
        break;
    }
  }
};
