import type { Policy } from '../../../platform/authz/index.ts';

/**
 * Who may do what with provisions to third parties (issue 9; A17-2, A18). The subject `Provision` is
 * `{ id, unitId, sectionId }`: the section of the files provided.
 * - A18-1, -2, -3 name the 保護管理者: the section's 保護管理者 keeps its provisions (`keep`: create,
 *   edit, agreement, measures, checks, improvement requests, submit, acts, close; not CASL's
 *   `manage`, which means every action) and reads them.
 * - A5: the unit's 総括保護管理者 reads the unit's (and decides A17-2's grounds through the approval
 *   engine).
 * - A4, A8: the 総括管理者 and the 監査責任者 read all.
 */
export const provisionsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read', 'Provision');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can('read', 'Provision', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can(['read', 'keep'], 'Provision', { sectionId: held.sectionId });
        break;
    }
  }
};
