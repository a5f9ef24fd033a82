/**
 * Migration 0012 (issue 6, A25): a vault written with one prefix row per length (1–4) and no note of
 * each record's index rows is upgraded in place. The rows no search uses any more are gone, every
 * record names exactly its own rows, search finds what it found before, and an edit replaces a
 * record's rows without leaving old ones behind. SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { m0012 } from '../../server/platform/db/migrations/0012-vault-index.ts';
import { databases } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';

describe.each(databases)('the vault’s blind index upgraded by migration 0012 on %s', (kind) => {
  it('drops the unused prefix rows, notes each record’s rows, and keeps search and edits right', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    const ids: string[] = [];
    for (const s of students('T26')) ids.push(await v.student(v.tokyoFile, s));
    const { db } = services.database;
    const current = await db
      .selectFrom('vault_index')
      .selectAll()
      .orderBy('record_id')
      .orderBy('field')
      .execute();

    // The vault as 0011 left it: no index_keys, and prefix rows of other lengths beside the '^2' ones.
    await m0012.down!(db as never);
    const prefixRows = current.filter((r) => r.field === 'name^2');
    expect(prefixRows.length).toBe(10);
    await db
      .insertInto('vault_index')
      .values(prefixRows.flatMap((r) => ['name^1', 'name^3', 'name^4'].map((field) => ({ ...r, field }))))
      .execute();
    expect(await db.selectFrom('vault_index').select('record_id').execute()).toHaveLength(
      current.length + 30,
    );
    await sql`select index_keys from vault_records`.execute(db).then(
      () => expect.unreachable('index_keys should be gone after down'),
      () => undefined,
    );

    await m0012.up(db as never);
    const after = await db
      .selectFrom('vault_index')
      .selectAll()
      .orderBy('record_id')
      .orderBy('field')
      .execute();
    expect(after).toEqual(current);
    for (const id of ids) {
      const row = await db
        .selectFrom('vault_records')
        .select('index_keys')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const noted = (JSON.parse(row.index_keys!) as [string, number][])
        .map(([field, value]) => ({ field, value }))
        .sort((a, b) => a.field.localeCompare(b.field));
      expect(noted).toEqual(
        current.filter((r) => r.record_id === id).map((r) => ({ field: r.field, value: r.value })),
      );
    }

    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const search = (field: string, value: string) =>
      v.services.vault.records
        .search(staff, v.tokyoFile, { purpose: 'enrolment', field, value })
        .then((r) => r.records.map((x) => x.id));
    expect(await search('name', '山川')).toEqual([ids[1], ids[6]]);
    expect(await search('student_number', 'T260004')).toEqual([ids[3]]);

    // An edit replaces the record's rows by key: the old name is no longer found, the new one is.
    const before = await v.services.vault.records.view(staff, v.tokyoFile, ids[1]!, { purpose: 'enrolment' });
    await v.services.vault.records.update(staff, v.tokyoFile, ids[1]!, {
      purpose: 'enrolment',
      revision: before.revision,
      values: { name: '谷口 花子' },
    });
    expect(await search('name', '山川')).toEqual([ids[6]]);
    expect(await search('name', '谷口')).toEqual([ids[1]]);
    const rowsOfRecord = await db
      .selectFrom('vault_index')
      .selectAll()
      .where('record_id', '=', ids[1]!)
      .execute();
    expect(rowsOfRecord).toHaveLength(current.filter((r) => r.record_id === ids[1]).length);
  });
});
