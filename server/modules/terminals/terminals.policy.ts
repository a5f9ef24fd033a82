import type { Policy } from '../../platform/authz/index.ts';

/** What a manager does with an area: edit or remove it, decide requests, revoke its terminals. */
export const AREA_ACTIONS = ['update', 'remove', 'approve', 'revoke'];

/**
 * Who manages an area (A29: the 保護管理者 limits the terminals; A11の2: the 保護管理者 of a section
 * handling 特定個人情報 makes its 取扱区域 clear):
 * - a section's area: the 保護管理者 of that section;
 * - a unit's area: the 総括保護管理者 of that unit (A5);
 * - the システム管理者 keeps every area.
 * The subject is `{ unitId, sectionId, scope: 'unit' | 'section' }`.
 */
export const terminalsPolicy: Policy = (actor, { can }) => {
  for (const held of actor.roles) {
    if (held.role === 'system_administrator') can(['create', ...AREA_ACTIONS], 'TerminalArea');
    if (held.role === 'chief_protection_manager' && held.unitId)
      can(['create', ...AREA_ACTIONS], 'TerminalArea', { scope: 'unit', unitId: held.unitId });
    if (held.role === 'protection_manager' && held.sectionId)
      can(['create', ...AREA_ACTIONS], 'TerminalArea', { scope: 'section', sectionId: held.sectionId });
  }
};

/** The authorisation subject of an area. */
export const areaSubject = (area: { id?: string; unit_id: string; section_id: string | null }) => ({
  ...(area.id ? { id: area.id } : {}),
  unitId: area.unit_id,
  sectionId: area.section_id,
  scope: area.section_id ? 'section' : 'unit',
});
