import { createServices, type Services } from '../../server/app.ts';
import { fixedClock, type Clock } from '../../server/platform/clock.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type DatabaseKind } from './databases.ts';
import { createMemoryKekProvider } from '../../server/platform/crypto/index.ts';

/** The default day of tests: a Monday in the Japanese fiscal year 2026 (令和8年度). */
export const TEST_NOW = '2026-11-30T00:30:00.000Z'; // 09:30 in Tokyo

/**
 * The application's services over a fresh migrated test database (SQLite or PostgreSQL), with a
 * fixed clock. Nothing is loaded: tests build the organisation they need.
 */
export async function testServices(
  kind: DatabaseKind,
  opts: { clock?: Clock; env?: NodeJS.ProcessEnv } = {},
): Promise<Services> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({
    // Files the services write (exports, uploaded documents) go to a folder of the test, not ./data.
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-test-')),
    MAMORI_DEMO: '0',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    MAMORI_SECRET_KEY: randomBytes(32).toString('base64'),
    ...opts.env,
  });
  // The vault's key-encryption keys in memory: tests leave no key files behind.
  return createServices({
    config,
    database,
    clock: opts.clock ?? fixedClock(TEST_NOW),
    kek: createMemoryKekProvider(),
  });
}
