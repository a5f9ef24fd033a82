import type { GapView } from '../../../../shared/api/organisation.ts';
import { systemCtx } from '../../../platform/context.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { movementsRepo } from './movements.repo.ts';
import { gapAt } from '../../organisation/index.ts';

/** Every morning at 08:00 in Tokyo, before the working day (A12(3): media come back when due). */
export const OVERDUE_PATTERN = '0 8 * * *';
export const OVERDUE_NOTIFICATION = 'movement.return_overdue';

/** A compliance gap of the section's 保護管理者: media out past their day (A12(3), A14). */
export type MovementGap = Omit<GapView, 'kind'> & { kind: 'media_return_overdue' };

/** The instant today began in Tokyo (a notification since then was sent today). */
const startOfTokyoDay = (today: string) => new Date(`${today}T00:00:00+09:00`).toISOString();

/**
 * Overdue returns (A12(3)): a medium taken out (or sent out to come back) and not returned by its
 * day is flagged to its holder and to the section's 保護管理者 (and their deputies), at most once a
 * day per movement, in the app and by mail; each flag is an audit event. Lists show it as overdue.
 */
export function createOverdueReturns(h: HandlingContext) {
  const { database, ledger, clock, approvals, notifications } = h;
  const db = database.db;

  /** Flags every overdue movement not yet flagged today; answers how many were flagged. */
  async function flag(): Promise<number> {
    const ctx = systemCtx('movements-overdue');
    const today = clock.today();
    const since = startOfTokyoDay(today);
    const due = await movementsRepo.movements(db, { all: true, overdueBefore: today, limit: 1000 });
    let flagged = 0;
    for (const m of due) {
      if (await movementsRepo.toldSince(db, m.request_id, OVERDUE_NOTIFICATION, since)) continue;
      const managers = await approvals.deciders({
        level: 'protection_manager',
        unit_id: m.unit_id,
        section_id: m.section_id,
        requested_by: '',
      });
      const holder = m.done_by ?? m.requested_by;
      await database.transaction(async (tx) => {
        await notifications.notify(tx, [holder, ...managers], OVERDUE_NOTIFICATION, {
          requestId: m.request_id,
          data: { movementId: m.id, mediumId: m.medium_id, dueBack: m.due_back },
        });
        await ledger.audit(tx, ctx, {
          type: 'handling.return_overdue',
          subjectType: 'HandlingMovement',
          subjectId: m.id,
          unitId: m.unit_id,
          sectionId: m.section_id,
          data: {
            kind: m.kind,
            fileId: m.file_id,
            mediumId: m.medium_id,
            number: m.number,
            dueBack: m.due_back,
          },
        });
      });
      flagged++;
    }
    if (flagged) notifications.flushSoon();
    return flagged;
  }

  /** One gap per section with a medium out past its day (for the organisation's gap report). */
  async function gaps(): Promise<MovementGap[]> {
    const due = await movementsRepo.movements(db, { all: true, overdueBefore: clock.today(), limit: 1000 });
    if (due.length === 0) return [];
    const names = await h.names();
    const bySection = new Map<string, MovementGap>();
    for (const m of due) {
      if (bySection.has(m.section_id)) continue;
      bySection.set(
        m.section_id,
        gapAt(names, {
          kind: 'media_return_overdue',
          role: 'protection_manager',
          scope: 'section',
          unitId: m.unit_id,
          sectionId: m.section_id,
          article: 'A12(3)',
        }),
      );
    }
    return [...bySection.values()];
  }

  const job: Job = {
    name: 'handling.movements-overdue',
    pattern: OVERDUE_PATTERN,
    timezone: 'Asia/Tokyo',
    run: async () => void (await flag()),
  };

  return { flag, gaps, job };
}
