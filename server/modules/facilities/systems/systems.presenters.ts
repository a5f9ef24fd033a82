import {
  MEASURE_ARTICLE,
  MEASURE_KINDS,
  type DesignDocumentView,
  type Hosting,
  type MeasureCheckView,
  type MeasureKind,
  type MeasureView,
  type SystemCheckResult,
  type SystemSummaryView,
  type SystemView,
  type DesignDocumentKind,
} from '../../../../shared/api/facility-systems.ts';
import { toTokyoDate } from '../../../platform/clock.ts';
import { addDays } from '../common/days.ts';
import type { CheckRow, DocumentRow, MeasureRow, SystemRow } from './systems.repo.ts';

/** A person's name by id (cached per request). */
export type NameOf = (personId: string) => Promise<string>;
export interface OrgNames {
  units: Map<string, string>;
  sections: Map<string, string>;
}

export const BASE = '/api/facilities/systems';

/**
 * When a safeguard is next due (A23, A24 「定期に」): its last check plus the system's interval; one
 * never checked is due the interval after it was added.
 */
export function dueOf(measure: MeasureRow, last: CheckRow | undefined, intervalDays: number): string {
  return addDays(last?.checked_on ?? toTokyoDate(new Date(measure.created_at)), intervalDays);
}

const kindOrder = (m: MeasureRow) => MEASURE_KINDS.indexOf(m.kind as MeasureKind);

/** The safeguards of a system in the order of their kinds (A23 first), with due dates (checks newest first). */
export function measureStates(system: SystemRow, measures: MeasureRow[], checks: CheckRow[], today: string) {
  return measures
    .filter((m) => m.system_id === system.id)
    .sort(
      (a, b) =>
        kindOrder(a) - kindOrder(b) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    )
    .map((m) => {
      const own = checks.filter((c) => c.measure_id === m.id);
      const dueOn = dueOf(m, own[0], system.check_interval_days);
      return { measure: m, checks: own, dueOn, overdue: dueOn < today };
    });
}
export type MeasureState = ReturnType<typeof measureStates>[number];

export function presentSummary(row: SystemRow, states: MeasureState[], names: OrgNames): SystemSummaryView {
  const dues = states.map((s) => s.dueOn).sort();
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    unitName: names.units.get(row.unit_id) ?? '',
    sectionId: row.section_id,
    sectionName: names.sections.get(row.section_id) ?? '',
    hosting: row.hosting as Hosting,
    checkIntervalDays: row.check_interval_days,
    active: row.active === 1,
    measureCount: states.length,
    overdueCount: states.filter((s) => s.overdue).length,
    nextDueOn: dues[0] ?? null,
  };
}

export async function presentCheck(c: CheckRow, nameOf: NameOf): Promise<MeasureCheckView> {
  return {
    id: c.id,
    checkedOn: c.checked_on,
    result: c.result as SystemCheckResult,
    note: c.note,
    checkedByName: await nameOf(c.checked_by),
    recordedAt: c.recorded_at,
  };
}

async function presentMeasure(s: MeasureState, nameOf: NameOf): Promise<MeasureView> {
  const kind = s.measure.kind as MeasureKind;
  const checks = await Promise.all(s.checks.map((c) => presentCheck(c, nameOf)));
  return {
    id: s.measure.id,
    kind,
    article: MEASURE_ARTICLE[kind],
    description: s.measure.description,
    lastCheck: checks[0] ?? null,
    dueOn: s.dueOn,
    overdue: s.overdue,
    checks,
  };
}

export async function presentSystem(
  row: SystemRow,
  states: MeasureState[],
  files: { id: string; name: string }[],
  names: OrgNames,
  nameOf: NameOf,
  can: SystemView['can'],
): Promise<SystemView> {
  return {
    ...presentSummary(row, states, names),
    purpose: row.purpose,
    notes: row.notes,
    files,
    measures: await Promise.all(states.map((s) => presentMeasure(s, nameOf))),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can,
  };
}

export async function presentDocument(
  d: DocumentRow,
  downloads: number,
  nameOf: NameOf,
): Promise<DesignDocumentView> {
  return {
    id: d.id,
    systemId: d.system_id,
    kind: d.kind as DesignDocumentKind,
    title: d.title,
    fileName: d.file_name,
    contentType: d.content_type,
    size: d.size,
    sha256: d.sha256,
    uploadedAt: d.uploaded_at,
    uploadedByName: await nameOf(d.uploaded_by),
    downloadCount: downloads,
    disposed:
      d.disposed_at === null
        ? null
        : {
            at: d.disposed_at,
            byName: d.disposed_by ? await nameOf(d.disposed_by) : '',
            reason: d.dispose_reason ?? '',
          },
    downloadPath: d.disposed_at === null ? `${BASE}/${d.system_id}/documents/${d.id}/file` : null,
  };
}
