import type { EvidenceItem, EvidenceScope } from '../../../../shared/api/evidence.ts';
import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import { gapAt } from '../../organisation/index.ts';
import type { OversightDeps } from '../oversight.deps.ts';
import { sectionsDue } from './schedule.ts';

/**
 * A37 「定期に」: a section whose next inspection is past due is a gap on its 保護管理者
 * (inspection_overdue), with the page of its inspections; the label is the due date only.
 */
export function createInspectionGaps(deps: OversightDeps) {
  return async (): Promise<GapView[]> => {
    const overdue = (await sectionsDue(deps)).filter((d) => d.overdue);
    if (overdue.length === 0) return [];
    const names = await deps.names();
    return overdue.map((d) =>
      gapAt(names, {
        kind: 'inspection_overdue',
        role: 'protection_manager',
        scope: 'section',
        unitId: d.unitId,
        sectionId: d.sectionId,
        article: 'A37',
        path: `/oversight/inspections?sectionId=${d.sectionId}`,
        label: d.nextDue ?? '',
      }),
    );
  };
}

/**
 * Every morning at 08:00 (Tokyo): the 保護管理者 of each section whose inspection is due today or
 * past due is told (inspection.due), once per section and due date.
 */
export function createInspectionReminders(deps: OversightDeps) {
  async function remind(): Promise<number> {
    const today = deps.clock.today();
    let sent = 0;
    for (const d of await sectionsDue(deps)) {
      if (!d.nextDue || d.nextDue > today) continue;
      const done = await deps.database.db
        .selectFrom('oversight_inspection_reminders')
        .select('section_id')
        .where('section_id', '=', d.sectionId)
        .where('due_on', '=', d.nextDue)
        .executeTakeFirst();
      if (done) continue;
      const managers = await deps.appointed('protection_manager', d.unitId, d.sectionId);
      try {
        await deps.database.transaction(async (tx) => {
          await tx
            .insertInto('oversight_inspection_reminders')
            .values({ section_id: d.sectionId, due_on: d.nextDue!, sent_at: deps.clock.now().toISOString() })
            .execute();
          await deps.notifications.notify(tx, managers, 'inspection.due', {
            data: { number: d.nextDue, path: `/oversight/inspections?sectionId=${d.sectionId}` },
          });
        });
        sent++;
      } catch (e) {
        // Another server sent it first: the primary key keeps one per section and due date.
        if (!/unique|duplicate|primary/i.test(String((e as Error).message))) throw e;
      }
    }
    if (sent) deps.notifications.flushSoon();
    return sent;
  }
  const job: Job = {
    name: 'oversight-inspections-due',
    pattern: '0 8 * * *',
    timezone: 'Asia/Tokyo',
    run: async () => void (await remind()),
  };
  return { remind, job };
}

/** evidence.inspection (A36 citing A37): completed or reported inspections in the scope's period. */
export function createInspectionEvidence(deps: OversightDeps) {
  return async (scope: EvidenceScope): Promise<EvidenceItem[]> => {
    let q = deps.database.db
      .selectFrom('oversight_inspections')
      .select(['id', 'number', 'unit_id', 'section_id', 'inspected_on', 'completed_at'])
      .where('status', 'in', ['completed', 'reported'])
      .where('inspected_on', '>=', scope.from)
      .where('inspected_on', '<=', scope.to);
    if (scope.unitIds) {
      if (scope.unitIds.length === 0) return [];
      q = q.where('unit_id', 'in', scope.unitIds);
    }
    const rows = await q.orderBy('number').execute();
    const names = await deps.names();
    return rows.map((r) => ({
      kind: 'inspection' as const,
      ref: r.id,
      label: `${r.number} ${names.sections.get(r.section_id) ?? ''} 点検 (${r.inspected_on})`,
      path: `/oversight/inspections/${r.id}`,
      at: r.completed_at ?? r.inspected_on,
      unitId: r.unit_id,
    }));
  };
}
