import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with the log analysis (A22-1), derived only from current appointments (A3):
 * - a 保護管理者 reads, runs and signs off the reports of their section (A6), and asks who accessed
 *   what within it;
 * - a 総括保護管理者 reads and runs reports of their unit and its sections and signs off the unit's
 *   reports (A5); asks within the unit;
 * - the 総括管理者 (A4) and the 監査責任者 (A8) read and run every report and ask anything;
 * - the rule settings are kept by the 総括管理者 and the システム管理者.
 * Report subjects are `{ scope: 'section' | 'unit', unitId, sectionId }`; AccessLog subjects
 * `{ unitId, sectionId }`.
 */
export const logAnalysisPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    if (held.role === 'protection_manager' && held.sectionId) {
      can(['read', 'create', 'signOff'], 'LogAnalysisReport', {
        scope: 'section',
        sectionId: held.sectionId,
      });
      can('query', 'AccessLog', { sectionId: held.sectionId });
    }
    if (held.role === 'chief_protection_manager' && held.unitId) {
      can(['read', 'create'], 'LogAnalysisReport', { unitId: held.unitId });
      can('signOff', 'LogAnalysisReport', { scope: 'unit', unitId: held.unitId });
      can('query', 'AccessLog', { unitId: held.unitId });
    }
    if (held.role === 'chief_manager' || held.role === 'audit_officer') {
      can(['read', 'create'], 'LogAnalysisReport');
      can('query', 'AccessLog');
    }
    if (held.role === 'chief_manager' || held.role === 'system_administrator')
      can('update', 'LogAnalysisSettings');
  }
};

/** The authorisation subject of a report, or of a report about to be made. */
export const reportSubject = (r: { id?: string; unit_id: string; section_id: string | null }) => ({
  ...(r.id ? { id: r.id } : {}),
  scope: r.section_id ? 'section' : 'unit',
  unitId: r.unit_id,
  sectionId: r.section_id,
});
