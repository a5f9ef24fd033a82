import { INSPECTION_DEFAULT_INTERVAL_MONTHS, type ScheduleView } from '../../../../shared/api/oversight.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { addMonths } from '../common.ts';
import type { OversightDeps } from '../oversight.deps.ts';

/** Where a section stands in its cycle of inspections (A37 「定期に」). */
export interface SectionDue {
  sectionId: string;
  unitId: string;
  intervalMonths: number;
  /** The day of the last completed (or reported) inspection. */
  lastInspectedOn: string | null;
  /**
   * last + interval. A section never inspected is due from the day its schedule was set (the first
   * inspection at once); without a schedule nor an inspection it is not yet in the cycle (null).
   */
  nextDue: string | null;
  overdue: boolean;
}

/**
 * Every section handling held personal information with its interval (default 6 months), its last
 * completed inspection and its next due date, as of today.
 */
export async function sectionsDue(
  deps: OversightDeps,
  exec: Executor = deps.database.db,
): Promise<SectionDue[]> {
  const today = deps.clock.today();
  const [structure, schedules, last] = await Promise.all([
    deps.structure(),
    exec.selectFrom('oversight_inspection_schedules').selectAll().execute(),
    exec
      .selectFrom('oversight_inspections')
      .select(['section_id'])
      .select((eb) => eb.fn.max('inspected_on').as('last'))
      .where('status', 'in', ['completed', 'reported'])
      .groupBy('section_id')
      .execute(),
  ]);
  const scheduleOf = new Map(schedules.map((s) => [s.section_id, s]));
  const lastOf = new Map(last.map((l) => [l.section_id, l.last]));
  return structure.sections
    .filter((s) => s.handlesPersonalInfo)
    .map((s) => {
      const schedule = scheduleOf.get(s.id);
      const intervalMonths = schedule?.interval_months ?? INSPECTION_DEFAULT_INTERVAL_MONTHS;
      const lastInspectedOn = lastOf.get(s.id) ?? null;
      const nextDue = lastInspectedOn
        ? addMonths(lastInspectedOn, intervalMonths)
        : schedule
          ? schedule.updated_at.slice(0, 10)
          : null;
      return {
        sectionId: s.id,
        unitId: s.unitId,
        intervalMonths,
        lastInspectedOn,
        nextDue,
        overdue: nextDue !== null && nextDue < today,
      };
    });
}

export const presentSchedule = (
  d: SectionDue,
  names: { units: Map<string, string>; sections: Map<string, string> },
  can: { edit: boolean; inspect: boolean },
): ScheduleView => ({
  sectionId: d.sectionId,
  sectionName: names.sections.get(d.sectionId) ?? '',
  unitId: d.unitId,
  unitName: names.units.get(d.unitId) ?? '',
  intervalMonths: d.intervalMonths,
  lastInspectedOn: d.lastInspectedOn,
  nextDue: d.nextDue,
  overdue: d.overdue,
  canEdit: can.edit,
  canInspect: can.inspect,
});
