/**
 * A22-2: whoever edits the database directly — an entry's columns, a leaf hash, a tree node, a
 * checkpoint, the record index — is caught by verification, and verification says where: the entry
 * (id and leaf number), the tree node covering the changed leaf, or the checkpoint (tree size).
 * Property tests over random logs (audit and access events, sequenced in several batches so there are
 * several checkpoints) and random tampering, on SQLite and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../context.ts';
import type { Clock } from '../clock.ts';
import type { Executor } from '../db/index.ts';
import { newId } from '../ids.ts';
import { closeTestDatabase, databases } from '../../../tests/support/databases.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { CONTENT_COLUMNS as CODEC_CONTENT, entryLeafHash, payloadDigest } from './entry-codec.ts';
import type { VerifyProblem, VerifyResult } from './verify.ts';

/** A clock that moves one second per reading, so entries differ in time too. */
function steppingClock(startIso: string): Clock {
  let t = Date.parse(startIso);
  return {
    now: () => new Date((t += 1000)),
    today: () => new Date(t).toISOString().slice(0, 10),
  };
}

const ctxs: Ctx[] = [
  { ...systemCtx('batch'), ip: null, requestId: null },
  { ...systemCtx('web'), ip: '192.0.2.7', requestId: 'req-1', terminal: 'term-1' },
  {
    actor: {
      kind: 'person',
      personId: 'p-0001',
      label: 'staff 1',
      roles: [],
      unitId: 'u-1',
      sectionId: 's-1',
    },
    requestId: 'req-2',
    ip: '2001:db8::1',
    terminal: null,
  },
];

type LogEvent =
  | {
      kind: 'audit';
      ctx: number;
      subjectId: string | null;
      outcome: 'ok' | 'denied' | 'error';
      unit: boolean;
    }
  | {
      kind: 'access';
      ctx: number;
      records: string[];
      outcome: 'ok' | 'denied' | 'error';
      purpose: string | null;
      reason: string | null;
      unit: boolean;
    };

const outcomeArb = fc.constantFrom('ok' as const, 'denied' as const, 'error' as const);
const eventArb: fc.Arbitrary<LogEvent> = fc.oneof(
  fc.record({
    kind: fc.constant('audit' as const),
    ctx: fc.nat({ max: ctxs.length - 1 }),
    subjectId: fc.option(fc.constantFrom('s-1', 's-2', 's-3'), { nil: null }),
    outcome: outcomeArb,
    unit: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('access' as const),
    ctx: fc.nat({ max: ctxs.length - 1 }),
    records: fc.uniqueArray(fc.constantFrom('r-1', 'r-2', 'r-3', 'r-4', 'r-5'), { maxLength: 3 }),
    outcome: outcomeArb,
    purpose: fc.option(fc.constantFrom('事務', 'testing'), { nil: null }),
    reason: fc.option(fc.constant('why'), { nil: null }),
    unit: fc.boolean(),
  }),
);
/** An access event that names records, so that every log has record-index rows to tamper with. */
const namedAccess: LogEvent = {
  kind: 'access',
  ctx: 0,
  records: ['r-1', 'r-2'],
  outcome: 'ok',
  purpose: null,
  reason: null,
  unit: false,
};

/** 1–80 entries in 1–5 batches, each batch sequenced (one checkpoint per batch); the first names records. */
const logArb = fc
  .array(fc.array(eventArb, { minLength: 1, maxLength: 16 }), { minLength: 1, maxLength: 5 })
  .filter((batches) => batches.flat().length <= 79)
  .map((batches) => [[namedAccess, ...batches[0]!], ...batches.slice(1)]);

/** Every column the leaf hash covers (entry-codec.ts), with a value different from any generated one. */
const CONTENT_COLUMNS = CODEC_CONTENT.filter((c) => c !== 'id');
type ContentColumn = Exclude<(typeof CODEC_CONTENT)[number], 'id'>;

