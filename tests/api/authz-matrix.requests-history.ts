/**
 * Routes of individuals' requests — the access history (issue 12; A22-1, A22-2) in the
 * authorisation matrix (see authz-matrix.kit.ts for the letters; H: 403 requests.not_handler).
 * Scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing]: a request received at each section by its
 * 保護管理者, with no record confirmed yet, so that allowed callers get 409
 * requests.history_no_records (authorisation let them through; the history itself is tested in
 * requests-history.test.ts).
 * - The view: the request's handlers (the office's 保護管理者 and 保護担当者, the unit's 総括保護管理者,
 *   the 総括管理者) and the 監査責任者, who reads every request; anyone else 404.
 * - The bundle and the document issued to the requester: handlers only; the 監査責任者 H.
 */
import type { RequestView } from '../../shared/api/requests.ts';
import { sectionIn } from '../support/provision-scene.ts';
import { keeperIn, ok, onceMemo } from './authz-matrix.facility-kit.ts';
import { MISSING_ID, only, type Fixture, type RouteEntry, type Scope } from './authz-matrix.kit.ts';

const once = onceMemo();
const base = '/api/requests';

/** The scope's request (one for all history routes: they write nothing but audit events). */
async function requestIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, `history-request:${scope}`, async () => {
    const by = await keeperIn(fx, scope);
    const body = {
      kind: 'disclosure',
      sectionId: sectionIn(fx, scope),
      channel: 'counter',
      receivedOn: '2026-11-27',
      requesterKind: 'self',
      requester: { name: '架空 履歴' },
      content: '行列テストの請求（アクセス履歴）',
      fileIds: [],
      identityMethod: 'driver_licence',
      feeMethod: 'revenue_stamp',
      feePaidOn: null,
    };
    return ok<RequestView>(await by.post(base, body), 'request').id;
  });
}

const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const HANDLERS = {
  chiefManager: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
};
const READ = only('NNNN', { ...HANDLERS, auditOfficer: 'AAAN' });
const ISSUE = only('NNNN', { ...HANDLERS, auditOfficer: 'HHHN' });

const route = (tail: string, expect: typeof READ): RouteEntry => ({
  method: 'GET',
  path: `${base}/:id/${tail}`,
  access: 'protected',
  cases: [
    {
      scopes: SCOPES,
      expect,
      request: async (fx, scope) => ({ method: 'GET', url: `${base}/${await requestIn(fx, scope)}/${tail}` }),
    },
  ],
});

export const REQUESTS_HISTORY_ROUTES: RouteEntry[] = [
  route('history', READ),
  route('history.json', ISSUE),
  route('history.pdf', ISSUE),
];
