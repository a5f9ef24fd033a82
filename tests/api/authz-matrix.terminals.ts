/**
 * Routes of terminals (issue 3; A29, A11の2) in the authorisation matrix; see authz-matrix.table.ts
 * for the letters. Who manages an area: the 保護管理者 of its section, the 総括保護管理者 of its unit,
 * the システム管理者 everywhere. An area outside the caller's unit that they do not manage is 404; one
 * in their unit that they do not manage is 403 for a manager's action.
 *
 * Areas (made lazily, once per fixture): 東京 教務係 (section), 東京 (unit), 長岡 教務係 (section) and
 * 本部 総務課 (section). Decisions each get a fresh request, removals a fresh area.
 */
import { systemCtx } from '../../server/platform/context.ts';
import {
  everyone,
  MISSING_ID,
  only,
  sectionOf,
  unitOf,
  type Fixture,
  type Req,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const SCOPES: Scope[] = ['tokyoKyomu', 'tokyo', 'nagaoka', 'hq', 'missing'];
const sys = systemCtx('authz matrix');

/** What an area's where-clause is in a scope: a section's area, or the unit's own for 東京. */
const whereOf = (fx: Fixture, scope: Scope) =>
  scope === 'tokyo' || scope === 'missing'
    ? { unitId: unitOf(fx, scope), sectionId: null }
    : { unitId: unitOf(fx, scope), sectionId: sectionOf(fx, scope) };

async function newArea(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const area = await fx.services.terminals.areas.create(sys, {
    ...whereOf(fx, scope),
    kind: 'general',
    name: `権限表の区域 ${fx.next()}`,
  });
  return area.id;
}

const areas = new WeakMap<Fixture, Promise<Record<string, string>>>();
/** The one area of each scope, shared by the cells that only read or decide within it. */
function areaOf(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let made = areas.get(fx);
  if (!made) {
    made = (async () => {
      const out: Record<string, string> = {};
      for (const s of SCOPES.filter((s) => s !== 'missing')) out[s] = await newArea(fx, s);
      return out;
    })();
    areas.set(fx, made);
  }
  return made.then((m) => m[scope]!);
}

/** The システム管理者 acts as the requester (and approver) of the terminals the cells decide on. */
async function sysadminCtx(fx: Fixture) {
  const ctx = await fx.services.identity.ctxFor(
    fx.org.people.sysadmin,
    { ip: '127.0.0.1', userAgent: null, requestId: null },
    null,
  );
  return ctx!;
}

/** A fresh terminal of the scope's area: pending, or approved for revocation. */
async function terminalOf(fx: Fixture, scope: Scope, approved: boolean): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const ctx = await sysadminCtx(fx);
  const { terminals } = fx.services.terminals;
  const { terminal } = await terminals.request(ctx, {
    areaId: await areaOf(fx, scope),
    label: `権限表 PC ${fx.next()}`,
    reason: '権限表の検査',
  });
  if (approved) await terminals.approve(ctx, terminal.id, {});
  return terminal.id;
}

/** Letters of a manager's action over the SCOPES, per actor (see the top of the file). */
const MANAGERS = only('NNNDN', {
  staff: 'DDNNN',
  sysadmin: 'AAAAN',
  tokyoChief: 'DANNN',
  tokyoKyomuManager: 'ADNNN',
  tokyoKyomuOfficer: 'DDNNN',
});

const managed = (
  method: RouteEntry['method'],
  path: string,
  request: (fx: Fixture, scope: Scope) => Promise<Req>,
): RouteEntry => ({
  method,
  path,
  access: 'protected',
  cases: [{ scopes: SCOPES, expect: MANAGERS, request }],
});

const own = (path: string): RouteEntry => ({
  method: 'GET',
  path,
  access: 'protected',
  cases: [{ scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url: path }) }],
});

export const TERMINAL_ROUTES: RouteEntry[] = [
  own('/api/terminals/current'),
  own('/api/terminals/areas'),
  own('/api/terminals/requests/mine'),
  own('/api/terminals/inbox'),
  {
    method: 'POST',
    path: '/api/terminals/areas',
    access: 'protected',
    note: 'a missing unit: 404 for the システム管理者, refused for everyone else before any lookup',
    cases: [
      {
        scopes: SCOPES,
        expect: only('DDDDD', {
          sysadmin: 'AAAAN',
          tokyoChief: 'DADDD',
          tokyoKyomuManager: 'ADDDD',
        }),
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/terminals/areas',
          body: { ...whereOf(fx, scope), kind: 'general', name: `権限表の新しい区域 ${fx.next()}` },
        }),
      },
    ],
  },
  managed('PATCH', '/api/terminals/areas/:id', async (fx, scope) => ({
    method: 'PATCH',
    url: `/api/terminals/areas/${await areaOf(fx, scope)}`,
    body: { addressRanges: [] },
  })),
  managed('DELETE', '/api/terminals/areas/:id', async (fx, scope) => ({
    method: 'DELETE',
    url: `/api/terminals/areas/${await newArea(fx, scope)}`,
  })),
  managed('GET', '/api/terminals/areas/:id/terminals', async (fx, scope) => ({
    method: 'GET',
    url: `/api/terminals/areas/${await areaOf(fx, scope)}/terminals`,
  })),
  {
    method: 'POST',
    path: '/api/terminals/requests',
    access: 'protected',
    note: 'anyone may ask for an area of their own unit (or one they manage); other areas are not found',
    cases: [
      {
        scopes: SCOPES,
        expect: only('NNNAN', {
          staff: 'AANNN',
          sysadmin: 'AAAAN',
          tokyoChief: 'AANNN',
          tokyoKyomuManager: 'AANNN',
          tokyoKyomuOfficer: 'AANNN',
        }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: '/api/terminals/requests',
          body: { areaId: await areaOf(fx, scope), label: `権限表 PC ${fx.next()}`, reason: '権限表の検査' },
        }),
      },
    ],
  },
  managed('POST', '/api/terminals/requests/:id/approve', async (fx, scope) => ({
    method: 'POST',
    url: `/api/terminals/requests/${await terminalOf(fx, scope, false)}/approve`,
    body: {},
  })),
  managed('POST', '/api/terminals/requests/:id/reject', async (fx, scope) => ({
    method: 'POST',
    url: `/api/terminals/requests/${await terminalOf(fx, scope, false)}/reject`,
    body: { reason: '権限表の検査' },
  })),
  managed('POST', '/api/terminals/:id/revoke', async (fx, scope) => ({
    method: 'POST',
    url: `/api/terminals/${await terminalOf(fx, scope, true)}/revoke`,
    body: { reason: '権限表の検査' },
  })),
];
