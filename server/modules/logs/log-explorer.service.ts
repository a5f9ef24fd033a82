import type { EntryQuery, LogEntryDetailView, LogEntryPage } from '../../../shared/api/logs.ts';
import { entryQuery } from '../../../shared/api/logs.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { EntryFilter } from '../../platform/ledger/index.ts';
import type { LogsDeps } from './logs.deps.ts';
import { b64, presentEntry } from './logs.presenters.ts';

/**
 * The log explorer (A22): entries newest first, narrowed to what the reader may see — a 保護管理者
 * their sections, a 総括保護管理者 their unit, the 監査責任者 and 総括管理者 everything. An entry
 * outside the reader's scope answers 404 (its existence does not leak).
 */
export function createLogExplorer(deps: LogsDeps) {
  const { database, ledger, authz } = deps;

  /** The reader's scope: null = everything; otherwise the units and sections they may read. */
  function scopeOf(ctx: Ctx): EntryFilter['scope'] | null {
    if (authz.can(ctx, 'read', 'LogEntry', { unitId: '*', sectionId: '*' })) return null;
    if (ctx.actor.kind !== 'person') return null;
    const unitIds: string[] = [];
    const sectionIds: string[] = [];
    for (const held of ctx.actor.roles) {
      if (held.unitId && authz.can(ctx, 'read', 'LogEntry', { unitId: held.unitId, sectionId: '*' }))
        unitIds.push(held.unitId);
      if (held.sectionId && authz.can(ctx, 'read', 'LogEntry', { unitId: '*', sectionId: held.sectionId }))
        sectionIds.push(held.sectionId);
    }
    return { unitIds, sectionIds };
  }

  async function list(ctx: Ctx, raw: EntryQuery): Promise<LogEntryPage> {
    await authz.assertCan(ctx, 'read', 'LogEntry');
    const q = entryQuery.parse(raw);
    const scope = scopeOf(ctx);
    const entries = await ledger.list(database.db, {
      kind: q.kind,
      type: q.type,
      actorId: q.actorId,
      recordId: q.recordId,
      outcome: q.outcome,
      from: q.from,
      to: q.to,
      beforeSeq: q.before,
      limit: q.limit + 1,
      ...(q.unitId ? { unitIds: [q.unitId] } : {}),
      ...(q.sectionId ? { sectionIds: [q.sectionId] } : {}),
      ...(scope ? { scope } : {}),
    });
    const names = await deps.names();
    const page = entries.slice(0, q.limit);
    return {
      items: page.map((e) => presentEntry(e, names)),
      next: entries.length > q.limit ? page[page.length - 1]!.seq : null,
    };
  }

  /** One entry with its details, its canonical bytes and its inclusion proof in the latest checkpoint. */
  async function detail(ctx: Ctx, id: string): Promise<LogEntryDetailView> {
    await authz.assertCan(ctx, 'read', 'LogEntry');
    const found = await ledger.getWithBytes(database.db, id);
    const entry = found?.entry;
    if (!entry || !authz.can(ctx, 'read', 'LogEntry', { unitId: entry.unitId, sectionId: entry.sectionId }))
      throw new AppError('log.entry_not_found');
    return {
      entry: presentEntry(entry, await deps.names()),
      payload: entry.payload,
      entryBytes: b64(found.bytes),
      proof: entry.leafIndex === null ? null : await proofOf(entry.leafIndex),
    };
  }

  /** The inclusion proof in the latest checkpoint; null while no checkpoint covers the leaf yet. */
  async function proofOf(leafIndex: number): Promise<LogEntryDetailView['proof']> {
    try {
      const p = await ledger.proveInclusion(database.db, leafIndex);
      return {
        leafIndex: p.leafIndex,
        treeSize: p.treeSize,
        leafHash: b64(p.leafHash),
        proof: p.proof.map(b64),
        rootHash: b64(p.rootHash),
        checkpoint: p.checkpoint,
      };
    } catch (e) {
      if (isAppError(e) && (e.code === 'log.not_sequenced' || e.code === 'log.checkpoint_not_found'))
        return null;
      throw e;
    }
  }

  return { list, detail };
}
