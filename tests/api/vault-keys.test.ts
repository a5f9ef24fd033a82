/**
 * A25: rotating the vault's key-encryption key (`npx mamori keys rotate`) re-wraps every record's data
 * key under the new version while the vault keeps serving; the key file lives outside the database,
 * so a copy of the database alone opens nothing. SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../server/app.ts';
import { createFileKekProvider, createMemoryKekProvider } from '../../server/platform/crypto/index.ts';
import { rewrapDataKeys } from '../../server/modules/vault/key-rotation.ts';
import { databases } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';

describe.each(databases)('the vault’s keys on %s', (kind) => {
  it('re-wraps every data key under the new version, and the records still open', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-vault-keys-'));
    const kek = createFileKekProvider(path.join(dir, 'keys', 'vault-kek.json'), { recheckMs: 0 });
    const base = await testServices(kind);
    const services = createServices({ config: base.config, database: base.database, clock: base.clock, kek });
    const v = await buildVaultOrg(services);
    const ids: string[] = [];
    for (const s of students('K26', 6)) ids.push(await v.student(v.tokyoFile, s));
    const db = services.database.db;
    const versions = async () =>
      (
        await db
          .selectFrom('vault_records')
          .select('key_version')
          .where('file_id', '=', v.tokyoFile)
          .execute()
      ).map((r) => r.key_version);
    expect(await versions()).toEqual([1, 1, 1, 1, 1, 1]);

    expect(await kek.rotate()).toBe(2);
    // A record created after the rotation is wrapped under the new version at once.
    ids.push(await v.student(v.tokyoFile, { student_number: 'K269999', name: '回転 後子' }));
    expect(await rewrapDataKeys({ database: services.database, kek }, 4)).toBe(6);
    expect(await versions()).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(await rewrapDataKeys({ database: services.database, kek })).toBe(0);

    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const list = await services.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' });
    expect(list.records.map((r) => r.id)).toEqual(ids);
    expect(list.records.every((r) => !r.damaged)).toBe(true);

    // The same database with another key-encryption key opens nothing (and says so in the log).
    const stranger = createServices({
      config: base.config,
      database: base.database,
      clock: base.clock,
      kek: createMemoryKekProvider(),
    });
    const other = await stranger.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' });
    expect(other.records.every((r) => r.damaged && Object.keys(r.values).length === 0)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
