/**
 * Routes of the verifiable log (issue 4; A22) in the authorisation matrix; see authz-matrix.table.ts
 * for the letters. Entries: the 監査責任者 and the 総括管理者 read every entry, the 東京 総括保護管理者
 * (校長) those of 東京, the 教務係's 保護管理者 those of the 教務係; an entry out of the reader's scope is
 * 404 (its existence does not leak); anyone else is refused before any lookup. The state of the log:
 * those four and the システム管理者 read it; the 監査責任者, the 総括管理者 and the システム管理者
 * verify; the 総括管理者 and the システム管理者 set the retention (A22-1); the システム管理者 prunes.
 * The checkpoint and the key are public (A22-2).
 *
 * Entries (written lazily once per fixture, as the system): one audit event in each of 東京 教務係,
 * 東京 図書係 and 長岡 教務係, then sequenced so that their proofs exist.
 */
import { systemCtx } from '../../server/platform/context.ts';
import {
  MISSING_ID,
  only,
  publicGet,
  sectionOf,
  unitOf,
  type Fixture,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const ENTRY_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const sys = systemCtx('authz matrix');

const entries = new WeakMap<Fixture, Promise<Record<string, string>>>();
/** The one entry of each scope, and the log sequenced so that checkpoints and proofs exist. */
function entryOf(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let made = entries.get(fx);
  if (!made) {
    made = (async () => {
      const { ledger, database } = fx.services;
      const out: Record<string, string> = {};
      for (const s of ENTRY_SCOPES.filter((x) => x !== 'missing')) {
        const type = `matrix.entry_${s}_${fx.next()}`;
        await database.transaction((tx) =>
          ledger.audit(tx, sys, {
            type,
            subjectType: 'matrix',
            subjectId: null,
            unitId: unitOf(fx, s),
            sectionId: sectionOf(fx, s),
          }),
        );
        const [row] = await ledger.list(database.db, { type, limit: 1 });
        out[s] = row!.id;
      }
      await ledger.sequence();
      return out;
    })();
    entries.set(fx, made);
  }
  return made.then((m) => m[scope]!);
}

/** Sequenced at least once, so that there is a checkpoint to show, prove against and publish; its size. */
const sequenced = async (fx: Fixture): Promise<number> => {
  await entryOf(fx, 'tokyoKyomu');
  const latest = await fx.services.ledger.latestCheckpoint(fx.services.database.db);
  return latest!.treeSize;
};

/** Readers of entries (scoped) for a route without an object. */
const ENTRY_READERS = only('D', {
  chiefManager: 'A',
  auditOfficer: 'A',
  tokyoChief: 'A',
  tokyoKyomuManager: 'A',
});
/** Readers of the state of the log. */
const STATUS_READERS = only('D', {
  chiefManager: 'A',
  auditOfficer: 'A',
  sysadmin: 'A',
  tokyoChief: 'A',
  tokyoKyomuManager: 'A',
});

export const LOGS_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/log/entries',
    access: 'protected',
    note: 'each reader gets only the entries of their scope (tests/api/log-http.test.ts)',
    cases: [
      {
        scopes: ['none'],
        expect: ENTRY_READERS,
        request: () => ({ method: 'GET', url: '/api/log/entries' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/log/entries/:id',
    access: 'protected',
    note: 'an entry out of the reader’s scope is not found; non-readers are refused before any lookup',
    cases: [
      {
        scopes: ENTRY_SCOPES,
        expect: only('DDDD', {
          chiefManager: 'AAAN',
          auditOfficer: 'AAAN',
          tokyoChief: 'AANN',
          tokyoKyomuManager: 'ANNN',
        }),
        request: async (fx, scope) => ({
          method: 'GET',
          url: `/api/log/entries/${await entryOf(fx, scope)}`,
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/log/status',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: STATUS_READERS,
        request: () => ({ method: 'GET', url: '/api/log/status' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/log/verify',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { chiefManager: 'A', auditOfficer: 'A', sysadmin: 'A' }),
        request: () => ({ method: 'POST', url: '/api/log/verify' }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/log/retention',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { chiefManager: 'A', sysadmin: 'A' }),
        request: () => ({
          method: 'PUT',
          url: '/api/log/retention',
          body: { accessDays: 1825, auditDays: 3650 },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/log/prune',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({ method: 'POST', url: '/api/log/prune' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/log/consistency',
    access: 'protected',
    note: 'the same readers as the state of the log',
    cases: [
      {
        scopes: ['none'],
        expect: STATUS_READERS,
        request: async (fx) => {
          // Between the latest checkpoint and itself: a checkpoint of that size surely exists.
          const size = await sequenced(fx);
          return { method: 'GET', url: `/api/log/consistency?from=${size}` };
        },
      },
    ],
  },
  {
    ...publicGet('/log/checkpoint', 'the latest signed checkpoint, text/plain (A22-2)'),
    cases: [
      {
        ...publicGet('/log/checkpoint').cases[0]!,
        request: async (fx) => {
          await sequenced(fx);
          return { method: 'GET', url: '/log/checkpoint' };
        },
      },
    ],
  },
  publicGet('/log/key', 'the verifier key of the checkpoints, text/plain (A22-2)'),
];
