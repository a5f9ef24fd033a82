import type { Clock } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { Database, Executor } from '../db/index.ts';
import { payloadDigest } from './entry-codec.ts';
import type { AuditEvent } from './types.ts';

export interface PruneResult {
  kind: 'audit' | 'access';
  before: string;
  pruned: number;
}

/**
 * Retention (A22-1): empties the payloads of the entries of one kind that occurred before `before`,
 * keeping each payload's SHA-256 so that its leaf — and every checkpoint — still verifies, and drops
 * them from the record index. The pruning is itself an audit event (`log.pruned`, with the kind and
 * the cut-off), in the same transaction; verification refuses emptied entries that no such event
 * covers. Only entries already in the tree are pruned.
 */
export async function pruneEntries(deps: {
  database: Database;
  clock: Clock;
  ctx: Ctx;
  kind: 'audit' | 'access';
  before: string;
  audit: (tx: Executor, ctx: Ctx, e: AuditEvent) => Promise<void>;
}): Promise<PruneResult> {
  const { kind, before } = deps;
  const now = deps.clock.now().toISOString();
  return deps.database.transaction(async (tx) => {
    let pruned = 0;
    for (;;) {
      const rows = await tx
        .selectFrom('ledger_entries')
        .select(['seq', 'payload'])
        .where('kind', '=', kind)
        .where('occurred_at', '<', before)
        .where('pruned_at', 'is', null)
        .where('leaf_index', 'is not', null)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows)
        await tx
          .updateTable('ledger_entries')
          .set({ payload: '', payload_digest: payloadDigest(r.payload), pruned_at: now })
          .where('seq', '=', r.seq)
          .execute();
      await tx
        .deleteFrom('ledger_record_refs')
        .where(
          'entry_seq',
          'in',
          rows.map((r) => r.seq),
        )
        .execute();
      pruned += rows.length;
    }
    await deps.audit(tx, deps.ctx, {
      type: 'log.pruned',
      subjectType: 'log',
      subjectId: null,
      data: { kind, before, pruned },
    });
    return { kind, before, pruned };
  });
}
