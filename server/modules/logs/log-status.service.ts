import type {
  LogStatusView,
  PruneResultView,
  RetentionView,
  VerificationView,
} from '../../../shared/api/logs.ts';
import { retentionInput } from '../../../shared/api/logs.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { LogsDeps } from './logs.deps.ts';
import { logsRepo } from './logs.repo.ts';
import { b64 } from './logs.presenters.ts';

const RETENTION_KEY = 'log.retention';
const VERIFICATION_KEY = 'log.last_verification';
/** A22-1 「一定の期間」: by default access records keep their details 5 years, audit events 10. */
export const DEFAULT_RETENTION: RetentionView = { accessDays: 1825, auditDays: 3650 };
const DAY = 86_400_000;

/**
 * The state of the log for those who watch it (A22-2): the latest signed checkpoint and its public
 * key, entries waiting for the sequencer, writer and sequencer failures, witnesses, retention
 * (A22-1) and the last verification; verification on demand; pruning after the retention period.
 */
export function createLogStatus(deps: LogsDeps) {
  const { database, ledger, authz, clock } = deps;

  const retention = async (): Promise<RetentionView> =>
    (await logsRepo.getSetting<RetentionView>(database.db, RETENTION_KEY)) ?? DEFAULT_RETENTION;

  async function status(ctx: Ctx): Promise<LogStatusView> {
    await authz.assertCan(ctx, 'read', 'LogStatus');
    const latest = await ledger.latestCheckpoint(database.db);
    const [pending, witnesses, kept, last] = await Promise.all([
      ledger.count(database.db, { pending: true }),
      deps.witnessStatus(latest?.treeSize ?? 0),
      retention(),
      logsRepo.getSetting<VerificationView>(database.db, VERIFICATION_KEY),
    ]);
    const health = ledger.health();
    return {
      origin: ledger.origin,
      verifierKey: ledger.verifierKey,
      latest: latest
        ? {
            treeSize: latest.treeSize,
            rootHash: b64(latest.rootHash),
            issuedAt: latest.issuedAt,
            note: latest.note,
          }
        : null,
      pending,
      writer: { failing: health.writer.failing, lastFailureAt: health.writer.lastFailureAt },
      sequencer: { lastRunAt: health.sequencer.lastRunAt, lastFailureAt: health.sequencer.lastFailureAt },
      witnesses,
      retention: kept,
      lastVerification: last,
    };
  }

  /** Recomputes the whole log now (A22-2); the result is kept for the status page and audited. */
  async function verify(ctx: Ctx): Promise<VerificationView> {
    await authz.assertCan(ctx, 'verify', 'LogStatus');
    const started = Date.now();
    const result = await ledger.verify(database.db);
    const view: VerificationView = {
      at: clock.now().toISOString(),
      ok: result.ok,
      treeSize: result.treeSize,
      leavesChecked: result.leavesChecked,
      checkpointsChecked: result.checkpointsChecked,
      pending: result.pending,
      problems: result.problems.slice(0, 20).map((p) => ({ kind: p.kind, message: p.message })),
      seconds: (Date.now() - started) / 1000,
    };
    await database.transaction(async (tx) => {
      await logsRepo.putSetting(tx, VERIFICATION_KEY, view, view.at);
      await ledger.audit(tx, ctx, {
        type: 'log.verified',
        subjectType: 'log',
        subjectId: null,
        outcome: result.ok ? 'ok' : 'error',
        data: { ok: result.ok, treeSize: result.treeSize, problems: result.problems.length },
      });
    });
    return view;
  }

  /** Sets how long entries keep their details (A22-1); audited with before and after. */
  async function setRetention(ctx: Ctx, raw: unknown): Promise<RetentionView> {
    await authz.assertCan(ctx, 'update', 'LogRetention');
    const parsed = retentionInput.safeParse(raw);
    if (!parsed.success) throw new AppError('request.invalid');
    const before = await retention();
    const now = clock.now().toISOString();
    await database.transaction(async (tx) => {
      await logsRepo.putSetting(tx, RETENTION_KEY, parsed.data, now);
      await ledger.audit(tx, ctx, {
        type: 'log.retention_changed',
        subjectType: 'log',
        subjectId: null,
        before,
        after: parsed.data,
      });
    });
    return parsed.data;
  }

  /**
   * Prunes the details of entries older than their retention period (A22-1); leaf hashes stay, so
   * every checkpoint still verifies. Run daily by the job, or now by the システム管理者.
   */
  async function prune(ctx: Ctx): Promise<PruneResultView> {
    await authz.assertCan(ctx, 'prune', 'LogStatus');
    const kept = await retention();
    const now = clock.now().getTime();
    const accessBefore = new Date(now - kept.accessDays * DAY).toISOString();
    const auditBefore = new Date(now - kept.auditDays * DAY).toISOString();
    const access = await ledger.prune(ctx, { kind: 'access', before: accessBefore });
    const audit = await ledger.prune(ctx, { kind: 'audit', before: auditBefore });
    return {
      access: { before: accessBefore, pruned: access.pruned },
      audit: { before: auditBefore, pruned: audit.pruned },
    };
  }

  /** A consistency proof between two checkpoints, for the readers of the status page (A22-2). */
  async function consistency(ctx: Ctx, from: number, to?: number) {
    await authz.assertCan(ctx, 'read', 'LogStatus');
    return ledger.proveConsistency(database.db, from, to);
  }

  return { status, verify, setRetention, prune, retention, consistency };
}
