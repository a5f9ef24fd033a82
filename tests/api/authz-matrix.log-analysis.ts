/**
 * Routes of the log analysis (issue 4; A22-1) in the authorisation matrix; see authz-matrix.table.ts
 * for the letters. Reports: a 保護管理者 reads, runs and signs off their section's; a 総括保護管理者 reads
 * and runs their unit's and its sections' and signs off the unit's; the 総括管理者 and 監査責任者 read
 * and run every report but sign off none. A report the caller may not read is 404. The auditor's
 * questions: the same four roles (each answer holds only the entries of the caller's scope).
 *
 * Reports (made lazily once per fixture, as the system): one per scope — 東京 教務係, 東京 図書係, 長岡
 * 教務係 (sections) and 東京 (the unit). Sign-off cells each get a fresh report.
 */
import { DEFAULT_ANALYSIS_SETTINGS } from '../../shared/api/log-analysis.ts';
import type { Services } from '../../server/app.ts';
import type { LogAnalysis } from '../../server/modules/logs/analysis/index.ts';
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

const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'tokyo', 'missing'];
const sys = systemCtx('authz matrix');
const PERIOD = { from: '2026-11-22T15:00:00.000Z', to: '2026-11-29T15:00:00.000Z' };

const analysisOf = (fx: Fixture) => (fx.services as Services & { logAnalysis: LogAnalysis }).logAnalysis;

async function newReport(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const sectionId = scope === 'tokyo' ? null : sectionOf(fx, scope);
  const row = await analysisOf(fx).reports.make(
    sys,
    { unitId: unitOf(fx, scope), sectionId, ...PERIOD },
    'on_demand',
  );
  return row.id;
}

const reports = new WeakMap<Fixture, Promise<Record<string, string>>>();
/** The one report of each scope, shared by the cells that only read it. */
function reportOf(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  let made = reports.get(fx);
  if (!made) {
    made = (async () => {
      const out: Record<string, string> = {};
      for (const s of SCOPES.filter((s) => s !== 'missing')) out[s] = await newReport(fx, s);
      return out;
    })();
    reports.set(fx, made);
  }
  return made.then((m) => m[scope]!);
}

/** The four roles that analyse, for a route without an object: allowed; everyone else refused. */
const ANALYSTS = only('D', { chiefManager: 'A', auditOfficer: 'A', tokyoChief: 'A', tokyoKyomuManager: 'A' });

const plain = (path: string, url = path): RouteEntry => ({
  method: 'GET',
  path,
  access: 'protected',
  cases: [{ scopes: ['none'], expect: ANALYSTS, request: () => ({ method: 'GET', url }) }],
});

const question = 'recordId=student-1&fromDay=2026-11-23&toDay=2026-11-29';

export const LOG_ANALYSIS_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/log-analysis/settings',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/log-analysis/settings' }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/log-analysis/settings',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { chiefManager: 'A', sysadmin: 'A' }),
        request: (): Req => ({
          method: 'PUT',
          url: '/api/log-analysis/settings',
          body: DEFAULT_ANALYSIS_SETTINGS,
        }),
      },
    ],
  },
  plain('/api/log-analysis/scopes'),
  plain('/api/log-analysis/reports'),
  {
    method: 'POST',
    path: '/api/log-analysis/reports',
    access: 'protected',
    note: 'a missing section: 404 for those who may analyse anywhere, refused for everyone else before any lookup',
    cases: [
      {
        scopes: SCOPES,
        expect: only('DDDDD', {
          chiefManager: 'AAAAN',
          auditOfficer: 'AAAAN',
          tokyoChief: 'AADAD',
          tokyoKyomuManager: 'ADDDD',
        }),
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/log-analysis/reports',
          body: {
            ...(scope === 'tokyo'
              ? { scopeKind: 'unit', unitId: unitOf(fx, scope) }
              : { scopeKind: 'section', sectionId: sectionOf(fx, scope) }),
            fromDay: '2026-11-23',
            toDay: '2026-11-29',
          },
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/log-analysis/reports/:id',
    access: 'protected',
    cases: [
      {
        scopes: SCOPES,
        expect: only('NNNNN', {
          chiefManager: 'AAAAN',
          auditOfficer: 'AAAAN',
          tokyoChief: 'AANAN',
          tokyoKyomuManager: 'ANNNN',
        }),
        request: async (fx, scope) => ({
          method: 'GET',
          url: `/api/log-analysis/reports/${await reportOf(fx, scope)}`,
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/log-analysis/reports/:id/sign-off',
    access: 'protected',
    note: 'a report one may read but not sign off is refused; one one may not read is not found',
    cases: [
      {
        scopes: SCOPES,
        expect: only('NNNNN', {
          chiefManager: 'DDDDN',
          auditOfficer: 'DDDDN',
          tokyoChief: 'DDNAN',
          tokyoKyomuManager: 'ANNNN',
        }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/log-analysis/reports/${await newReport(fx, scope)}/sign-off`,
          body: { comment: '権限表の確認' },
        }),
      },
    ],
  },
  plain('/api/log-analysis/access', `/api/log-analysis/access?${question}`),
  plain('/api/log-analysis/access/export', `/api/log-analysis/access/export?${question}&format=csv`),
];
