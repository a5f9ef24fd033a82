import { describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../context.ts';
import { databases } from '../../../tests/support/databases.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { verifyConsistency, verifyInclusion } from './merkle.ts';
import { openNote, parseCheckpointText, parseVerifierKey } from './note.ts';
import { SEQUENCER_LOCK } from './sequencer.ts';
import { sql } from 'kysely';

const ctx: Ctx = { ...systemCtx('test'), ip: '192.0.2.1', requestId: 'r1' };

const read = (i: number) => ({
  type: 'test.read',
  unitId: null,
  sectionId: null,
  purpose: 'testing',
  subjectType: 'file',
  subjectId: 'f1',
  records: [`rec-${i}`],
  outcome: 'ok' as const,
});

describe.each(databases)('the verifiable log (A22) on %s', (kind) => {
  it('sequences audit and access events into a signed tree that verifies, with proofs', async () => {
    const s = await testServices(kind);
    const { ledger, database } = s;
    await database.transaction((tx) =>
      ledger.audit(tx, ctx, { type: 'test.changed', subjectType: 'thing', subjectId: 'x' }),
    );
    await Promise.all(Array.from({ length: 37 }, (_, i) => ledger.access(ctx, read(i))));
    const size = await ledger.sequence();
    expect(size).toBe(38);
    const cp = await ledger.latestCheckpoint(database.db);
    const body = parseCheckpointText(openNote(cp!.note, parseVerifierKey(ledger.verifierKey)));
    expect(body.treeSize).toBe(38);

    const result = await ledger.verify(database.db);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, treeSize: 38, leavesChecked: 38, pending: 0 });

    const proof = await ledger.proveInclusion(database.db, 20);
    expect(verifyInclusion(20, 38, proof.leafHash, proof.proof, body.rootHash)).toBe(true);

    await Promise.all(Array.from({ length: 5 }, (_, i) => ledger.access(ctx, read(100 + i))));
    expect(await ledger.sequence()).toBe(43);
    const c = await ledger.proveConsistency(database.db, 38);
    expect(verifyConsistency(38, 43, c.fromRoot, c.toRoot, c.proof)).toBe(true);
    expect(c.fromRoot.equals(body.rootHash)).toBe(true);

    const who = await ledger.list(database.db, { recordId: 'rec-7' });
    expect(who).toHaveLength(1);
    expect(who[0]).toMatchObject({ kind: 'access', purpose: 'testing' });
    expect(who[0]!.leafIndex).toBeTypeOf('number');
  });

  it('finds who accessed a record before and after the sequencer indexes it', async () => {
    const s = await testServices(kind);
    const { ledger, database } = s;
    await Promise.all([
      ledger.access(ctx, read(1)),
      ledger.access(ctx, read(2)),
      ledger.access(ctx, read(11)),
    ]);
    const before = await ledger.list(database.db, { recordId: 'rec-1' });
    expect(before.map((e) => e.leafIndex)).toEqual([null]);
    await ledger.sequence();
    const after = await ledger.list(database.db, { recordId: 'rec-1' });
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(after[0]!.leafIndex).toBeTypeOf('number');
  });

  it('finds what a person accessed and what was done to a subject, before and after sequencing (A22-1)', async () => {
    const s = await testServices(kind);
    const { ledger, database } = s;
    const person = (personId: string): Ctx => ({
      ...ctx,
      actor: { kind: 'person', personId, label: personId, roles: [], unitId: null, sectionId: null },
    });
    const readOf = (subjectId: string, i: number) => ({ ...read(i), subjectId });
    // Sequenced first, then more entries that wait for the sequencer: both halves of each lookup.
    await Promise.all([
      ledger.access(person('p-1'), readOf('file-a', 1)),
      ledger.access(person('p-2'), readOf('file-a', 2)),
      ledger.access(person('p-1'), readOf('file-b', 3)),
    ]);
    await ledger.sequence();
    await Promise.all([
      ledger.access(person('p-1'), readOf('file-a', 4)),
      ledger.access(person('p-2'), readOf('file-b', 5)),
    ]);
    const records = (es: { payload: Record<string, unknown> | null }[]) =>
      es.map((e) => (e.payload as { records: string[] }).records[0]).sort();

    const byP1 = await ledger.list(database.db, { actorId: 'p-1' });
    expect(records(byP1)).toEqual(['rec-1', 'rec-3', 'rec-4']);
    expect(byP1.map((e) => e.leafIndex === null)).toEqual([true, false, false]); // newest first
    const onFileA = await ledger.list(database.db, { subjectType: 'file', subjectId: 'file-a' });
    expect(records(onFileA)).toEqual(['rec-1', 'rec-2', 'rec-4']);
    expect(await ledger.list(database.db, { subjectType: 'thing', subjectId: 'file-a' })).toEqual([]);
    const both = await ledger.list(database.db, { actorId: 'p-2', subjectId: 'file-b' });
    expect(records(both)).toEqual(['rec-5']);

    await ledger.sequence();
    expect(records(await ledger.list(database.db, { actorId: 'p-1' }))).toEqual(['rec-1', 'rec-3', 'rec-4']);
    expect(records(await ledger.list(database.db, { subjectId: 'file-b' }))).toEqual(['rec-3', 'rec-5']);
  });

  it('serves proofs from upper nodes it has already checked, while verification still finds any node altered later', async () => {
    const s = await testServices(kind);
    const { ledger, database } = s;
    await Promise.all(Array.from({ length: 600 }, (_, i) => ledger.access(ctx, read(i))));
    expect(await ledger.sequence()).toBe(600);
    const root = (await ledger.latestCheckpoint(database.db))!.rootHash;
    const first = await ledger.proveInclusion(database.db, 3);
    // Leaf 3's proof uses the subtree of leaves 256–511 (level 8, index 1): alter it in the database.
    const alter = (level: number, idx: number) =>
      database.db
        .updateTable('ledger_nodes')
        .set({ hash: Buffer.alloc(32, 7) })
        .where('level', '=', level)
        .where('idx', '=', idx)
        .execute();
    await alter(8, 1);
    const again = await ledger.proveInclusion(database.db, 3);
    expect(again.proof).toEqual(first.proof);
    expect(verifyInclusion(3, 600, again.leafHash, again.proof, root)).toBe(true);
    const result = await ledger.verify(database.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        kind: 'node_altered',
        node: { level: 8, index: 1, firstLeaf: 256, lastLeaf: 511 },
      }),
    );
    // Lower nodes are read afresh for every proof: an altered one is refused, not handed out.
    await alter(1, 2); // leaves 4–5, in leaf 7's proof
    await expect(ledger.proveInclusion(database.db, 7)).rejects.toMatchObject({
      code: 'log.integrity_failure',
    });
  });

  it('lets timers and I/O run while callers append without pause (no event-loop starvation)', async () => {
    const { ledger } = await testServices(kind);
    // Callers that log again as soon as their entry is durable, like a busy server or the crash test's
    // writer: on SQLite a batch commits within microtasks, so a writer that never yields would keep a
    // timer (the sequencer's, a request's) from ever firing.
    let timerFired = false;
    let appended = 0;
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        timerFired = true;
        resolve();
      }, 5),
    );
    const caller = async () => {
      while (!timerFired && appended < 50_000) {
        await ledger.access(ctx, read(appended++));
      }
    };
    await Promise.all(Array.from({ length: 16 }, caller));
    expect(timerFired).toBe(true);
    expect(appended).toBeLessThan(50_000);
    await timer;
  });

  it('detects an edited entry and names it', async () => {
    const s = await testServices(kind);
    const { ledger, database } = s;
    await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.access(ctx, read(i))));
    await ledger.sequence();
    const victim = (
      await database.db
        .selectFrom('ledger_entries')
        .select(['id'])
        .where('leaf_index', '=', 4)
        .executeTakeFirstOrThrow()
    ).id;
    await database.db
      .updateTable('ledger_entries')
      .set({ purpose: 'something else' })
      .where('id', '=', victim)
      .execute();
    const result = await ledger.verify(database.db);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'entry_altered', entryId: victim, leafIndex: 4 });
  });
});

describe('one sequencer at a time on PostgreSQL (A22-2)', () => {
  it('does not sequence while another app server holds the sequencer lock, and does once it is released', async () => {
    const s = await testServices('postgres');
    const { ledger, database } = s;
    await Promise.all(Array.from({ length: 3 }, (_, i) => ledger.access(ctx, read(i))));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    // "Another server": a transaction on its own connection that holds the lock.
    const other = database.transaction(async (tx) => {
      await sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`.execute(tx);
      locked();
      await released;
    });
    await holding;
    const waiting = ledger.sequence();
    await new Promise((r) => setTimeout(r, 300));
    expect(await ledger.latestCheckpoint(database.db)).toBeNull();
    release();
    await other;
    expect(await waiting).toBe(3);
  });
});
