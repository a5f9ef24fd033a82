import type { GapView } from '../../../shared/api/organisation.ts';
import type { Role, ScopeKind } from '../../../shared/roles.ts';

/** The names of units and sections by id, as the modules' `names()` gives them. */
export interface GapNames {
  units: ReadonlyMap<string, string>;
  sections: ReadonlyMap<string, string>;
}

/** Where a gap stands and what it is, before the names are filled in. */
export interface GapPlace<K extends GapView['kind'] = GapView['kind']> {
  kind: K;
  /** Who answers for it: the holder of this role over the scope. */
  role: Role;
  scope: ScopeKind;
  unitId: string | null;
  sectionId: string | null;
  /** The article whose duty is not met (A10, A19-1, A34 …). */
  article: string;
  path?: string;
  label?: string;
}

/**
 * A gap of issue 10's overview found by another module (an overdue course, an open incident, a
 * contract short of clauses …), with its unit's and section's names. It names no appointment: the
 * overview finds who holds the role over the scope. Pure.
 */
export function gapAt<K extends GapView['kind']>(names: GapNames, g: GapPlace<K>): GapView & { kind: K } {
  return {
    kind: g.kind,
    role: g.role,
    scopeKind: g.scope,
    unitId: g.unitId,
    unitName: g.unitId === null ? null : (names.units.get(g.unitId) ?? null),
    sectionId: g.sectionId,
    sectionName: g.sectionId === null ? null : (names.sections.get(g.sectionId) ?? null),
    appointmentIds: [],
    article: g.article,
    ...(g.path === undefined ? {} : { path: g.path }),
    ...(g.label === undefined ? {} : { label: g.label }),
  };
}
