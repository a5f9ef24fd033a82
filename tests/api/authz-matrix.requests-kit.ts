/**
 * What the parts of individuals' requests share in the authorisation matrix (issue 12; 法76–107):
 * the scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing], the letters of who reads and who handles
 * a request (the core's policy; H: 403 requests.not_handler), the intake body of a fictional
 * requester, and a request received at a scope's section by its 保護管理者, built once per key (with
 * a match row when a part needs one). Every person is fictional.
 */
import type { RequestView } from '../../shared/api/requests.ts';
import { newId } from '../../server/platform/ids.ts';
import { sectionIn } from '../support/provision-scene.ts';
import { keeperIn, ok, onceMemo } from './authz-matrix.facility-kit.ts';
import {
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type Req,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

export const base = '/api/requests';
export const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
/** One memo for every requests matrix file (each part keys its objects with its own prefix). */
export const once = onceMemo();

// ── letters over [東京 教務係, 東京 図書係, 長岡, missing] ──
/** The handlers: the office's 保護管理者 and 保護担当者, the unit's 総括保護管理者, the 総括管理者. */
const HANDLERS = {
  chiefManager: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
};
/** Reading: the handlers and the 監査責任者, who reads every request; anyone else 404. */
export const READ: Record<SignedInActor, string> = only('NNNN', { ...HANDLERS, auditOfficer: 'AAAN' });
/** Handling: the handlers; the 監査責任者 403 requests.not_handler (H); anyone else 404. */
export const HANDLE: Record<SignedInActor, string> = only('NNNN', { ...HANDLERS, auditOfficer: 'HHHN' });

/** The intake body of a disclosure request at the section (`over` changes any field). */
export const intake = (sectionId: string, over: Record<string, unknown> = {}) => ({
  kind: 'disclosure',
  sectionId,
  channel: 'counter',
  receivedOn: '2026-11-27',
  requesterKind: 'self',
  requester: { name: '架空 行列' },
  content: '行列テストの請求',
  fileIds: [],
  identityMethod: 'driver_licence',
  feeMethod: 'revenue_stamp',
  feePaidOn: null,
  ...over,
});

export const req = (method: Method, url: string, body?: unknown): Req => ({
  method,
  url,
  ...(body !== undefined ? { body } : {}),
});

/** A protected route whose one case covers SCOPES. */
export const scoped = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: (fx: Fixture, scope: Scope) => Promise<Req>,
): RouteEntry => ({ method, path, access: 'protected', cases: [{ scopes: SCOPES, expect, request }] });

/** A request received now at the scope's section by its 保護管理者 (not memoised). */
async function receive(fx: Fixture, scope: Scope, over: Record<string, unknown>): Promise<string> {
  const by = await keeperIn(fx, scope);
  return ok<RequestView>(await by.post(base, intake(sectionIn(fx, scope), over)), 'request').id;
}

/** The scope's request under `key`, received by the section's 保護管理者; MISSING_ID for missing. */
export async function receivedIn(
  fx: Fixture,
  scope: Scope,
  key: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, key, () => receive(fx, scope, over));
}

/**
 * The scope's request under `key` with one match row, as the search part writes it (candidate) or
 * its confirm leaves it (confirmed); its record is not in the vault.
 */
export async function withMatch(
  fx: Fixture,
  scope: Scope,
  key: string,
  status: 'candidate' | 'confirmed',
  over: Record<string, unknown> = {},
): Promise<{ id: string; matchId: string }> {
  if (scope === 'missing') return { id: MISSING_ID, matchId: MISSING_ID };
  return once(fx, key, async () => {
    const id = await receive(fx, scope, over);
    const matchId = newId();
    const at = fx.services.clock.now().toISOString();
    const decided = status === 'confirmed';
    await fx.services.database.db
      .insertInto('subject_request_matches')
      .values({
        id: matchId,
        request_id: id,
        file_id: newId(),
        record_id: newId(),
        matched_on: '["name"]',
        status,
        reason: null,
        found_at: at,
        found_by: fx.org.people.tokyoKyomuHead,
        decided_at: decided ? at : null,
        decided_by: decided ? fx.org.people.tokyoKyomuHead : null,
      })
      .execute();
    return { id, matchId };
  });
}