/** One kind of tampering per test; the numbers choose the entry, node or checkpoint it hits. */
const TAMPERINGS = [
  'edit',
  'delete',
  'swap',
  'insert-middle',
  'insert-end',
  'edit-leaf-hash',
  'edit-node',
  'delete-node',
  'edit-checkpoint',
  'delete-latest-checkpoint',
  'prune-unrecorded',
  'delete-record-ref',
  'add-record-ref',
] as const;
type TamperKind = (typeof TAMPERINGS)[number];
const CHECKPOINT_EDITS = ['root_hash', 'tree_size', 'issued_at', 'note', 'note-replayed'] as const;

interface Tamper {
  op: TamperKind;
  at: number;
  other: number;
  /** For 'edit': the column (all of them, one after the other); for 'edit-checkpoint': what changes. */
  variant?: string;
}

/** The sub-cases of one tampering kind, applied one after the other (each undone before the next). */
const variantsOf = (op: TamperKind): readonly (string | undefined)[] =>
  op === 'edit' ? [...CONTENT_COLUMNS, 'id'] : op === 'edit-checkpoint' ? CHECKPOINT_EDITS : [undefined];

const nat = fc.nat({ max: 1_000_000 });
const tamperArb = (op: TamperKind): fc.Arbitrary<Tamper> =>
  fc.record({ op: fc.constant(op), at: nat, other: nat });

/** What a run of the property built: the entries in leaf order and the checkpoint sizes. */
interface Built {
  leaves: { seq: number; id: string; kind: string; payload: string }[];
  checkpoints: number[];
}

