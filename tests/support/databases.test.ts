import fs from 'node:fs';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '../../server/platform/db/index.ts';
import { closeTestDatabase, databases, openTestDatabase } from './databases.ts';

describe.each(databases)('test databases on %s', (kind) => {
  let t: Database;
  beforeEach(async () => {
    t = await openTestDatabase(kind);
  });

  it('is migrated, of the right dialect, and round-trips a row', async () => {
    expect(t.dialect).toBe(kind);
    expect(await migrate(t)).toEqual([]); // already at the latest migration
    await t.db
      .insertInto('settings')
      .values({ key: 'k', value: '値', updated_at: '2026-11-28T00:00:00Z' })
      .execute();
    const row = await t.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', 'k')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ key: 'k', value: '値', updated_at: '2026-11-28T00:00:00Z' });
  });

  it('rolls back a failing transaction', async () => {
    await expect(
      t.transaction(async (tx) => {
        await tx.insertInto('settings').values({ key: 'gone', value: 'x', updated_at: 'now' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.selectFrom('settings').selectAll().execute()).toEqual([]);
  });

  it('gives every test its own database', async () => {
    const other = await openTestDatabase(kind);
    await other.db
      .insertInto('settings')
      .values({ key: 'only-here', value: '1', updated_at: 'now' })
      .execute();
    expect(await t.db.selectFrom('settings').selectAll().execute()).toEqual([]);
    await closeTestDatabase(other);
  });

  it('can be empty (not migrated) on request', async () => {
    const empty = await openTestDatabase(kind, { migrated: false });
    expect(await migrate(empty)).toContain('0001-foundation');
  });
});

describe('sqlite test databases', () => {
  it('use a real file in WAL mode', async () => {
    const t = await openTestDatabase('sqlite');
    const { rows } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(t.db);
    expect(rows[0]?.journal_mode).toBe('wal');
    const { rows: files } = await sql<{
      file: string;
    }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(t.db);
    expect(fs.existsSync(files[0]?.file ?? '')).toBe(true);
  });
});
