import type { Ctx } from '../context.ts';
import type { Database, Executor } from '../db/index.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { createAppender, type AppenderHealth } from './appender.ts';
import { entryBytes } from './entry-codec.ts';
import type { EntryInsert } from './ledger.repo.ts';
import { ledgerRepo, type EntryRow } from './ledger.repo.ts';
import { createNoteSigner, parseVerifierKey, type NoteSigner } from './note.ts';
import { createProver, type ProveConsistency, type ProveInclusion } from './proofs.ts';
import { pruneEntries, type PruneResult } from './prune.ts';
import { accessRow, auditRow } from './rows.ts';
import { createSequencer, type SignedCheckpoint } from './sequencer.ts';
import type { AccessEvent, AuditEvent, EntryFilter, LedgerEntry, Outcome } from './types.ts';
import { verifyLog, type VerifyOptions, type VerifyResult } from './verify.ts';

export type { AccessEvent, AuditEvent, EntryFilter, LedgerEntry, Outcome } from './types.ts';
export type { SignedCheckpoint } from './sequencer.ts';
export type { VerifyProblem, VerifyResult } from './verify.ts';
export type { InclusionProof, ConsistencyProof } from './proofs.ts';

/** The state of the log that administrators watch: a failure to write is never silent. */
export interface LedgerHealth {
  writer: AppenderHealth;
  sequencer: { lastRunAt: string | null; lastFailureAt: string | null; lastFailure: string | null };
}

/**
 * The one append-only log (A22): audit events in the caller's transaction, access events by group
 * commit (log before serve, fail closed), a sequencer that builds the RFC 9162 tree and signs
 * checkpoints with an Ed25519 key derived from the installation's secret key (outside the database),
 * proofs, verification and pruning after the retention period.
 */
export interface Ledger {
  /** Appends an audit event in the caller's transaction: the change and its record land together. */
  audit(tx: Executor, ctx: Ctx, event: AuditEvent): Promise<void>;
  /**
   * Appends an access event and resolves once it is durable; call it before the data leaves the
   * server. Throws AppError 'log.unavailable' (503) when the log cannot be written (fail closed).
   */
  access(ctx: Ctx, event: AccessEvent): Promise<void>;
  list(db: Executor, filter?: EntryFilter): Promise<LedgerEntry[]>;
  count(db: Executor, filter?: { type?: string; kind?: string; pending?: boolean }): Promise<number>;
  get(db: Executor, id: string): Promise<LedgerEntry | null>;
  /** The entry at a leaf number of the tree, or null (not yet sequenced or out of range). */
  getAtLeaf(db: Executor, leaf: number): Promise<LedgerEntry | null>;
  /** An entry with its canonical bytes (what its leaf hashes), for anyone to recompute the leaf. */
  getWithBytes(db: Executor, id: string): Promise<{ entry: LedgerEntry; bytes: Buffer } | null>;
  volumeByActor(
    db: Executor,
    filter: EntryFilter,
  ): Promise<Map<string, { entries: number; records: number }>>;
  /** Sequences everything written so far and returns the latest tree size (tests, CLI, shutdown). */
  sequence(): Promise<number>;
  latestCheckpoint(db: Executor): Promise<SignedCheckpoint | null>;
  proveInclusion: ProveInclusion;
  proveConsistency: ProveConsistency;
  /** Verifies the whole log; `verifierKey` checks the checkpoints with a key the caller holds. */
  verify(
    db: Executor,
    opts?: Omit<VerifyOptions, 'verifier' | 'origin'> & { verifierKey?: string },
  ): Promise<VerifyResult>;
  prune(ctx: Ctx, input: { kind: 'audit' | 'access'; before: string }): Promise<PruneResult>;
  /** The verifier key of checkpoints (signed-note form), to publish and to give to witnesses. */
  verifierKey: string;
  origin: string;
  onCheckpoint(listener: (cp: SignedCheckpoint) => void | Promise<void>): void;
  /** Starts sequencing in the background (every intervalMs, and soon after access events). */
  start(opts?: { intervalMs?: number }): void;
  stop(): Promise<void>;
  health(): LedgerHealth;
}

const parse = (text: string): Record<string, unknown> | null => {
  if (text === '') return null;
  return JSON.parse(text) as Record<string, unknown>;
};

export function toEntry(r: EntryRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    id: r.id,
    kind: r.kind as LedgerEntry['kind'],
    type: r.type,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    requestId: r.request_id,
    ip: r.ip,
    terminalId: r.terminal_id,
    unitId: r.unit_id,
    sectionId: r.section_id,
    purpose: r.purpose,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    outcome: r.outcome as Outcome,
    reason: r.reason,
    payload: r.pruned_at ? null : parse(r.payload),
    leafIndex: r.leaf_index === null ? null : Number(r.leaf_index),
    prunedAt: r.pruned_at,
  };
}

/** Entries placed per sequencing transaction: small enough that appends waiting behind it wait briefly. */
const SEQUENCE_BATCH = 2_000;

/** How long after an access event the sequencer runs (entries arriving meanwhile join that pass). */
const NUDGE_MS = 200;