/** What verification must say: a predicate on the first problem, and one some problem must meet. */
interface Expected {
  first: (p: VerifyProblem) => boolean;
  some?: (p: VerifyProblem) => boolean;
  describe: string;
  /** Puts back what was changed (sub-cases share one database). */
  restore?: () => Promise<void>;
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

const isEntry = (kind: VerifyProblem['kind'], id: string, leaf: number) => (p: VerifyProblem) =>
  p.kind === kind && p.entryId === id && p.leafIndex === leaf;
const coversLeaf = (leaf: number) => (p: VerifyProblem) =>
  p.kind === 'node_altered' && p.node !== undefined && p.node.firstLeaf <= leaf && leaf <= p.node.lastLeaf;

/** The first checkpoint whose tree contains the leaf: the first signed root a change to it breaks. */
const firstCheckpointOver = (built: Built, leaf: number) => built.checkpoints.find((s) => s > leaf)!;

/** A different value for a column of an entry (still valid for the column's type and length). */
function alteredValue(column: ContentColumn, row: Record<string, unknown>): string {
  switch (column) {
    case 'kind':
      return row.kind === 'audit' ? 'access' : 'audit';
    case 'outcome':
      return row.outcome === 'ok' ? 'denied' : 'ok';
    case 'occurred_at':
      return '2020-01-01T00:00:00.000Z';
    case 'payload':
      return JSON.stringify({ records: ['r-9'], tampered: true });
    default:
      return `x-${column}`.slice(0, 30);
  }
}

/** Shifts leaf numbers ≥ from by delta without tripping the unique index (through negative numbers). */
async function shiftLeaves(db: Executor, from: number, delta: number) {
  await sql`update ledger_entries set leaf_index = -(leaf_index + 1) where leaf_index >= ${from}`.execute(db);
  await sql`update ledger_entries set leaf_index = (-leaf_index) - 1 + ${delta} where leaf_index < 0`.execute(
    db,
  );
}

function forgedEntry(leafIndex: number) {
  const row = {
    id: newId(),
    kind: 'access',
    type: 'test.read',
    occurred_at: '2026-11-30T00:30:30.000Z',
    actor_id: 'p-0001',
    actor_label: 'staff 1',
    request_id: 'req-forged',
    ip: '192.0.2.99',
    terminal_id: null,
    unit_id: null,
    section_id: null,
    purpose: 'testing',
    subject_type: 'file',
    subject_id: 'f-1',
    outcome: 'ok',
    reason: null,
    payload: JSON.stringify({ records: [], fields: null, myNumber: false }),
    payload_digest: null,
    pruned_at: null,
  };
  // Consistent on its own: the leaf hash is what the sequencer would have computed.
  return { ...row, leaf_index: leafIndex, leaf_hash: entryLeafHash(row) };
}

/** Applies the tampering directly in the database and returns what verification must report. */
async function tamper(db: Executor, built: Built, t: Tamper): Promise<Expected | null> {
  const n = built.leaves.length;
  const entry = (i: number) => built.leaves[i]!;
  switch (t.op) {
    case 'edit': {
      const i = t.at % n;
      const column = t.variant as ContentColumn | 'id';
      const row = await db
        .selectFrom('ledger_entries')
        .selectAll()
        .where('id', '=', entry(i).id)
        .executeTakeFirstOrThrow();
      const value = column === 'id' ? newId() : alteredValue(column, row);
      await db
        .updateTable('ledger_entries')
        .set({ [column]: value })
        .where('seq', '=', entry(i).seq)
        .execute();
      return {
        first: isEntry('entry_altered', column === 'id' ? value : entry(i).id, i),
        describe: `entry_altered at leaf ${i}`,
        restore: async () => {
          await db
            .updateTable('ledger_entries')
            .set({ [column]: row[column] })
            .where('seq', '=', entry(i).seq)
            .execute();
        },
      };
    }
    case 'delete': {
      const i = t.at % n;
      await db.deleteFrom('ledger_entries').where('id', '=', entry(i).id).execute();
      return {
        first: (p) => p.kind === 'leaf_missing' && p.leafIndex === i,
        describe: `leaf_missing at leaf ${i}`,
      };
    }
    case 'swap': {
      if (n < 2) return null;
      const a = t.at % n;
      let b = t.other % n;
      if (b === a) b = (a + 1) % n;
      const [i, j] = a < b ? [a, b] : [b, a];
      const set = (id: string, leaf: number) =>
        db.updateTable('ledger_entries').set({ leaf_index: leaf }).where('id', '=', id).execute();
      await set(entry(i).id, -1);
      await set(entry(j).id, i);
      await set(entry(i).id, j);
      const cp = firstCheckpointOver(built, i);
      return {
        first: (p) => p.kind === 'checkpoint_root' && p.treeSize === cp,
        // The level-1 node over leaf i exists once its pair is complete.
        some: (i | 1) < n ? coversLeaf(i) : undefined,
        describe: `checkpoint_root at ${cp}, node over leaf ${i}`,
      };
    }
    case 'insert-middle': {
      const i = t.at % n;
      await shiftLeaves(db, i, 1);
      await db.insertInto('ledger_entries').values(forgedEntry(i)).execute();
      const cp = firstCheckpointOver(built, i);
      return {
        first: (p) => p.kind === 'checkpoint_root' && p.treeSize === cp,
        some: (p) => coversLeaf(i)(p) || p.kind === 'leaf_beyond_checkpoint',
        describe: `checkpoint_root at ${cp}`,
      };
    }
    case 'insert-end': {
      const forged = forgedEntry(n);
      await db.insertInto('ledger_entries').values(forged).execute();
      return {
        first: isEntry('leaf_beyond_checkpoint', forged.id, n),
        describe: `leaf_beyond_checkpoint at leaf ${n}`,
      };
    }
    case 'edit-leaf-hash': {
      const i = t.at % n;
      await db
        .updateTable('ledger_entries')
        .set({ leaf_hash: randomBytes(32) })
        .where('id', '=', entry(i).id)
        .execute();
      return { first: isEntry('entry_altered', entry(i).id, i), describe: `entry_altered at leaf ${i}` };
    }
    case 'edit-node':
    case 'delete-node': {
      const nodes = await db
        .selectFrom('ledger_nodes')
        .select(['level', 'idx'])
        .orderBy('level')
        .orderBy('idx')
        .execute();
      if (nodes.length === 0) return null;
      const node = pick(nodes, t.at);
      const where = db
        .updateTable('ledger_nodes')
        .where('level', '=', node.level)
        .where('idx', '=', Number(node.idx));
      if (t.op === 'edit-node') await where.set({ hash: randomBytes(32) }).execute();
      else
        await db
          .deleteFrom('ledger_nodes')
          .where('level', '=', node.level)
          .where('idx', '=', Number(node.idx))
          .execute();
      return {
        first: (p) =>
          p.kind === 'node_altered' &&
          p.node?.level === Number(node.level) &&
          p.node.index === Number(node.idx),
        describe: `node_altered ${node.level}:${node.idx}`,
      };
    }
    case 'edit-checkpoint': {
      const size = pick(built.checkpoints, t.at);
      const saved = await db
        .selectFrom('ledger_checkpoints')
        .selectAll()
        .where('tree_size', '=', size)
        .executeTakeFirstOrThrow();
      const where = db.updateTable('ledger_checkpoints').where('tree_size', '=', size);
      let stored = size;
      switch (t.variant as (typeof CHECKPOINT_EDITS)[number]) {
        case 'root_hash':
          await where.set({ root_hash: randomBytes(32) }).execute();
          break;
        case 'tree_size':
          stored = size + 1000;
          await where.set({ tree_size: stored }).execute();
          break;
        case 'issued_at':
          await where.set({ issued_at: '2020-01-01T00:00:00.000Z' }).execute();
          break;
        case 'note': {
          // Flip one character of the signed body (its root hash line).
          const lines = saved.note.split('\n');
          const h = lines[2]!;
          lines[2] = (h[0] === 'A' ? 'B' : 'A') + h.slice(1);
          await where.set({ note: lines.join('\n') }).execute();
          break;
        }
        case 'note-replayed': {
          // A genuine signed note, but of another checkpoint.
          if (built.checkpoints.length < 2) return null;
          const other = built.checkpoints.find((s) => s !== size)!;
          const row = await db
            .selectFrom('ledger_checkpoints')
            .select('note')
            .where('tree_size', '=', other)
            .executeTakeFirstOrThrow();
          await where.set({ note: row.note }).execute();
          break;
        }
      }
      return {
        first: (p) => p.kind === 'checkpoint_signature' && p.treeSize === stored,
        describe: `checkpoint_signature at ${stored}`,
        restore: async () => {
          await db.deleteFrom('ledger_checkpoints').where('tree_size', 'in', [size, stored]).execute();
          await db.insertInto('ledger_checkpoints').values(saved).execute();
        },
      };
    }
    case 'delete-latest-checkpoint': {
      await db.deleteFrom('ledger_checkpoints').where('tree_size', '=', n).execute();
      const previous = built.checkpoints.length > 1 ? built.checkpoints[built.checkpoints.length - 2]! : 0;
      return {
        first: isEntry('leaf_beyond_checkpoint', entry(previous).id, previous),
        describe: `leaf_beyond_checkpoint at leaf ${previous}`,
      };
    }
    case 'prune-unrecorded': {
      const i = t.at % n;
      // What pruning does (prune.ts), but without the log.pruned record that allows it.
      await db
        .updateTable('ledger_entries')
        .set({
          payload: '',
          payload_digest: payloadDigest(entry(i).payload),
          pruned_at: '2026-12-01T00:00:00.000Z',
        })
        .where('id', '=', entry(i).id)
        .execute();
      await db.deleteFrom('ledger_record_refs').where('entry_seq', '=', entry(i).seq).execute();
      return {
        first: (p) => p.kind === 'pruned_early' && p.entryId === entry(i).id,
        describe: `pruned_early of ${entry(i).id}`,
      };
    }
    case 'delete-record-ref':
    case 'add-record-ref': {
      const withRecords = built.leaves
        .map((e, leaf) => ({ ...e, leaf }))
        .filter((e) => t.op === 'add-record-ref' || (e.kind === 'access' && recordsOf(e.payload).length > 0));
      if (withRecords.length === 0) return null;
      const e = pick(withRecords, t.at);
      if (t.op === 'delete-record-ref')
        await db
          .deleteFrom('ledger_record_refs')
          .where('entry_seq', '=', e.seq)
          .where('record_id', '=', pick(recordsOf(e.payload), t.at))
          .execute();
      else
        await db
          .insertInto('ledger_record_refs')
          .values({ entry_seq: e.seq, record_id: 'r-forged' })
          .execute();
      return { first: isEntry('record_index', e.id, e.leaf), describe: `record_index at leaf ${e.leaf}` };
    }
  }
}

const recordsOf = (payload: string) => (JSON.parse(payload) as { records: string[] }).records;

/** Writes the generated log through the ledger, one sequencing (one checkpoint) per batch. */
async function buildLog(kind: (typeof databases)[number], batches: LogEvent[][]) {
  const services = await testServices(kind, { clock: steppingClock('2026-11-30T00:30:00.000Z') });
  const { ledger, database } = services;
  const checkpoints: number[] = [];
  for (const batch of batches) {
    // Audit events in their own transactions, access events concurrently (group commit).
    await Promise.all(
      batch.map((e, k) => {
        const ctx = ctxs[e.ctx]!;
        if (e.kind === 'audit')
          return database.transaction((tx) =>
            ledger.audit(tx, ctx, {
              type: 'test.changed',
              subjectType: 'thing',
              subjectId: e.subjectId,
              outcome: e.outcome,
              unitId: e.unit ? 'u-1' : null,
              after: { k },
            }),
          );
        return ledger.access(ctx, {
          type: 'test.read',
          unitId: e.unit ? 'u-1' : null,
          sectionId: e.unit ? 's-1' : null,
          purpose: e.purpose,
          subjectType: 'file',
          subjectId: 'f-1',
          records: e.records,
          outcome: e.outcome,
          reason: e.reason,
        });
      }),
    );
    checkpoints.push(await ledger.sequence());
  }
  const rows = await database.db
    .selectFrom('ledger_entries')
    .select(['seq', 'id', 'kind', 'payload', 'leaf_index'])
    .orderBy('leaf_index')
    .execute();
  const built: Built = {
    leaves: rows.map((r) => ({ seq: Number(r.seq), id: r.id, kind: r.kind, payload: r.payload })),
    checkpoints,
  };
  return { services, built };
}

const summary = (r: VerifyResult) => r.problems.map((p) => `${p.kind} ${p.message}`).join('\n');

describe.each(databases)('tampering with the log is detected and located (A22-2) on %s', (kind) => {
  it.each(TAMPERINGS)('%s: detected, and the first problem says where', { timeout: 60_000 }, async (op) => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(logArb, tamperArb(op), async (batches, t) => {
        const { services, built } = await buildLog(kind, batches);
        const { ledger, database } = services;
        try {
          // The untouched log verifies, whatever its size and number of checkpoints.
          const n = batches.flat().length;
          expect(built.leaves).toHaveLength(n);
          expect(built.checkpoints).toHaveLength(batches.length);
          expect(built.checkpoints[built.checkpoints.length - 1]).toBe(n);
          const clean = await ledger.verify(database.db);
          expect(clean.problems).toEqual([]);
          expect(clean).toMatchObject({ ok: true, treeSize: n, leavesChecked: n, pending: 0 });

          for (const [k, variant] of variantsOf(op).entries()) {
            const sub = { ...t, at: t.at + k * 7919, variant };
            const expected = await tamper(database.db, built, sub);
            if (!expected) continue; // the log is too small for this tampering
            applied += 1;
            const result = await ledger.verify(database.db);
            const what = JSON.stringify(sub);
            expect(result.ok, `${what} was not detected`).toBe(false);
            expect(
              expected.first(result.problems[0]!),
              `${what}: expected first ${expected.describe}, got\n${summary(result)}`,
            ).toBe(true);
            if (expected.some)
              expect(
                result.problems.some(expected.some),
                `${what}: expected among the problems ${expected.describe}, got\n${summary(result)}`,
              ).toBe(true);
            if (expected.restore) {
              await expected.restore();
              expect((await ledger.verify(database.db)).problems, `${what} restored`).toEqual([]);
            }
          }
        } finally {
          await ledger.stop();
          await closeTestDatabase(database);
        }
      }),
      { numRuns: 3 },
    );
    expect(applied, 'no run could apply this tampering').toBeGreaterThan(0);
  });
});
