import type { Policy } from '../../platform/authz/index.ts';

/**
 * Who keeps a file's place in the vault (issue 6). The subject is `{ id, unitId, sectionId }` of the
 * register file. Records themselves are reached only through grants (A11-2), never through a role.
 * - A6, A11-1: the section's 保護管理者 sets the file up and grants its staff what their work needs;
 *   the unit's 総括保護管理者 may too (and grants the 保護管理者 themself: nobody grants themselves).
 * - A4, A8: the 総括管理者 and the 監査責任者 see the settings and grants of every file.
 */
export const vaultPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    switch (held.role) {
      case 'chief_manager':
      case 'audit_officer':
        can('read_grants', 'VaultFile');
        break;
      case 'chief_protection_manager':
        if (held.unitId) can(['manage', 'read_grants'], 'VaultFile', { unitId: held.unitId });
        break;
      case 'protection_manager':
        if (held.sectionId) can(['manage', 'read_grants'], 'VaultFile', { sectionId: held.sectionId });
        break;
    }
  }
};
