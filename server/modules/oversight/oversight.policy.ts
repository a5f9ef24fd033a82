import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who may do what in oversight (issue 10). Subjects and their objects:
 * - `OversightInspection` `{ unitId, sectionId }` (A37): the section's 保護管理者 inspects it
 *   (`inspect`: write, complete, report) and sets its schedule; the unit's 総括保護管理者 reads,
 *   sets schedules (`schedule`) and receives reports (`acknowledge`); the 総括管理者, 監査責任者 and
 *   理事長 read all.
 * - `OversightEvaluation` `{ unitId }` (A38; unitId null = the organisation's): the 総括管理者 keeps
 *   the organisation's (`keep`); a unit's 総括保護管理者 keeps its unit's and reads the organisation's;
 *   the 監査責任者 and 理事長 read all. Owners of an action read its evaluation (checked by the service).
 * - `OversightCommittee` (A9): the 総括管理者 keeps meetings; members, the 理事長, the 監査責任者 and
 *   総括保護管理者 read.
 * - `OversightGuidance` (A39): the 総括管理者 and the 理事長 record (`record`); the 監査責任者,
 *   総括保護管理者 and committee members read.
 * - `OversightLocalRule` `{ unitId }` (A40): everyone reads the organisation's (A40-1) and their
 *   own unit's (A40-2); the 総括管理者 keeps A40-1, a unit's 総括保護管理者 keeps its unit's; the
 *   総括管理者, 監査責任者 and 理事長 read all.
 * - `OversightHistorical` `{ unitId, sectionId }` (A41): a section's 保護管理者 or the unit's
 *   総括保護管理者 marks (`mark`); the top roles read all.
 * - `Oversight` (the hub): anyone holding a role.
 * Never CASL's `manage` (it means every action).
 */
export const oversightPolicy: Policy = (actor, { can }) => {
  can('read', 'OversightLocalRule', { unitId: null });
  if (actor.unitId) can('read', 'OversightLocalRule', { unitId: actor.unitId });
  if (actor.roles.length > 0) can('read', 'Oversight');
  for (const held of actor.roles) {
    if (held.unitId) can('read', 'OversightLocalRule', { unitId: held.unitId });
    switch (held.role) {
      case 'chief_manager':
        can('read', [
          'OversightInspection',
          'OversightEvaluation',
          'OversightHistorical',
          'OversightLocalRule',
        ]);
        can(['read', 'keep'], 'OversightCommittee');
        can(['read', 'record'], 'OversightGuidance');
        can('keep', 'OversightEvaluation', { unitId: null });
        can('keep', 'OversightLocalRule', { unitId: null });
        break;
      case 'president':
        can('read', [
          'OversightInspection',
          'OversightEvaluation',
          'OversightHistorical',
          'OversightLocalRule',
          'OversightCommittee',
        ]);
        can(['read', 'record'], 'OversightGuidance');
        break;
      case 'audit_officer':
        can('read', [
          'OversightInspection',
          'OversightEvaluation',
          'OversightHistorical',
          'OversightLocalRule',
          'OversightCommittee',
          'OversightGuidance',
        ]);
        break;
      case 'committee_member':
        can('read', ['OversightCommittee', 'OversightGuidance']);
        break;
      case 'chief_protection_manager':
        can('read', ['OversightCommittee', 'OversightGuidance']);
        can('read', 'OversightEvaluation', { unitId: null });
        if (held.unitId) {
          can(['read', 'schedule', 'acknowledge'], 'OversightInspection', { unitId: held.unitId });
          can(['read', 'keep'], 'OversightEvaluation', { unitId: held.unitId });
          can('keep', 'OversightLocalRule', { unitId: held.unitId });
          can(['read', 'mark'], 'OversightHistorical', { unitId: held.unitId });
        }
        break;
      case 'protection_manager':
        if (held.sectionId) {
          can(['read', 'inspect', 'schedule'], 'OversightInspection', { sectionId: held.sectionId });
          can(['read', 'mark'], 'OversightHistorical', { sectionId: held.sectionId });
        }
        break;
    }
  }
};
