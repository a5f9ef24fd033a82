/**
 * Routes of individuals' requests — correction (法90–97) and suspension of use (法98–103) — in the
 * authorisation matrix (see authz-matrix.kit.ts for the letters; H: 403 requests.not_handler).
 * Scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing]: a correction request received at each
 * section by its 保護管理者, following a disclosure there carried out (set through the core's
 * transition, as the decision part would), one per route. Who reads and who handles is the core's:
 * the office's 保護管理者 and 保護担当者, the unit's 総括保護管理者 and the 総括管理者 handle; the
 * 監査責任者 reads but handles nothing (H); anyone else 404. Allowed writes on an undecided request
 * answer 400/409 (no items, not decided), which still counts as allowed.
 */
import type { RequestView } from '../../shared/api/requests.ts';
import { sectionIn } from '../support/provision-scene.ts';
import { keeperIn, ok } from './authz-matrix.facility-kit.ts';
import {
  MISSING_ID,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';
import { base, HANDLE, intake, once, READ, req, scoped } from './authz-matrix.requests-kit.ts';

/** The scope's correction request for one route, after a disclosure carried out at the same office. */
async function remedyIn(fx: Fixture, scope: Scope, route: string): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, `remedy:${scope}:${route}`, async () => {
    const by = await keeperIn(fx, scope);
    const parent = ok<RequestView>(
      await by.post(base, intake(sectionIn(fx, scope), { receivedOn: '2026-10-01' })),
      'disclosure',
    );
    const { services } = fx;
    await services.database.transaction((tx) =>
      services.requests.core.transition(tx, parent.id, ['received'], {
        status: 'carried_out',
        decision: 'full',
        decided_on: '2026-10-20',
        carried_out_on: '2026-11-02',
      }),
    );
    const child = ok<RequestView>(
      await by.post(
        base,
        intake(sectionIn(fx, scope), { kind: 'correction', parentId: parent.id, feeMethod: 'none' }),
      ),
      'correction',
    );
    return child.id;
  });
}

const entry = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  route: string,
  tail: string,
  body?: unknown,
): RouteEntry =>
  scoped(method, path, expect, async (fx, scope) =>
    req(method, `${base}/${await remedyIn(fx, scope, route)}${tail}`, body),
  );

export const REQUESTS_REMEDIES_ROUTES: RouteEntry[] = [
  entry('GET', `${base}/:id/remedy`, READ, 'view', '/remedy'),
  entry('PUT', `${base}/:id/remedy/items`, HANDLE, 'items', '/remedy/items', { items: [] }),
  entry('POST', `${base}/:id/remedy/submit`, HANDLE, 'submit', '/remedy/submit', {
    decision: 'correct',
    outcomes: [],
    reason: '行列テストの決定',
  }),
  entry('POST', `${base}/:id/remedy/notices/:noticeId`, HANDLE, 'notice', `/remedy/notices/${MISSING_ID}`, {
    status: 'told',
    toldOn: '2026-11-30',
  }),
  entry('GET', `${base}/:id/remedy/notice.pdf`, READ, 'pdf', '/remedy/notice.pdf'),
  entry('POST', `${base}/:id/remedy/carried-out`, HANDLE, 'carried', '/remedy/carried-out', {
    carriedOutOn: '2026-11-30',
  }),
];
