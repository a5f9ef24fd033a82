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
