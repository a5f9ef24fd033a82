import {
  HISTORY_ROLE_LABELS,
  type HistoryRole,
  type HistoryShown,
} from '../../../../shared/api/requests-history.ts';
import type { Role } from '../../../../shared/roles.ts';
import type { RosterEntry } from '../../organisation/index.ts';

/**
 * Who accessed, in the words the requester is given (issue 12): the accessor's unit, section and
 * role(s) as they are now (the roster), e.g. 「東京工業高等専門学校 学生課教務係 保護担当者」, or 職員
 * without an appointment. Never the name, the employee number or the staff id: the role is what
 * answers for the access (rule 65 A5–A7), and staff names are not the requester's to know
 * (法78-1-2: only the 職 of public servants is disclosed as a rule).
 */

/** Roles in the order they are named (the one that answers most first). */
const RANK: readonly Role[] = [
  'chief_manager',
  'audit_officer',
  'chief_protection_manager',
  'protection_manager',
  'protection_officer',
  'mynumber_handler',
  'committee_member',
  'president',
  'system_administrator',
];

export interface Who {
  roleCode: HistoryRole;
  /** The role words (several roles joined with ・). */
  role: string;
  unitName: string | null;
  sectionName: string | null;
  /** Unit, section and role in one line. */
  line: string;
}

export type Names = { units: Map<string, string>; sections: Map<string, string> };

/** A function from an entry's actor id to who they are now. */
export function whoResolver(roster: RosterEntry[], names: Names) {
  const byId = new Map(roster.map((p) => [p.id, p]));
  const cache = new Map<string | null, Who>();
  const make = (
    roleCode: HistoryRole,
    role: string,
    unitName: string | null,
    sectionName: string | null,
  ) => ({
    roleCode,
    role,
    unitName,
    sectionName,
    line: [unitName, sectionName, role].filter(Boolean).join(' '),
  });

  function resolve(actorId: string | null): Who {
    if (actorId === null) return make('system', HISTORY_ROLE_LABELS.system.ja, null, null);
    const person = byId.get(actorId);
    // No longer on the roster (left, or deactivated): the role they held then is not known here.
    if (!person) return make('former', HISTORY_ROLE_LABELS.former.ja, null, null);
    const held = RANK.filter((r) => person.roles.some((x) => x.role === r));
    const roleCode: HistoryRole = held[0] ?? 'staff';
    const role = held.length
      ? held.map((r) => HISTORY_ROLE_LABELS[r].ja).join('・')
      : HISTORY_ROLE_LABELS.staff.ja;
    return make(
      roleCode,
      role,
      names.units.get(person.unitId) ?? null,
      person.sectionId ? (names.sections.get(person.sectionId) ?? null) : null,
    );
  }

  return (actorId: string | null): Who => {
    if (!cache.has(actorId)) cache.set(actorId, resolve(actorId));
    return cache.get(actorId)!;
  };
}

/** The shown part of a row, from who and the entry. */
export const shownOf = (
  who: Who,
  e: { occurredAt: string; purpose: string | null },
  action: string,
  fileName: string | null,
): HistoryShown => ({
  occurredAt: e.occurredAt,
  actorRole: who.role,
  unitName: who.unitName,
  sectionName: who.sectionName,
  action,
  fileName,
  purpose: e.purpose,
});
