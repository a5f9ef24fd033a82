import type { GapView } from '../../../shared/api/organisation.ts';
import { ROLE_RULES, type Role } from '../../../shared/roles.ts';
import type { AppointmentRow } from './appointment.repo.ts';
import { statusOn } from './appointment-term.ts';
import type { SectionRow } from './section.repo.ts';
import type { UnitRow } from './unit.repo.ts';

interface Seat {
  role: Role;
  unit: UnitRow | null;
  section: SectionRow | null;
  /** At least one holder is required (all the seats of the rule are). */
  singleSeat: boolean;
}

/** The seats rule 65 requires to be filled: A4, A8 (and the 理事長) once; A5 per unit; A6, A7 per handling section; A7の2 where My Numbers are handled. */
function requiredSeats(units: UnitRow[], sections: SectionRow[]): Seat[] {
  const seats: Seat[] = (['president', 'chief_manager', 'audit_officer'] as const).map((role) => ({
    role,
    unit: null,
    section: null,
    singleSeat: true,
  }));
  const unitById = new Map(units.map((u) => [u.id, u]));
  for (const unit of units)
    seats.push({ role: 'chief_protection_manager', unit, section: null, singleSeat: true });
  // In the order people read the organisation: units in their order, sections in theirs.
  const unitOrder = new Map(units.map((u, i) => [u.id, i]));
  const ordered = [...sections].sort(
    (a, b) =>
      (unitOrder.get(a.unit_id) ?? 0) - (unitOrder.get(b.unit_id) ?? 0) ||
      a.sort_order - b.sort_order ||
      a.name.localeCompare(b.name, 'ja'),
  );
  for (const section of ordered) {
    const unit = unitById.get(section.unit_id) ?? null;
    if (section.handles_personal_info === 1) {
      seats.push({ role: 'protection_manager', unit, section, singleSeat: true });
      seats.push({ role: 'protection_officer', unit, section, singleSeat: false });
    }
    if (section.handles_my_number === 1)
      seats.push({ role: 'mynumber_handler', unit, section, singleSeat: false });
  }
  return seats;
}

const seatKey = (role: string, unitId: string | null, sectionId: string | null) =>
  `${role}|${unitId ?? ''}|${sectionId ?? ''}`;

/**
 * Compliance gaps on a day: vacant seats, single seats held twice, seats whose last holder's term ran
 * out with no successor (expired), and holders who are no longer active.
 */
export function computeGaps(input: {
  units: UnitRow[];
  sections: SectionRow[];
  appointments: AppointmentRow[];
  activePeople: Set<string>;
  today: string;
}): GapView[] {
  const bySeat = new Map<string, AppointmentRow[]>();
  for (const a of input.appointments) {
    const key = seatKey(a.role, a.unit_id, a.section_id);
    bySeat.set(key, [...(bySeat.get(key) ?? []), a]);
  }
  const gaps: GapView[] = [];
  for (const seat of requiredSeats(input.units, input.sections)) {
    const rows = bySeat.get(seatKey(seat.role, seat.unit?.id ?? null, seat.section?.id ?? null)) ?? [];
    const current = rows.filter((a) => statusOn(a, input.today) === 'current');
    const base = {
      role: seat.role,
      scopeKind: ROLE_RULES[seat.role].scope,
      unitId: seat.unit?.id ?? null,
      unitName: seat.unit?.name ?? null,
      sectionId: seat.section?.id ?? null,
      sectionName: seat.section?.name ?? null,
      article: ROLE_RULES[seat.role].article,
    };
    if (current.length === 0) {
      const expired = rows
        .filter((a) => statusOn(a, input.today) === 'expired')
        .sort((a, b) => (a.ends_on! < b.ends_on! ? 1 : -1));
      gaps.push({
        ...base,
        kind: expired.length > 0 ? 'expired' : 'vacancy',
        appointmentIds: expired.slice(0, 1).map((a) => a.id),
      });
      continue;
    }
    if (seat.singleSeat && current.length > 1)
      gaps.push({ ...base, kind: 'duplicate', appointmentIds: current.map((a) => a.id) });
    const inactive = current.filter((a) => !input.activePeople.has(a.person_id));
    if (inactive.length > 0)
      gaps.push({ ...base, kind: 'inactive_holder', appointmentIds: inactive.map((a) => a.id) });
  }
  return gaps;
}
