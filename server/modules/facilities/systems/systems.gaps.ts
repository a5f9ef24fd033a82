import { MEASURE_ARTICLE, type MeasureKind } from '../../../../shared/api/facility-systems.ts';
import type { GapView } from '../../../../shared/api/organisation.ts';
import { gapAt } from '../../organisation/index.ts';
import { dailyJob, sendOnce } from '../common/reminders.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { measureStates, type MeasureState } from './systems.presenters.ts';
import { systemsRepo, type SystemRow } from './systems.repo.ts';

/** Every active system with its safeguards' due dates (A23, A24). */
async function dueStates(deps: FacilitiesDeps, today: string) {
  const db = deps.database.db;
  const systems = await systemsRepo.active(db);
  const ids = systems.map((s) => s.id);
  const [measures, checks] = await Promise.all([systemsRepo.measures(db, ids), systemsRepo.checks(db, ids)]);
  return systems.map((system) => ({ system, states: measureStates(system, measures, checks, today) }));
}

const pagePath = (system: SystemRow) => `/facilities/systems/${system.id}`;

/**
 * A23, A24 「定期に」: a safeguard not checked within its system's interval is a gap on the owning
 * section's 保護管理者 (system_check_overdue) — one per system and article (第23条 network
 * controls, 第24条 patching and malware), with the system's page; the label is the system's name and
 * the earliest due date.
 */
export function createSystemGaps(deps: FacilitiesDeps) {
  return async (): Promise<GapView[]> => {
    const today = deps.clock.today();
    const overdue = (await dueStates(deps, today)).flatMap(({ system, states }) => {
      const byArticle = new Map<string, MeasureState[]>();
      for (const s of states.filter((x) => x.overdue)) {
        // Gap articles are feature-id style ('A23'), like every other source (compliance/severity.ts).
        const article = MEASURE_ARTICLE[s.measure.kind as MeasureKind] === '第23条' ? 'A23' : 'A24';
        byArticle.set(article, [...(byArticle.get(article) ?? []), s]);
      }
      return [...byArticle].map(([article, list]) => ({
        system,
        article,
        dueOn: list.map((s) => s.dueOn).sort()[0]!,
      }));
    });
    if (overdue.length === 0) return [];
    const names = await deps.names();
    return overdue.map(({ system, article, dueOn }) =>
      gapAt(names, {
        kind: 'system_check_overdue',
        role: 'protection_manager',
        scope: 'section',
        unitId: system.unit_id,
        sectionId: system.section_id,
        article,
        path: pagePath(system),
        label: `${system.name} (${dueOn})`,
      }),
    );
  };
}

/**
 * Every morning at 08:00 (Tokyo): the keepers (the section's 保護管理者) of each system with a
 * safeguard due today or past due are told (system.check_due) — once per safeguard and due date, in
 * one notice per system. Lookups happen before each transaction (SQLite has one connection).
 */
export function createSystemReminders(deps: FacilitiesDeps) {
  async function remind(): Promise<number> {
    const today = deps.clock.today();
    const db = deps.database.db;
    let sent = 0;
    for (const { system, states } of await dueStates(deps, today)) {
      const due: MeasureState[] = [];
      for (const s of states)
        if (s.dueOn <= today && !(await systemsRepo.reminded(db, s.measure.id, s.dueOn))) due.push(s);
      if (due.length === 0) continue;
      const keepers = await deps.appointed('protection_manager', system.unit_id, system.section_id);
      // Once per safeguard and due date (the primary key), even with several servers.
      const wrote = await sendOnce(deps, async (tx) => {
        const at = deps.clock.now().toISOString();
        for (const s of due)
          await systemsRepo.insertReminder(tx, { measure_id: s.measure.id, due_on: s.dueOn, sent_at: at });
        await deps.notifications.notify(tx, keepers, 'system.check_due', {
          data: { number: due.map((s) => s.dueOn).sort()[0]!, path: pagePath(system) },
        });
      });
      if (wrote) sent++;
    }
    if (sent) deps.notifications.flushSoon();
    return sent;
  }
  return { remind, job: dailyJob('facilities-systems-check-due', '0 8 * * *', remind) };
}
