import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from '../../../tests/support/databases.ts';
import { openTestDatabase } from '../../../tests/support/databases.ts';
import { systemCtx, type Ctx } from '../context.ts';
import { fixedClock } from '../clock.ts';
import { migrate, migrations } from '../db/index.ts';
import { createLedger } from './index.ts';
import { randomBytes } from 'node:crypto';

const person: Ctx = {
  ...systemCtx('test'),
  actor: { kind: 'person', personId: 'p-1', label: 'P1', roles: [], unitId: null, sectionId: null },
};

describe.each(databases)('a log written before migration 0009 on %s', (kind) => {
  it('keeps every entry, node and checkpoint through the upgrade: it verifies, proves and is searchable', async () => {
    const database = await openTestDatabase(kind, { migrated: false });
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const { error } = await migrator.migrateTo('0008-log-analysis');
    expect(error).toBeUndefined();
    const ledger = createLedger({
      clock: fixedClock('2026-11-30T00:30:00.000Z'),
      database,
      signingSeed: randomBytes(32),
      origin: 'test.mamori.example/log',
    });
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        ledger.access(person, {
          type: 'test.read',
          unitId: null,
          sectionId: null,
          purpose: 'testing',
          subjectType: 'file',
          subjectId: `f-${i % 3}`,
          records: [`rec-${i}`],
          outcome: 'ok',
        }),
      ),
    );
    expect(await ledger.sequence()).toBe(300);
    const nodesBefore = await database.db
      .selectFrom('ledger_nodes')
      .selectAll()
      .orderBy('level')
      .orderBy('idx')
      .execute();

    expect(await migrate(database)).toContain('0009-ledger-append');

    const nodesAfter = await database.db
      .selectFrom('ledger_nodes')
      .selectAll()
      .orderBy('level')
      .orderBy('idx')
      .execute();
    expect(nodesAfter).toEqual(nodesBefore);
    const result = await ledger.verify(database.db);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, treeSize: 300, leavesChecked: 300 });
    await expect(ledger.proveInclusion(database.db, 299)).resolves.toMatchObject({
      leafIndex: 299,
      treeSize: 300,
    });
    expect(await ledger.list(database.db, { actorId: 'p-1', subjectId: 'f-1', limit: 500 })).toHaveLength(
      100,
    );
    // The log goes on growing after the upgrade.
    await ledger.access(person, {
      type: 'test.read',
      unitId: null,
      sectionId: null,
      purpose: 'testing',
      subjectType: 'file',
      subjectId: 'f-1',
      records: ['rec-new'],
      outcome: 'ok',
    });
    expect(await ledger.sequence()).toBe(301);
    expect((await ledger.verify(database.db)).ok).toBe(true);
  });
});
