import type { AppointmentView, PersonView, SectionView, UnitView } from '../../../shared/api/organisation.ts';
import type { PersonKind, Role, ScopeKind, UnitKind } from '../../../shared/roles.ts';
import type { AppointmentRow } from './appointment.repo.ts';
import { statusOn } from './appointment-term.ts';
import type { PersonRow } from './person.repo.ts';
import type { SectionRow } from './section.repo.ts';
import type { UnitRow } from './unit.repo.ts';

/** Presenters list the fields an answer carries: never a raw row (architecture). */

export const fullName = (p: Pick<PersonRow, 'family_name' | 'given_name'>): string =>
  `${p.family_name} ${p.given_name}`;

export const presentUnit = (u: UnitRow, c: { sections: number; staff: number; gaps: number }): UnitView => ({
  id: u.id,
  code: u.code,
  name: u.name,
  shortName: u.short_name,
  kind: u.kind as UnitKind,
  address: u.address,
  sectionCount: c.sections,
  staffCount: c.staff,
  gapCount: c.gaps,
});

export const presentSection = (s: SectionRow, staffCount: number): SectionView => ({
  id: s.id,
  unitId: s.unit_id,
  parentId: s.parent_id,
  name: s.name,
  handlesPersonalInfo: s.handles_personal_info === 1,
  handlesMyNumber: s.handles_my_number === 1,
  staffCount,
});

export const presentPerson = (p: PersonRow): PersonView => ({
  id: p.id,
  employeeNumber: p.employee_number,
  familyName: p.family_name,
  givenName: p.given_name,
  familyNameKana: p.family_name_kana,
  givenNameKana: p.given_name_kana,
  email: p.email,
  kind: p.kind as PersonKind,
  title: p.title,
  unitId: p.unit_id,
  sectionId: p.section_id,
  active: p.active === 1,
});

export function presentAppointment(
  a: AppointmentRow,
  names: Map<string, string>,
  today: string,
): AppointmentView {
  return {
    id: a.id,
    role: a.role as Role,
    scopeKind: a.scope_kind as ScopeKind,
    unitId: a.unit_id,
    sectionId: a.section_id,
    personId: a.person_id,
    personName: names.get(a.person_id) ?? '',
    appointedBy: a.appointed_by,
    appointedByName: a.appointed_by ? (names.get(a.appointed_by) ?? null) : null,
    basis: a.basis,
    duties: a.duties,
    handlingRange: a.handling_range,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    terminatedOn: a.terminated_on,
    terminationReason: a.termination_reason,
    status: statusOn(a, today),
  };
}

/** The audit snapshot of an appointment: identifiers and terms, no names. */
export const appointmentSnapshot = (a: AppointmentRow) => ({ ...a });
