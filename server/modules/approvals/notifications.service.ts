import type { NotificationView } from '../../../shared/api/approvals.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import type { ApprovalsDeps } from './approvals.deps.ts';
import { mailBody, mailSubject } from './notification-texts.ts';

const MAIL_BATCH = 100;

/**
 * What a notification is about and where the app shows it: its approval request, or — for other
 * modules' notices (an incident, issue 8) — the `path` and `number` its data carries.
 */
function aboutOf(n: { request_id: string | null; number: string | null; data: string }) {
  const data = JSON.parse(n.data) as Record<string, unknown>;
  const path = typeof data.path === 'string' && data.path.startsWith('/') ? data.path : null;
  const number = n.number ?? (typeof data.number === 'string' ? data.number : null);
  return { path: path ?? `/approvals${n.request_id ? `/${n.request_id}` : ''}`, number };
}

/**
 * The in-app inbox and its mail (issue 7 "Notifications"; ADR 0008 §4). A notification is written in
 * the transaction of what it tells of, so nobody is told of a step that did not land; mail is sent
 * after the commit, and whatever could not be sent is retried by the job (mailed_at stays null).
 */
export function createNotifications(deps: ApprovalsDeps) {
  const { database, clock, mailer } = deps;
  const db = database.db;

  /** Tells people of something (in the caller's transaction). Data: numbers and codes only. */
  async function notify(
    tx: Executor,
    personIds: Iterable<string>,
    kind: string,
    about: { requestId?: string | null; data?: Record<string, string | number | boolean | null> } = {},
  ) {
    const rows = [...new Set(personIds)].map((personId) => ({
      id: newTimeOrderedId(),
      person_id: personId,
      request_id: about.requestId ?? null,
      kind,
      data: JSON.stringify(about.data ?? {}),
      created_at: clock.now().toISOString(),
      read_at: null,
      mailed_at: null,
    }));
    if (rows.length) await tx.insertInto('notifications').values(rows).execute();
  }

  /**
   * Sends mail for notifications not yet mailed. Without SMTP it does nothing (the in-app inbox
   * still holds them). A person without an address is marked done; a failure stays for the next try.
   */
  let running: Promise<{ sent: number; failed: number }> = Promise.resolve({ sent: 0, failed: 0 });
  /** One flush at a time in this process: a later call waits for the one running, then runs. */
  function flush(): Promise<{ sent: number; failed: number }> {
    const next = running.catch(() => undefined).then(flushOnce);
    running = next;
    return next;
  }

  async function flushOnce(): Promise<{ sent: number; failed: number }> {
    if (!mailer.configured) return { sent: 0, failed: 0 };
    const rows = await db
      .selectFrom('notifications as n')
      .leftJoin('approval_requests as r', 'r.id', 'n.request_id')
      .select([
        'n.id',
        'n.person_id',
        'n.kind',
        'n.request_id',
        'n.data',
        'r.number',
        'r.kind as request_kind',
      ])
      .where('n.mailed_at', 'is', null)
      .orderBy('n.id')
      .limit(MAIL_BATCH)
      .execute();
    let sent = 0;
    let failed = 0;
    for (const n of rows) {
      // Claimed before it is sent, so that another server's job does not mail it too; released
      // (mailed_at back to null) if the sending fails, for the next try.
      const claimed = await db
        .updateTable('notifications')
        .set({ mailed_at: clock.now().toISOString() })
        .where('id', '=', n.id)
        .where('mailed_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const person = await deps.person(n.person_id);
      if (!person?.email || !person.active) continue;
      const about = aboutOf(n);
      const link = `${deps.publicOrigin}${about.path}`;
      try {
        await mailer.send({
          to: [person.email],
          subject: mailSubject(n.kind, about.number, n.request_kind),
          text: mailBody(n.kind, about.number, link),
        });
        sent++;
      } catch {
        failed++;
        await db.updateTable('notifications').set({ mailed_at: null }).where('id', '=', n.id).execute();
      }
    }
    return { sent, failed };
  }

  /** Mail in the background after a commit; the job retries what fails. */
  const flushSoon = () => void flush().catch(() => undefined);

  async function list(ctx: Ctx, opts: { unreadOnly?: boolean } = {}): Promise<NotificationView[]> {
    const personId = actorPersonId(ctx);
    if (!personId) throw new AppError('auth.required');
    let q = db
      .selectFrom('notifications as n')
      .leftJoin('approval_requests as r', 'r.id', 'n.request_id')
      .select(['n.id', 'n.kind', 'n.request_id', 'n.data', 'n.created_at', 'n.read_at', 'r.number'])
      .where('n.person_id', '=', personId);
    if (opts.unreadOnly) q = q.where('n.read_at', 'is', null);
    const rows = await q.orderBy('n.id', 'desc').limit(100).execute();
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      requestId: n.request_id,
      number: aboutOf(n).number,
      path: aboutOf(n).path,
      data: JSON.parse(n.data) as Record<string, unknown>,
      createdAt: n.created_at,
      readAt: n.read_at,
    }));
  }

  async function unread(personId: string): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks the caller's notifications read: the ids given, or all. */
  async function markRead(ctx: Ctx, ids: string[] | null) {
    const personId = actorPersonId(ctx);
    if (!personId) throw new AppError('auth.required');
    let q = db
      .updateTable('notifications')
      .set({ read_at: clock.now().toISOString() })
      .where('person_id', '=', personId)
      .where('read_at', 'is', null);
    if (ids) q = ids.length ? q.where('id', 'in', ids) : q.where((eb) => eb.lit(false));
    await q.execute();
  }

  return { notify, flush, flushSoon, list, unread, markRead };
}

export type Notifications = ReturnType<typeof createNotifications>;
