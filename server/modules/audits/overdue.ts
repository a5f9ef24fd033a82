import type { GapView } from '../../../shared/api/organisation.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { gapAt } from '../organisation/index.ts';
import type { AuditsDeps } from './audits.deps.ts';
import { unitIdsOf } from './audits.core.ts';
import { auditsRepo, type AuditRow } from './audits.repo.ts';
import { findingPath } from './findings.ts';

/** Every morning at 08:10 in Tokyo. */
export const OVERDUE_PATTERN = '10 8 * * *';

/**
 * Overdue corrective actions (A36): each open finding past its due date is a gap
 * (audit_finding_overdue) on the 総括保護管理者 of every unit in the audit's scope, and its owner is
 * told once (audit.finding_overdue) by the daily job.
 */
export function createOverdue(deps: AuditsDeps) {
  const { database, clock } = deps;
  const db = database.db;

  async function overdue() {
    const today = clock.today();
    const late = (await auditsRepo.openFindings(db)).filter((f) => f.due < today);
    const audits = new Map<string, AuditRow>();
    for (const f of late)
      if (!audits.has(f.audit_id)) audits.set(f.audit_id, (await auditsRepo.get(db, f.audit_id))!);
    return { today, late, audits };
  }

  async function gaps(): Promise<GapView[]> {
    const { late, audits } = await overdue();
    if (late.length === 0) return [];
    const names = await deps.names();
    const all = (await deps.structure()).units.map((u) => u.id);
    const seen = new Set<string>();
    const out: GapView[] = [];
    for (const f of late) {
      const row = audits.get(f.audit_id)!;
      for (const unitId of unitIdsOf(row) ?? all) {
        // One gap per audit and unit, however many of its actions are late.
        if (seen.has(`${row.id} ${unitId}`)) continue;
        seen.add(`${row.id} ${unitId}`);
        out.push(
          gapAt(names, {
            kind: 'audit_finding_overdue',
            role: 'chief_protection_manager',
            scope: 'unit',
            unitId,
            sectionId: null,
            article: 'A36',
            path: `/audits/${row.id}`,
            label: `${row.number} ${row.title}`,
          }),
        );
      }
    }
    return out;
  }

  /** Tells each owner of an overdue action once; answers how many were told. */
  async function remind(): Promise<number> {
    const { today, late, audits } = await overdue();
    let sent = 0;
    for (const f of late.filter((x) => x.overdue_notified_on === null)) {
      const row = audits.get(f.audit_id)!;
      await database.transaction(async (tx) => {
        const r = await tx
          .updateTable('audit_findings')
          .set({ overdue_notified_on: today })
          .where('id', '=', f.id)
          .where('overdue_notified_on', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return;
        await deps.notifications.notify(tx, [f.owner_id], 'audit.finding_overdue', {
          data: { number: row.number, path: findingPath(row.id, f.id) },
        });
        sent++;
      });
    }
    if (sent) deps.notifications.flushSoon();
    return sent;
  }

  const job: Job = {
    name: 'audits-overdue',
    pattern: OVERDUE_PATTERN,
    timezone: 'Asia/Tokyo',
    run: async () => void (await remind()),
  };
  return { gaps, remind, job };
}