export function createLedger(deps: {
  clock: Clock;
  database: Database;
  /** 32 bytes from outside the database (keys.derive('log-checkpoint')). */
  signingSeed: Buffer;
  origin: string;
  onError?: (error: unknown, where: 'writer' | 'sequencer' | 'listener') => void;
}): Ledger {
  const { clock, database, origin } = deps;
  const signer: NoteSigner = createNoteSigner(origin, deps.signingSeed);
  const verifier = parseVerifierKey(signer.verifierKey);
  const listeners: ((cp: SignedCheckpoint) => void | Promise<void>)[] = [];
  const sequencer = createSequencer({ database, clock, signer, origin });
  const seqHealth: LedgerHealth['sequencer'] = { lastRunAt: null, lastFailureAt: null, lastFailure: null };
  let timer: NodeJS.Timeout | null = null;
  let nudged: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let started = false;

  const appender = createAppender({
    database,
    now: () => clock.now(),
    failure: () => new AppError('log.unavailable'),
    onFailure: (e) => deps.onError?.(e, 'writer'),
    onAppended: () => nudge(),
  });

  /** One sequencing pass (batches until nothing is pending), never two at once in this process. */
  function pass(): Promise<void> {
    running = running.then(async () => {
      try {
        for (;;) {
          const cp = await sequencer.runBatch(SEQUENCE_BATCH);
          seqHealth.lastRunAt = clock.now().toISOString();
          if (!cp) break;
          for (const l of listeners)
            await Promise.resolve(l(cp)).catch((e: unknown) => deps.onError?.(e, 'listener'));
          // Appends waiting to be written go before the next batch: a backlog (after a restart, a
          // burst) is placed in the tree a little later, but no read waits behind more than one
          // batch of sequencing (A22-1, log before serve).
          await new Promise((r) => setImmediate(r));
        }
      } catch (e) {
        seqHealth.lastFailureAt = clock.now().toISOString();
        seqHealth.lastFailure = e instanceof Error ? e.message.slice(0, 300) : 'unknown error';
        deps.onError?.(e, 'sequencer');
      }
    });
    return running;
  }

  /**
   * Entries are placed in the tree a moment after they are written, not at once: a pass signs a
   * checkpoint and syncs it to disk, and under load one pass for all that arrived in the last
   * NUDGE_MS costs far less than one per request (bench/vault-read.ts).
   */
  function nudge() {
    if (!started || nudged) return;
    nudged = setTimeout(() => {
      nudged = null;
      void pass();
    }, NUDGE_MS);
  }

  const ledger: Ledger = {
    async audit(tx, ctx, event) {
      await database.insertRows(tx, 'ledger_entries', [auditRow(ctx, clock.now(), event)]);
    },

    access(ctx, event) {
      let row: EntryInsert;
      try {
        row = accessRow(ctx, clock.now(), event);
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      // Not async: the callers of one batch share its promise (appender.ts); a failed batch rejects
      // with log.unavailable (fail closed).
      return appender.append(row);
    },

    list: async (db, filter = {}) => (await ledgerRepo.list(db, filter)).map(toEntry),
    count: (db, filter = {}) => ledgerRepo.count(db, filter),
    async get(db, id) {
      const row = await ledgerRepo.entryById(db, id);
      return row ? toEntry(row) : null;
    },
    async getAtLeaf(db, leaf) {
      const row = await ledgerRepo.entryByLeaf(db, leaf);
      return row ? toEntry(row) : null;
    },
    async getWithBytes(db, id) {
      const row = await ledgerRepo.entryById(db, id);
      return row ? { entry: toEntry(row), bytes: entryBytes(row) } : null;
    },
    async volumeByActor(db, filter) {
      const rows = await ledgerRepo.volumeByActor(db, filter);
      return new Map(
        rows.map((r) => [r.actor_id!, { entries: Number(r.entries), records: Number(r.records) }]),
      );
    },

    async sequence() {
      await appender.idle();
      for (let i = 0; i < 100; i++) {
        await pass();
        if ((await ledgerRepo.count(database.db, { pending: true })) === 0) break;
        await new Promise((r) => setTimeout(r, 50)); // another server holds the sequencer: wait for it
      }
      const latest = await ledgerRepo.latestCheckpoint(database.db);
      return latest ? Number(latest.tree_size) : 0;
    },

    async latestCheckpoint(db) {
      const row = await ledgerRepo.latestCheckpoint(db);
      if (!row) return null;
      return {
        origin,
        treeSize: Number(row.tree_size),
        rootHash: row.root_hash,
        issuedAt: row.issued_at,
        note: row.note,
      };
    },
    ...createProver(),
    verify: (db, { verifierKey, ...opts } = {}) =>
      verifyLog(db, { ...opts, verifier: verifierKey ? parseVerifierKey(verifierKey) : verifier, origin }),
    prune: (ctx, input) =>
      pruneEntries({ database, clock, ctx, ...input, audit: (tx, c, e) => ledger.audit(tx, c, e) }),
    verifierKey: signer.verifierKey,
    origin,
    onCheckpoint: (l) => void listeners.push(l),
    start(opts = {}) {
      if (started) return;
      started = true;
      const interval = opts.intervalMs ?? 1000;
      const tick = () => {
        void pass().finally(() => {
          if (started) timer = setTimeout(tick, interval);
        });
      };
      tick();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      if (nudged) clearTimeout(nudged);
      timer = null;
      nudged = null;
      await appender.idle();
      await running;
    },
    health: () => ({ writer: appender.health(), sequencer: { ...seqHealth } }),
  };
  return ledger;
}
