import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may do what with incidents (issue 8; A34–A35). The subject `Incident` is
 * `{ id, unitId, sectionId, reportedBy }`: its unit and the responsible section (the first file's
 * owning section, else the section chosen, else the reporter's own).
 * - A34-1: everyone signed in reports (`report`) and reads what they reported.
 * - A6, A34-2, -3, -5: the section's 保護管理者 reads, contains, investigates, links and sets measures
 *   (`investigate`; not CASL's `manage`, which means every action) and takes the steps of its role (`protection_manager`).
 * - A5: the unit's 総括保護管理者 does the same for the unit (and stands in for a vacant 保護管理者 seat,
 *   checked by the service), takes its own steps, and decides notice, publication and closing
 *   (`chief_protection_manager`).
 * - A4: the 総括管理者 reads all and takes the steps to ministries and the 個人情報保護委員会
 *   (`chief_manager`); the 理事長 (A34-4) and the 監査責任者 (A8) read all.
 * - The deadlines' settings are read by everyone and set by the 総括管理者 or the システム管理者.
 * A measure's owner completes it and reads its incident: checked by the service (the owner is a person).
 */
export const incidentsPolicy: Policy = (actor, { can }) => {
  can('report', 'Incident');
  can('read', 'Incident', { reportedBy: actor.personId });
  can('read', 'IncidentSettings');
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
        can(['read', 'chief_manager'], 'Incident');
        can('configure', 'IncidentSettings');
        break;
      case 'president':
      case 'audit_officer':
        can('read', 'Incident');
        break;
      case 'system_administrator':
        can('configure', 'IncidentSettings');
        break;
      case 'chief_protection_manager':
        if (held.unitId)
          can(['read', 'investigate', 'chief_protection_manager'], 'Incident', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId)
          can(['read', 'investigate', 'protection_manager'], 'Incident', { sectionId: held.sectionId });
        break;
    }
  }
};
