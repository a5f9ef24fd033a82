import { scheduleInput, type ScheduleView } from '../../../../shared/api/oversight.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOf, personOf } from '../common.ts';
import type { OversightDeps } from '../oversight.deps.ts';
import { presentSchedule, sectionsDue } from './schedule.ts';

const S = 'OversightInspection';

/**
 * The schedule of inspections per section (A37 「定期に」): every section handling held personal
 * information in the caller's view with its interval (default 6 months), last inspection and next
 * due date; the section's 保護管理者 or the unit's 総括保護管理者 sets the interval.
 */
export function createSchedules(
  deps: OversightDeps,
  h: {
    sectionOf: (sectionId: string) => Promise<{ section_id: string; unit_id: string }>;
    allowed: (ctx: Ctx, action: string, o: Record<string, unknown>) => Promise<void>;
  },
) {
  const { database, authz, clock } = deps;
  const audit = auditOf(deps);
  const now = () => clock.now().toISOString();
  const obj = (r: { unit_id: string; section_id: string }) => ({
    unitId: r.unit_id,
    sectionId: r.section_id,
  });
  const subject = (r: { id: string; unit_id: string; section_id: string }) => ({
    type: S,
    id: r.id,
    unitId: r.unit_id,
    sectionId: r.section_id,
  });
  const { sectionOf, allowed } = h;

  async function schedules(ctx: Ctx): Promise<{ schedules: ScheduleView[] }> {
    personOf(ctx);
    const names = await deps.names();
    const rows = (await sectionsDue(deps)).filter((d) =>
      authz.can(ctx, 'read', S, { unitId: d.unitId, sectionId: d.sectionId }),
    );
    return {
      schedules: rows.map((d) => {
        const o = { unitId: d.unitId, sectionId: d.sectionId };
        return presentSchedule(d, names, {
          edit: authz.can(ctx, 'schedule', S, o),
          inspect: authz.can(ctx, 'inspect', S, o),
        });
      }),
    };
  }

  /** The interval of a section's inspections (its 保護管理者 or the unit's 総括保護管理者). */
  async function setSchedule(ctx: Ctx, sectionId: string, raw: unknown): Promise<ScheduleView> {
    const me = personOf(ctx);
    const input = scheduleInput.parse(raw);
    const s = await sectionOf(sectionId).catch(() => {
      throw new AppError('oversight.not_found');
    });
    await allowed(ctx, 'schedule', obj(s));
    await database.transaction(async (tx) => {
      const at = now();
      const values = { interval_months: input.intervalMonths, updated_at: at, updated_by: me };
      const had = await tx
        .selectFrom('oversight_inspection_schedules')
        .select('section_id')
        .where('section_id', '=', sectionId)
        .executeTakeFirst();
      if (had)
        await tx
          .updateTable('oversight_inspection_schedules')
          .set(values)
          .where('section_id', '=', sectionId)
          .execute();
      else
        await tx
          .insertInto('oversight_inspection_schedules')
          .values({ section_id: sectionId, unit_id: s.unit_id, ...values })
          .execute();
      await audit(
        tx,
        ctx,
        'oversight.inspection_schedule_set',
        { ...subject({ id: sectionId, ...s }) },
        {
          intervalMonths: input.intervalMonths,
        },
      );
    });
    const found = (await schedules(ctx)).schedules.find((x) => x.sectionId === sectionId);
    if (!found) throw new AppError('oversight.not_found');
    return found;
  }

  return { schedules, setSchedule };
}
