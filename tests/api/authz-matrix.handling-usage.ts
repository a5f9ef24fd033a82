/**
 * Routes of issue 7 (handling-usage) in the authorisation matrix (see authz-matrix.kit.ts for the
 * letters). The usage ledger of a file (A16) is read by the file's section 保護管理者, the unit's
 * 総括保護管理者, the 総括管理者 and the 監査責任者; only the section's 保護管理者 signs it off.
 * Scopes: a registered file of 東京 教務係, of 東京 図書係, of 長岡 教務係, and a missing one.
 */
import { fileAt } from '../support/register-fixture.ts';
import {
  MISSING_ID,
  only,
  sectionOf,
  unitOf,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const FILE_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];

/** A registered file of the scope's section (a new one each time: a month is signed once). */
const fileIn = (fx: Fixture, scope: Scope) =>
  scope === 'missing'
    ? Promise.resolve(MISSING_ID)
    : fileAt(fx.services, { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) }, 'registered', {
        name: `利用状況テスト用ファイル${fx.next()}`,
      });

const READERS = only('DDDN', {
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AADN',
  tokyoKyomuManager: 'ADDN',
});
const SIGNER = only('DDDN', { tokyoKyomuManager: 'ADDN' });

const onLedger = (
  method: Method,
  suffix: string,
  expect: Record<string, string>,
  body?: unknown,
): RouteEntry => ({
  method,
  path: `/api/handling/files/:fileId/ledger${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: FILE_SCOPES,
      expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/handling/files/${await fileIn(fx, scope)}/ledger${suffix}`,
        ...(body ? { body } : {}),
      }),
    },
  ],
});

export const HANDLING_USAGE_ROUTES: RouteEntry[] = [
  onLedger('GET', '', READERS),
  onLedger('GET', '.xlsx', READERS),
  onLedger('GET', '.pdf', READERS),
  onLedger('POST', '/reviews', SIGNER, { month: '2026-10', comment: '行列テストの確認' }),
];
