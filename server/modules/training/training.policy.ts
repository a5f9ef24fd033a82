import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may do what with training (issue 10; 第10条). The subject `TrainingCourse` is
 * `{ id, ownerUnitId }` (null: the organisation's course); `TrainingOverdue` is a person's overdue
 * line `{ unitId, sectionId }`.
 * - Everyone signed in reads the organisation's courses and their own unit's (what is asked of them),
 *   reads their own training (GET /me) and completes online material themself (checked by the service).
 * - A10-1, A10-2: the 総括管理者 keeps the organisation's courses (`keep`: create, change, upload the
 *   material, add sessions, enrol and record anyone of the audience; not CASL's `manage`) and reads
 *   every course and overdue list.
 * - A10-3: a unit's 総括保護管理者 keeps its unit's courses and reads its unit's overdue list.
 * - A10-4: a section's 保護管理者 arranges its section's participation (`arrange`: enrols its section's
 *   staff and records their attendance, on any course it reads; the section is checked by the
 *   service) and reads its section's overdue list.
 * - A8, A4: the 監査責任者 and the 理事長 read every course and overdue list.
 */
export const trainingPolicy: Policy = (actor, { can }) => {
  can('read', 'TrainingCourse', { ownerUnitId: null });
  if (actor.unitId) can('read', 'TrainingCourse', { ownerUnitId: actor.unitId });
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
        can('read', ['TrainingCourse', 'TrainingOverdue']);
        can('keep', 'TrainingCourse', { ownerUnitId: null });
        break;
      case 'president':
      case 'audit_officer':
        can('read', ['TrainingCourse', 'TrainingOverdue']);
        break;
      case 'chief_protection_manager':
        if (held.unitId) {
          can(['read', 'keep'], 'TrainingCourse', { ownerUnitId: held.unitId });
          can('read', 'TrainingOverdue', { unitId: held.unitId });
        }
        break;
      case 'protection_manager':
        if (held.sectionId) {
          can('arrange', 'TrainingCourse');
          can('read', 'TrainingOverdue', { sectionId: held.sectionId });
        }
        break;
    }
  }
};
