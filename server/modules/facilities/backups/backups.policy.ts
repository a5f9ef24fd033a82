import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with backups (issue 11; A27). Backups are organisation-wide: the subject
 * `FacilityBackup` has no scope.
 * - The システム管理者 keeps the installation: makes a backup now (`run`), runs a restore test now
 *   (`restore_test`) and reads everything (`read`).
 * - The 総括管理者 (A4) and the 監査責任者 (A8) read the records of backups and restore tests.
 * Never CASL's `manage` (every action). The CLI and the schedule act as the system.
 */
export const backupsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'system_administrator':
        can(['read', 'run', 'restore_test'], 'FacilityBackup');
        break;
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'FacilityBackup');
        break;
    }
  }
};
