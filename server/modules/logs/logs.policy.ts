import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may see the log (A22: the 保護管理者 records, keeps and analyses access to their files):
 * - a 保護管理者 the entries of their sections, a 総括保護管理者 those of their unit;
 * - the 監査責任者 (A8, audits) and the 総括管理者 (A4) everything;
 * - the state of the log (checkpoints, witnesses, retention, verification) those and the
 *   システム管理者, who operates it; retention is set by the 総括管理者 or the システム管理者;
 * - verification on demand by the 監査責任者, the 総括管理者 and the システム管理者.
 * The subject of an entry is `{ unitId, sectionId }`.
 */
export const logsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'audit_officer':
      case 'chief_manager':
        can('read', 'LogEntry');
        can(['read', 'verify'], 'LogStatus');
        break;
      case 'system_administrator':
        can(['read', 'verify', 'prune'], 'LogStatus');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', 'LogEntry', { unitId: held.unitId });
        can('read', 'LogStatus');
        break;
      case 'protection_manager':
        if (held.sectionId) can('read', 'LogEntry', { sectionId: held.sectionId });
        can('read', 'LogStatus');
        break;
    }
    if (held.role === 'chief_manager' || held.role === 'system_administrator') can('update', 'LogRetention');
  }
};
