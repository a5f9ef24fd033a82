import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import { gapAt } from '../../organisation/index.ts';
import { daysBetween } from './periods.ts';
import type { RequestsBase } from './requests.core.ts';
import { requestsRepo, type RequestRow } from './requests.repo.ts';

/** The deadline runs (法83, 法94, 法102): received or being approved; 補正中 has no due date. */
const RUNNING = ['received', 'deciding'] as const;

const ARTICLES: Record<string, string> = {
  disclosure: 'law-83',
  correction: 'law-94',
  suspension: 'law-102',
};

/** Open, undecided requests with their days left (negative: overdue), read on `today`. */
async function running(base: RequestsBase): Promise<{ row: RequestRow; left: number }[]> {
  const today = base.today();
  return (await requestsRepo.byStatus(base.db, RUNNING))
    .filter((row) => row.due_on !== null)
    .map((row) => ({ row, left: daysBetween(today, row.due_on as string) }));
}

/**
 * 法83 (法94, 法102): a request past its due date and not decided is a gap (request_overdue) on the
 * unit's 総括保護管理者, who approves the decision, with the request's page; the label is its number.
 */
export function createRequestGaps(base: RequestsBase) {
  return async (): Promise<GapView[]> => {
    const overdue = (await running(base)).filter((r) => r.left < 0);
    if (overdue.length === 0) return [];
    const names = await base.deps.names();
    return overdue.map(({ row }) =>
      gapAt(names, {
        kind: 'request_overdue',
        role: 'chief_protection_manager',
        scope: 'unit',
        unitId: row.unit_id,
        sectionId: row.section_id,
        article: ARTICLES[row.kind] ?? 'law-83',
        path: `/requests/${row.id}`,
        label: row.number,
      }),
    );
  };
}

const isDuplicate = (e: unknown) => /unique|duplicate|primary/i.test(String((e as Error).message));

/**
 * Every morning at 08:20 (Tokyo) the handlers of each running request are told once when it is
 * within remindDays of its due date (request.due_soon) and once when it is past it
 * (request.overdue) — once per request, kind and due date (the reminders table's primary key, so
 * two servers never tell twice; a new due date after an extension is told again).
 */
export function createRequestReminders(base: RequestsBase) {
  const { deps } = base;
  async function remind(): Promise<number> {
    let sent = 0;
    const candidates = (await running(base))
      .map(({ row, left }) => ({
        row,
        kind: left < 0 ? 'overdue' : left <= deps.config.remindDays ? 'due_soon' : null,
      }))
      .filter((c): c is { row: RequestRow; kind: 'overdue' | 'due_soon' } => c.kind !== null);
    const told = await requestsRepo.reminders(
      base.db,
      candidates.map((c) => c.row.id),
    );
    for (const { row, kind } of candidates) {
      const dueOn = row.due_on as string;
      if (told.some((t) => t.request_id === row.id && t.kind === kind && t.due_on === dueOn)) continue;
      const handlers = await base.handlersOf(row);
      const write = async (tx: Tx) => {
        await requestsRepo.insertReminder(tx, {
          request_id: row.id,
          kind,
          due_on: dueOn,
          sent_at: base.now(),
        });
        await deps.notifications.notify(tx, handlers, `request.${kind}`, {
          data: { number: row.number, path: `/requests/${row.id}` },
        });
      };
      try {
        await deps.database.transaction(write);
        sent++;
      } catch (e) {
        if (!isDuplicate(e)) throw e;
      }
    }
    if (sent) deps.notifications.flushSoon();
    return sent;
  }
  const job: Job = {
    name: 'requests-due-reminders',
    pattern: '20 8 * * *',
    timezone: 'Asia/Tokyo',
    run: async () => void (await remind()),
  };
  return { remind, job };
}
