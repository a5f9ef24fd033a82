import type { Policy } from '../../../platform/authz/index.ts';

export const SUBJECT = 'SubjectRequest';

/**
 * Who may do what with individuals' requests (issue 12; law-2022.md 法76–107). The subject
 * `SubjectRequest` is `{ id, unitId, sectionId }` of the request (its receiving office).
 * - `handle` (intake, the requester's particulars, 補正, extension, the large case, the fee,
 *   withdrawal, and the parts' search, decision, history and remedies): the receiving section's
 *   保護管理者 and 保護担当者 (A6, A7: they keep the section's files), the unit's 総括保護管理者 (A5,
 *   who also approves the decisions) and the 総括管理者 (A4, organisation-wide).
 * - `read` (the request with the particulars): those, and the 監査責任者 (A8: audits the handling).
 * Everybody else: requests.not_found (404). Never CASL's `manage`.
 */
export const requestsCorePolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
        can(['read', 'handle'], SUBJECT);
        break;
      case 'audit_officer':
        can('read', SUBJECT);
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['read', 'handle'], SUBJECT, { unitId: held.unitId });
        break;
      case 'protection_manager':
      case 'protection_officer':
        if (held.sectionId) can(['read', 'handle'], SUBJECT, { sectionId: held.sectionId });
        break;
    }
  }
};
