/**
 * Rules per file of which acts need approval (issue 7, A12) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters): read by the file's 保護管理者 (A6), its unit's 総括保護管理者
 * (A5), the 総括管理者 and the 監査責任者 (A4, A8); set by the unit's 総括保護管理者 only.
 * Scopes: a registered file of 東京 教務係, of 東京 図書係, of 長岡 教務係, and a missing one.
 */
import type { Services } from '../../server/app.ts';
import { defaults } from '../../server/modules/handling/rules/acts.ts';
import { fileAt } from '../support/register-fixture.ts';
import {
  MISSING_ID,
  sectionOf,
  unitOf,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];

const files = new WeakMap<Services, Map<Scope, Promise<string>>>();
/** The scope's registered file (ordinary, of medium importance), one per scope and run. */
function fileIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let byScope = files.get(fx.services);
  if (!byScope) files.set(fx.services, (byScope = new Map<Scope, Promise<string>>()));
  let file = byScope.get(scope);
  if (!file) {
    file = fileAt(fx.services, { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) }, 'registered', {
      name: `行列テスト用規則ファイル${fx.next()}`,
    });
    byScope.set(scope, file);
  }
  return file;
}

const rulesOf = (method: Method, expect: Record<string, string>): RouteEntry => ({
  method,
  path: '/api/handling/files/:fileId/rules',
  access: 'protected',
  cases: [
    {
      scopes: SCOPES,
      expect: {
        staff: 'DDDN',
        sysadmin: 'DDDN',
        president: 'DDDN',
        chiefManager: 'DDDN',
        auditOfficer: 'DDDN',
        tokyoChief: 'DDDN',
        tokyoKyomuManager: 'DDDN',
        tokyoKyomuOfficer: 'DDDN',
        ...expect,
      },
      request: async (fx, scope) => ({
        method,
        url: `/api/handling/files/${await fileIn(fx, scope)}/rules`,
        ...(method === 'PUT'
          ? { body: { rules: defaults('ordinary', 'medium', false), reason: '権限表の検査' } }
          : {}),
      }),
    },
  ],
});

export const HANDLING_RULES_ROUTES: RouteEntry[] = [
  rulesOf('GET', {
    chiefManager: 'AAAN',
    auditOfficer: 'AAAN',
    tokyoChief: 'AADN',
    tokyoKyomuManager: 'ADDN',
  }),
  rulesOf('PUT', { tokyoChief: 'AADN' }),
];
