/**
 * A small installation to back up (issue 11, A27): the vault organisation with fictional students
 * (sealed fields, a 要配慮 note), uploaded documents under DATA_DIR, a temporary export that must not
 * travel, real key files (the vault's KEK file and DATA_DIR/secret.key) and a signed checkpoint.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createServices, type Services } from '../../server/app.ts';
import { fixedClock } from '../../server/platform/clock.ts';
import { loadConfig } from '../../server/platform/config.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { openTestDatabase, type DatabaseKind } from '../support/databases.ts';
import { TEST_NOW } from '../support/test-services.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';

export const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `mamori-${name}-`));

/** What a document of provision says (fictional): it must never show in an archive's bytes. */
export const DOCUMENT_TEXT = '委託契約書（架空）高専太郎 個人情報の取扱いに関する特記事項';

export const baseEnv = (dataDir: string, env: NodeJS.ProcessEnv = {}) => ({
  DATA_DIR: dataDir,
  MAMORI_DEMO: '0',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '100000',
  ...env,
});

export async function backupScene(kind: DatabaseKind, env: NodeJS.ProcessEnv = {}) {
  const dataDir = tmp('backup-src');
  const database = await openTestDatabase(kind);
  const config = loadConfig(baseEnv(dataDir, env));
  const services = createServices({ config, database, clock: fixedClock(TEST_NOW) });
  const v = await buildVaultOrg(services);
  const ids: string[] = [];
  for (const s of students('T26', 6)) ids.push(await v.student(v.tokyoFile, s));
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read', 'reveal'] });
  const staff = await v.as('tokyoKyomuStaff1');
  fs.mkdirSync(path.join(dataDir, 'provision', 'p1'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'provision', 'p1', 'contract.txt'), DOCUMENT_TEXT);
  fs.mkdirSync(path.join(dataDir, 'exports'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'exports', 'temporary.zip'), 'a temporary copy (A24の2)');
  await services.ledger.sequence();
  const records = await readRecords(services, staff, v.tokyoFile, ids);
  return { dataDir, config, services, database, v, ids, staff, tokyoFile: v.tokyoFile, records };
}

/** Every record decrypted through the services: the view and the revealed 要配慮 note. */
export async function readRecords(services: Services, staff: Ctx, fileId: string, ids: string[]) {
  const out: Record<string, unknown>[] = [];
  for (const id of [...ids].sort()) {
    const view = await services.vault.records.view(staff, fileId, id, { purpose: 'enrolment' });
    const revealed = await services.vault.records.reveal(staff, fileId, id, {
      purpose: 'enrolment',
      fields: ['health'],
    });
    out.push({ id, ...view.values, ...revealed.values });
  }
  return out;
}

/** The restored installation's services (its own key files, secret key and database). */
export function restoredServices(dataDir: string, databaseUrl?: string) {
  const config = loadConfig(baseEnv(dataDir, databaseUrl ? { DATABASE_URL: databaseUrl } : {}));
  return createServices({ config, clock: fixedClock(TEST_NOW) });
}

/** An empty PostgreSQL database and its URL (dropped when the test ends). */
export async function emptyPostgres(): Promise<string> {
  const database = await openTestDatabase('postgres', { migrated: false });
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]!
    .name;
  await database.close();
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}
