/**
 * Routes of facilities — backups (issue 11; A27) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters). Backups are organisation-wide: the scope 東京 教務係 stands
 * for "the one" (a recorded run or restore test), `missing` for an id that does not exist.
 * - The システム管理者 reads everything and starts a backup or a restore test (in the matrix no
 *   destination is configured: POST /runs answers 409 facilities.backup_not_configured, which still
 *   proves that authorisation let it through; a restore test with no backup is recorded as no_backup).
 * - The 総括管理者 and the 監査責任者 read; everyone else is refused (403 auth.forbidden), before any
 *   lookup, so an unknown id answers 403 to them too.
 */
import type { Services } from '../../server/app.ts';
import {
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const BASE = '/api/facilities/backups';
const READ_ONE = only('DD', { sysadmin: 'AN', chiefManager: 'AN', auditOfficer: 'AN' });
const READ = only('D', { sysadmin: 'A', chiefManager: 'A', auditOfficer: 'A' });
const START = only('D', { sysadmin: 'A' });

const memo = new WeakMap<Services, Promise<{ runId: string; testId: string }>>();
/** A recorded run and restore test, written straight into the tables (no backup is made). */
function recorded(fx: Fixture): Promise<{ runId: string; testId: string }> {
  let p = memo.get(fx.services);
  if (!p) {
    p = (async () => {
      const db = fx.services.database.db;
      const runId = '0194f5c0-0000-7000-8000-00000000b001';
      const testId = '0194f5c0-0000-7000-8000-00000000b002';
      await db
        .insertInto('facility_backup_runs')
        .values({
          id: runId,
          trigger: 'cli',
          status: 'succeeded',
          started_at: '2026-11-29T17:15:00.000Z',
          finished_at: '2026-11-29T17:16:00.000Z',
          started_by: null,
          file_name: 'mamori-backup-20261129T171500Z-sqlite.zip',
          bytes: 1024,
          sha256: 'a'.repeat(64),
          dialect: 'sqlite',
          destinations: JSON.stringify([{ location: '/backups/x.zip', ok: true, error: null }]),
          pruned: '[]',
          counts: '{}',
          checkpoint: 0,
          error: null,
          duration_ms: 1000,
        })
        .execute();
      await db
        .insertInto('facility_restore_tests')
        .values({
          id: testId,
          trigger: 'schedule',
          status: 'succeeded',
          started_at: '2026-11-29T18:45:00.000Z',
          finished_at: '2026-11-29T18:46:00.000Z',
          started_by: null,
          run_id: runId,
          file_name: 'mamori-backup-20261129T171500Z-sqlite.zip',
          source: '/backups/x.zip',
          dialect: 'sqlite',
          counts_match: 1,
          log_verified: 1,
          problems: '[]',
          duration_ms: 1000,
        })
        .execute();
      return { runId, testId };
    })();
    memo.set(fx.services, p);
  }
  return p;
}

const ONE: Scope[] = ['tokyoKyomu', 'missing'];
const onRecord = (path: string, which: 'runId' | 'testId'): RouteEntry => ({
  method: 'GET',
  path: `${BASE}/${path}/:id`,
  access: 'protected',
  cases: [
    {
      scopes: ONE,
      expect: READ_ONE,
      request: async (fx, scope) => {
        const id = scope === 'missing' ? MISSING_ID : (await recorded(fx))[which];
        return { method: 'GET', url: `${BASE}/${path}/${id}` };
      },
    },
  ],
});
const simple = (method: Method, path: string, expect: ReturnType<typeof only>): RouteEntry => ({
  method,
  path,
  access: 'protected',
  cases: [{ scopes: ['none'], expect, request: () => ({ method, url: path }) }],
});

export const FACILITY_BACKUPS_ROUTES: RouteEntry[] = [
  simple('GET', BASE, READ),
  simple('POST', `${BASE}/runs`, START),
  onRecord('runs', 'runId'),
  simple('POST', `${BASE}/restore-tests`, START),
  onRecord('restore-tests', 'testId'),
];
