import { sql } from 'kysely';
import type { Executor } from '../../server/platform/db/index.ts';
import type { DatabaseKind } from './databases.ts';

/**
 * Makes the log's table refuse access entries (a full disk, a revoked grant, …), to show that a read
 * whose access record cannot be written is refused (A22-1, fail closed). Returns the undo.
 */
export async function refuseAccessEntries(db: Executor, kind: DatabaseKind): Promise<() => Promise<void>> {
  if (kind === 'sqlite') {
    await sql`create trigger refuse_log before insert on ledger_entries when new.kind = 'access'
      begin select raise(abort, 'disk full'); end`.execute(db);
    return async () => void (await sql`drop trigger refuse_log`.execute(db));
  }
  await sql`create function refuse_log() returns trigger language plpgsql as
    $$ begin if new.kind = 'access' then raise exception 'disk full'; end if; return new; end $$`.execute(db);
  await sql`create trigger refuse_log before insert on ledger_entries for each row execute function refuse_log()`.execute(
    db,
  );
  return async () => void (await sql`drop trigger refuse_log on ledger_entries`.execute(db));
}
