import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Executor } from '../db/index.ts';
import { dialectOf } from '../db/dialect.ts';
import { CONTENT_COLUMNS, type EntryColumns } from './entry-codec.ts';
import type { Hash, NodeKey } from './merkle.ts';
import type { EntryFilter } from './types.ts';

/** A row to append (the caller has built it from ctx and the event). */
export type EntryInsert = Omit<EntryColumns, 'payload_digest' | 'pruned_at'>;

/** The columns the leaf hash covers, plus the place in the tree. */
export const CODEC_COLUMNS = [
  'seq',
  ...CONTENT_COLUMNS,
  'payload_digest',
  'pruned_at',
  'leaf_index',
  'leaf_hash',
] as const;

// A multi-row INSERT binds one parameter per column; stay well below SQLite's 32,766 and PG's 65,535.
const ROWS_PER_INSERT = 1000;

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** All SQL of the log. Every method takes the executor (database or transaction). */
export const ledgerRepo = {
  /** Entries not yet in the tree, oldest first (the sequencer's queue). */
  pending(db: Executor, limit: number) {
    return db
      .selectFrom('ledger_entries')
      .select(CODEC_COLUMNS)
      .where('leaf_index', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
  },

  /** Places entries in the tree: one statement per chunk (UPDATE … FROM VALUES, both databases). */
  async setLeaves(tx: Executor, leaves: { seq: number; leafIndex: number; leafHash: Hash }[]): Promise<void> {
    const pg = dialectOf(tx as unknown as Kysely<unknown>) === 'postgres';
    for (const part of chunks(leaves, ROWS_PER_INSERT)) {
      const values = sql.join(
        part.map((l) =>
          pg
            ? sql`(${l.seq}::bigint, ${l.leafIndex}::bigint, ${l.leafHash}::bytea)`
            : sql`(${l.seq}, ${l.leafIndex}, ${l.leafHash})`,
        ),
      );
      await sql`update ledger_entries set leaf_index = v.column2, leaf_hash = v.column3
        from (values ${values}) as v where ledger_entries.seq = v.column1`.execute(tx);
    }
  },

  /**
   * Hashes of perfect subtrees by key (level 0: the entries' leaf hashes). Missing keys are absent.
   * A proof's few keys are read in one statement (a round trip each was most of a proof's time).
   */
  async nodes(db: Executor, keys: NodeKey[]): Promise<Map<string, Hash>> {
    const out = new Map<string, Hash>();
    for (const part of chunks(keys, 400)) {
      const leaves = part.filter((k) => k.level === 0).map((k) => sql`${k.index}`);
      const inner = part.filter((k) => k.level > 0).map((k) => sql`(${k.level}, ${k.index})`);
      const fromEntries = sql`select 0 as level, leaf_index as idx, leaf_hash as hash from ledger_entries
        where leaf_index in (${sql.join(leaves)}) and leaf_hash is not null`;
      const fromNodes = sql`select level, idx, hash from ledger_nodes where (level, idx) in (${sql.join(inner)})`;
      const query =
        leaves.length && inner.length
          ? sql`${fromEntries} union all ${fromNodes}`
          : leaves.length
            ? fromEntries
            : fromNodes;
      const { rows } = await query.execute(db);
      for (const r of rows as { level: number; idx: number | bigint; hash: Hash }[])
        out.set(`${Number(r.level)}:${Number(r.idx)}`, r.hash);
    }
    return out;
  },

  /** Stored nodes of one level in [from, to) (verification compares them with recomputed ones). */
  nodeRange(db: Executor, level: number, from: number, to: number) {
    return db
      .selectFrom('ledger_nodes')
      .select(['idx', 'hash'])
      .where('level', '=', level)
      .where('idx', '>=', from)
      .where('idx', '<', to)
      .orderBy('idx')
      .execute();
  },

  countNodes(db: Executor) {
    return db
      .selectFrom('ledger_nodes')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('idx').as('max')])
      .groupBy('level')
      .execute();
  },

  /** Sequenced entries in leaf order, from a leaf number on (verification streams them in chunks). */
  leavesFrom(db: Executor, fromLeaf: number, limit: number) {
    return db
      .selectFrom('ledger_entries')
      .select(CODEC_COLUMNS)
      .where('leaf_index', '>=', fromLeaf)
      .orderBy('leaf_index')
      .limit(limit)
      .execute();
  },

  recordRefs(db: Executor, seqs: number[]) {
    if (seqs.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('ledger_record_refs')
      .select(['entry_seq', 'record_id'])
      .where('entry_seq', 'in', seqs)
      .execute();
  },

  /** Rows of the record index whose entry does not exist (verification). */
  orphanRecordRefs: async (db: Executor) =>
    Number(
      (
        await db
          .selectFrom('ledger_record_refs as r')
          .leftJoin('ledger_entries as e', 'e.seq', 'r.entry_seq')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('e.seq', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  latestCheckpoint: (db: Executor) =>
    db.selectFrom('ledger_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst(),

  checkpoint: (db: Executor, treeSize: number) =>
    db.selectFrom('ledger_checkpoints').selectAll().where('tree_size', '=', treeSize).executeTakeFirst(),

  /** Checkpoints, oldest first, from a tree size on (keyset paging). */
  checkpointsFrom: (db: Executor, fromSize: number, limit: number) =>
    db
      .selectFrom('ledger_checkpoints')
      .selectAll()
      .where('tree_size', '>=', fromSize)
      .orderBy('tree_size')
      .limit(limit)
      .execute(),

  insertCheckpoint: (
    tx: Executor,
    row: { tree_size: number; root_hash: Hash; issued_at: string; note: string },
  ) => tx.insertInto('ledger_checkpoints').values(row).execute(),

  entryById: (db: Executor, id: string) =>
    db.selectFrom('ledger_entries').selectAll().where('id', '=', id).executeTakeFirst(),

  entryByLeaf: (db: Executor, leafIndex: number) =>
    db.selectFrom('ledger_entries').selectAll().where('leaf_index', '=', leafIndex).executeTakeFirst(),

  /** Entries newest first, filtered (explorer, analysis). */
  list(db: Executor, f: EntryFilter) {
    let q = db
      .selectFrom('ledger_entries')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(Math.min(f.limit ?? 100, 5000));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.type) q = q.where('type', '=', f.type);
    // The actor and subject indexes cover sequenced entries (migration 0009); entries still waiting
    // for the sequencer are found through the pending index: one subquery for each, so that both
    // databases search an index for each half instead of scanning the log.
    const sequencedOrPending = (filter: Expression<SqlBool>) =>
      q.where('seq', 'in', (eb) =>
        eb
          .selectFrom('ledger_entries')
          .select('seq')
          .where(filter)
          .where('leaf_index', 'is not', null)
          .unionAll(
            eb.selectFrom('ledger_entries').select('seq').where('leaf_index', 'is', null).where(filter),
          ),
      );
    if (f.subjectId)
      q = sequencedOrPending(
        f.subjectType
          ? sql<SqlBool>`subject_type = ${f.subjectType} and subject_id = ${f.subjectId}`
          : sql<SqlBool>`subject_id = ${f.subjectId}`,
      );
    else if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
    if (f.actorId) q = sequencedOrPending(sql<SqlBool>`actor_id = ${f.actorId}`);
    if (f.outcome) q = q.where('outcome', '=', f.outcome);
    if (f.from) q = q.where('occurred_at', '>=', f.from);
    if (f.to) q = q.where('occurred_at', '<', f.to);
    if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
    if (f.unitIds) q = f.unitIds.length ? q.where('unit_id', 'in', f.unitIds) : q.where(sql<boolean>`1 = 0`);
    if (f.sectionIds)
      q = f.sectionIds.length ? q.where('section_id', 'in', f.sectionIds) : q.where(sql<boolean>`1 = 0`);
    if (f.scope) {
      const { unitIds, sectionIds } = f.scope;
      q = q.where((eb) =>
        eb.or([
          ...(unitIds.length ? [eb('unit_id', 'in', unitIds)] : []),
          ...(sectionIds.length ? [eb('section_id', 'in', sectionIds)] : []),
          sql<boolean>`1 = 0`,
        ]),
      );
    }
    if (f.recordId) {
      // The record index is filled by the sequencer; entries still waiting for it (a second or so)
      // are found by their payload, so that "who accessed this record" is never short.
      const recordId = f.recordId;
      const needle = JSON.stringify(recordId);
      const contains =
        dialectOf(db as unknown as Kysely<unknown>) === 'postgres'
          ? sql<boolean>`strpos(payload, ${needle}) > 0`
          : sql<boolean>`instr(payload, ${needle}) > 0`;
      q = q.where((eb) =>
        eb.or([
          eb(
            'seq',
            'in',
            eb.selectFrom('ledger_record_refs').select('entry_seq').where('record_id', '=', recordId),
          ),
          eb.and([eb('leaf_index', 'is', null), eb('kind', '=', 'access'), contains]),
        ]),
      );
    }
    return q.execute();
  },

  async count(db: Executor, f: { type?: string; kind?: string; pending?: boolean }): Promise<number> {
    let q = db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n'));
    if (f.pending) q = q.where('leaf_index', 'is', null);
    if (f.type) q = q.where('type', '=', f.type);
    if (f.kind) q = q.where('kind', '=', f.kind);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },

  /** Per actor: entries and records named, in a period (analysis baselines). */
  volumeByActor(db: Executor, f: EntryFilter) {
    let q = db
      .selectFrom('ledger_entries as e')
      .leftJoin('ledger_record_refs as r', 'r.entry_seq', 'e.seq')
      .select([
        'e.actor_id',
        (eb) => eb.fn.count<number>('e.seq').distinct().as('entries'),
        (eb) => eb.fn.count<number>('r.record_id').as('records'),
      ])
      .where('e.actor_id', 'is not', null)
      .groupBy('e.actor_id');
    if (f.kind) q = q.where('e.kind', '=', f.kind);
    if (f.from) q = q.where('e.occurred_at', '>=', f.from);
    if (f.to) q = q.where('e.occurred_at', '<', f.to);
    if (f.unitIds)
      q = f.unitIds.length ? q.where('e.unit_id', 'in', f.unitIds) : q.where(sql<boolean>`1 = 0`);
    if (f.sectionIds)
      q = f.sectionIds.length ? q.where('e.section_id', 'in', f.sectionIds) : q.where(sql<boolean>`1 = 0`);
    return q.execute();
  },
};

export type EntryRow = Awaited<ReturnType<typeof ledgerRepo.list>>[number];
export type CodecRow = Awaited<ReturnType<typeof ledgerRepo.pending>>[number];
