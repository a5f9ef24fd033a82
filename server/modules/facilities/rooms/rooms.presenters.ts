import {
  SAFEGUARD_ITEMS,
  type EntrantKind,
  type EntryAuthKind,
  type EntryView,
  type InspectionView,
  type RoomKind,
  type RoomSummaryView,
  type RoomView,
  type SafeguardView,
  type VisitorIdKind,
} from '../../../../shared/api/facility-rooms.ts';
import { addDays } from '../common/days.ts';
import type { Access, PersonFacts } from './rooms.core.ts';
import type { EntryRow, InspectionRow, RoomPersonRow, RoomRow } from './rooms.repo.ts';

/** A33: the next inspection is due `interval` days after the last; never inspected is overdue at once. */
export function schedule(
  row: Pick<RoomRow, 'last_inspected_on' | 'inspection_interval_days'>,
  today: string,
) {
  const due = row.last_inspected_on ? addDays(row.last_inspected_on, row.inspection_interval_days) : null;
  return { nextInspectionDueOn: due, inspectionOverdue: due === null || due < today };
}

export interface RoomNames {
  units: ReadonlyMap<string, string>;
  sections: ReadonlyMap<string, string>;
}

const permissions = (a: Access) => ({ keep: a.keep, record: a.record, readLog: a.readLog });

export function presentSummary(
  row: RoomRow,
  c: { names: RoomNames; today: string; access: Access; insideCount: number; authorisedCount: number },
): RoomSummaryView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as RoomKind,
    unitId: row.unit_id,
    unitName: c.names.units.get(row.unit_id) ?? '',
    sectionId: row.section_id,
    sectionName: c.names.sections.get(row.section_id) ?? '',
    entryAuth: row.entry_auth as EntryAuthKind,
    inspectionIntervalDays: row.inspection_interval_days,
    lastInspectedOn: row.last_inspected_on,
    ...schedule(row, c.today),
    insideCount: c.insideCount,
    authorisedCount: c.authorisedCount,
    active: row.active === 1,
    can: permissions(c.access),
  };
}

/** The items of an inspection as stored (JSON), in checklist order. */
export function itemsOf(json: string): SafeguardView[] {
  const stored = JSON.parse(json) as SafeguardView[];
  return SAFEGUARD_ITEMS.map(
    (item) => stored.find((s) => s.item === item) ?? { item, status: 'missing' as const, note: null },
  );
}

export function presentRoom(
  row: RoomRow,
  c: {
    names: RoomNames;
    today: string;
    access: Access;
    insideCount: number;
    authorised: RoomPersonRow[];
    people: ReadonlyMap<string, PersonFacts>;
    latest: InspectionRow | null;
  },
): RoomView {
  const name = (id: string) => c.people.get(id)?.name ?? '';
  return {
    ...presentSummary(row, { ...c, authorisedCount: c.authorised.length }),
    locationNote: row.location_note,
    notes: row.notes,
    safeguards: c.latest
      ? itemsOf(c.latest.items)
      : SAFEGUARD_ITEMS.map((item) => ({ item, status: 'missing' as const, note: null })),
    authorised: c.authorised
      .map((p) => ({
        personId: p.person_id,
        name: name(p.person_id),
        employeeNumber: c.people.get(p.person_id)?.employeeNumber ?? null,
        addedAt: p.added_at,
        addedByName: name(p.added_by),
      }))
      .sort((a, b) => (a.employeeNumber ?? '').localeCompare(b.employeeNumber ?? '')),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A visitor as sealed: name and organisation (A32-1 識別化). */
export interface SealedVisitor {
  name: string;
  organisation: string;
}

/** An entry; `open` unseals a visitor (given only to readers of the log), else names stay null. */
export function presentEntry(
  row: EntryRow,
  people: ReadonlyMap<string, PersonFacts>,
  open: ((sealed: string) => SealedVisitor) | null,
): EntryView {
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? '') : null);
  const visitor =
    row.kind === 'visitor'
      ? {
          ...(open && row.visitor_sealed ? open(row.visitor_sealed) : { name: null, organisation: null }),
          idKind: (row.visitor_id_kind ?? 'other') as VisitorIdKind,
          badgeNumber: row.visitor_badge ?? '',
        }
      : null;
  return {
    id: row.id,
    roomId: row.room_id,
    kind: row.kind as EntrantKind,
    personId: row.person_id,
    personName: name(row.person_id),
    visitor,
    escortPersonId: row.escort_id,
    escortName: name(row.escort_id),
    purpose: row.purpose,
    enteredAt: row.entered_at,
    exitedAt: row.exited_at,
    inside: row.exited_at === null,
    recordedByName: name(row.recorded_by) ?? '',
    exitRecordedByName: name(row.exit_recorded_by),
  };
}

export function presentInspection(
  row: InspectionRow,
  people: ReadonlyMap<string, PersonFacts>,
): InspectionView {
  return {
    id: row.id,
    roomId: row.room_id,
    inspectedOn: row.inspected_on,
    inspectorId: row.inspector_id,
    inspectorName: people.get(row.inspector_id)?.name ?? '',
    items: itemsOf(row.items),
    notes: row.notes,
    recordedAt: row.recorded_at,
  };
}
