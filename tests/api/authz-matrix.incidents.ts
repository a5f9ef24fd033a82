/**
 * Routes of incidents (issue 8; A34–A35, 法68) in the authorisation matrix (see authz-matrix.kit.ts
 * for the letters).
 * - Anyone signed in reports, gets the form, the list (what they read), the counts and the settings.
 * - An incident is read by its reporter, its section's 保護管理者, its unit's 総括保護管理者, and the
 *   総括管理者, 理事長 and 監査責任者 (all); anyone else gets 404 — the システム管理者 included.
 * - Contain, facts, links, measures (A34-2, -3, -5): the section's 保護管理者 or the unit's
 *   総括保護管理者; the other readers: D.
 * - Steps (A34): chief_protection by the section's 保護管理者; ministries by the 総括管理者.
 * - Notice (法68②), publication (A35) and close: the unit's 総括保護管理者.
 * - Changing the settings: the 総括管理者 or the システム管理者.
 * Scopes: an incident of 東京 教務係 and of 東京 図書係 (both reported by 図書係's head, who is no
 * actor and is 図書係's 保護管理者 here), of 長岡 教務係 (reported by 長岡's staff), a missing one.
 * Each incident keeps one open measure so that no cell ever closes it (closing answers 409).
 */
import type { Services } from '../../server/app.ts';
import { DEFAULT_INCIDENT_SETTINGS, type IncidentView } from '../../shared/api/incidents.ts';
import { systemCtx } from '../../server/platform/context.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import {
  everyone,
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';
import { sessionClient, type HttpClient } from './support/http-client.ts';

const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const AT = '2026-11-29T09:00:00+09:00';

const memo = new WeakMap<Services, Map<string, Promise<string>>>();
function once(fx: Fixture, key: string, make: () => Promise<string>): Promise<string> {
  let byKey = memo.get(fx.services);
  if (!byKey) memo.set(fx.services, (byKey = new Map<string, Promise<string>>()));
  let value = byKey.get(key);
  if (!value) byKey.set(key, (value = make()));
  return value;
}

/** A signed-in client of a person who is no actor of the matrix (a session of its own). */
const clientOf = (fx: Fixture, person: PersonKey): Promise<HttpClient> =>
  sessionClient(fx.client('staff').app, fx.services, fx.org.people[person]);

const REPORTER: Partial<Record<Scope, PersonKey>> = {
  tokyoKyomu: 'tokyoToshoHead',
  tokyoTosho: 'tokyoToshoHead',
  nagaoka: 'nagaokaStaff',
};
/** The unit's 総括保護管理者, who keeps the incident's measures (never an actor on 長岡). */
const chiefOf = (scope: Scope): PersonKey => (scope === 'nagaoka' ? 'nagaokaPrincipal' : 'tokyoPrincipal');

function expectOk(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300)
    throw new Error(`matrix setup (${what}) answered ${res.statusCode}: ${res.body}`);
}

/** The scope's incident, with one open measure owned by its unit's 総括保護管理者. */
function incidentIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  return once(fx, `incident:${scope}`, async () => {
    await once(fx, 'seats', async () => (await seatsFilled(fx), 'ok'));
    const reporter = await clientOf(fx, REPORTER[scope]!);
    const { sections } = fx.org;
    const sectionId =
      scope === 'tokyoKyomu'
        ? sections.tokyoKyomu
        : scope === 'tokyoTosho'
          ? sections.tokyoTosho
          : sections.nagaokaKyomu;
    const res = await reporter.post('/api/incidents', {
      summary: '行列テストの事案',
      awareAt: '2026-11-28T10:00:00+09:00',
      sectionId,
    });
    expectOk(res, `report on ${scope}`);
    const id = res.json<IncidentView>().id;
    await measureOn(fx, scope, id);
    return id;
  });
}

/**
 * Seats the matrix relies on, in office: the table's appointment entries (they run first) may have
 * ended 長岡's 総括保護管理者 and 東京 図書係's 保護管理者; then they are appointed again, so that 長岡's
 * incident has a keeper and a vacant 図書係 seat does not pass the 保護管理者's steps to 東京's
 * 総括保護管理者 (A5) in some runs and not in others.
 */
async function seatsFilled(fx: Fixture) {
  const held = await fx.services.organisation.appointments.list(systemCtx('matrix'), { status: 'current' });
  const has = (role: string, where: (a: (typeof held)[number]) => boolean) =>
    held.some((a) => a.role === role && where(a));
  if (!has('chief_protection_manager', (a) => a.unitId === fx.org.units.nagaoka))
    await fx.org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', {
      unitId: fx.org.units.nagaoka,
    });
  if (!has('protection_manager', (a) => a.sectionId === fx.org.sections.tokyoTosho))
    await fx.org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
      sectionId: fx.org.sections.tokyoTosho,
    });
}

/** The unit's 総括保護管理者, in office. */
async function chiefIn(fx: Fixture, scope: Scope): Promise<HttpClient> {
  await once(fx, 'seats', async () => (await seatsFilled(fx), 'ok'));
  return clientOf(fx, chiefOf(scope));
}

/** A new open measure on the scope's incident (added by its unit's chief); its id. */
async function measureOn(fx: Fixture, scope: Scope, incidentId: string): Promise<string> {
  const chief = await chiefIn(fx, scope);
  const res = await chief.post(`/api/incidents/${incidentId}/measures`, {
    text: `行列テストの再発防止策 ${fx.next()}`,
    ownerId: fx.org.people[chiefOf(scope)],
    due: '2026-12-25',
  });
  expectOk(res, `measure on ${scope}`);
  return res.json<IncidentView>().measures.at(-1)!.id;
}

/** A new link on the scope's incident (added by its unit's chief); its id. */
async function linkOn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const id = await incidentIn(fx, scope);
  const chief = await chiefIn(fx, scope);
  const res = await chief.post(`/api/incidents/${id}/links`, { kind: 'file', ref: await fileOf(fx, scope) });
  expectOk(res, `link on ${scope}`);
  return res.json<IncidentView>().links.at(-1)!.id;
}

/** A register file of the scope's unit to link to. */
function fileOf(fx: Fixture, scope: Scope): Promise<string> {
  return once(fx, `file:${scope}`, async () => {
    const unit = scope === 'nagaoka' ? 'nagaoka' : 'tokyo';
    const section = scope === 'nagaoka' ? fx.org.sections.nagaokaKyomu : fx.org.sections.tokyoKyomu;
    return fileAt(fx.services, { unitId: fx.org.units[unit], sectionId: section }, 'registered', {
      name: `行列テスト用事案ファイル${fx.next()}`,
    });
  });
}

// Letters over [東京 教務係, 東京 図書係, 長岡, missing].
const READERS = only('NNNN', {
  president: 'AAAN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
});
/** The section's 保護管理者 or the unit's 総括保護管理者; the other readers are denied. */
const KEEPERS = only('NNNN', {
  president: 'DDDN',
  chiefManager: 'DDDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
});
/** The unit's 総括保護管理者 only (notice, publication, close). */
const CHIEF = only('NNNN', {
  president: 'DDDN',
  chiefManager: 'DDDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'DNNN',
});

const onIncident = (
  suffix: string,
  method: Method,
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture, scope: Scope) => unknown,
): RouteEntry => ({
  method,
  path: `/api/incidents/:id${suffix}`,
  access: 'protected',
  cases: [
    {
      scopes: SCOPES,
      expect,
      request: async (fx, scope) => ({
        method,
        url: `/api/incidents/${await incidentIn(fx, scope)}${suffix}`,
        ...(body ? { body: body(fx, scope) } : {}),
      }),
    },
  ],
});

const everyoneGet = (path: string): RouteEntry => ({
  method: 'GET',
  path,
  access: 'protected',
  cases: [{ scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url: path }) }],
});

export const INCIDENTS_ROUTES: RouteEntry[] = [
  everyoneGet('/api/incidents/form'),
  {
    ...everyoneGet('/api/incidents'),
    note: 'each person gets the incidents they read (tests/api/incidents-law.test.ts)',
  },
  everyoneGet('/api/incidents/counts'),
  everyoneGet('/api/incidents/settings'),
  {
    method: 'POST',
    path: '/api/incidents',
    access: 'protected',
    note: 'anyone reports (A34-1); someone without a section of their own answers 400 incidents.section_invalid',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({
          method: 'POST',
          url: '/api/incidents',
          body: { summary: '行列テストの報告', awareAt: '2026-11-29T10:00:00+09:00' },
        }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/incidents/settings',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A', chiefManager: 'A' }),
        request: () => ({ method: 'PUT', url: '/api/incidents/settings', body: DEFAULT_INCIDENT_SETTINGS }),
      },
    ],
  },
  onIncident('', 'GET', READERS),
  onIncident('/report.pdf', 'GET', READERS),
  onIncident('/containment', 'POST', KEEPERS, () => ({ at: AT, text: '行列テストの措置' })),
  onIncident('/facts', 'PUT', KEEPERS, () => ({ cause: '行列テスト' })),
  onIncident('/links', 'POST', KEEPERS, () => ({ kind: 'approval_request', ref: 'R2026-999999' })),
  {
    method: 'DELETE',
    path: '/api/incidents/:id/links/:linkId',
    access: 'protected',
    cases: [
      {
        scopes: SCOPES,
        expect: KEEPERS,
        request: async (fx, scope) => ({
          method: 'DELETE',
          url: `/api/incidents/${await incidentIn(fx, scope)}/links/${await linkOn(fx, scope)}`,
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/incidents/:id/steps',
    access: 'protected',
    note: 'allowed cells answer 409 (the investigation is incomplete, or the order): authorisation comes first',
    cases: [
      {
        label: 'chief_protection',
        scopes: SCOPES,
        expect: only('NNNN', {
          president: 'DDDN',
          chiefManager: 'DDDN',
          auditOfficer: 'DDDN',
          tokyoChief: 'DDNN',
          tokyoKyomuManager: 'ANNN',
        }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/incidents/${await incidentIn(fx, scope)}/steps`,
          body: { step: 'chief_protection', at: AT },
        }),
      },
      {
        label: 'ministries',
        scopes: SCOPES,
        expect: only('NNNN', {
          president: 'DDDN',
          chiefManager: 'AAAN',
          auditOfficer: 'DDDN',
          tokyoChief: 'DDNN',
          tokyoKyomuManager: 'DNNN',
        }),
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/incidents/${await incidentIn(fx, scope)}/steps`,
          body: { step: 'ministries', at: AT, to: '文部科学省' },
        }),
      },
    ],
  },
  onIncident('/notice', 'PUT', CHIEF, () => ({ substitute: '行列テストの代替措置' })),
  onIncident('/publication', 'PUT', CHIEF, () => ({ publish: false, reason: '行列テスト' })),
  onIncident('/measures', 'POST', KEEPERS, (fx, scope) => ({
    text: '行列テストの再発防止策',
    ownerId: fx.org.people[chiefOf(scope)],
    due: '2026-12-25',
  })),
  {
    method: 'POST',
    path: '/api/incidents/:id/measures/:measureId/done',
    access: 'protected',
    note: 'the measure is owned by the unit’s 総括保護管理者',
    cases: [
      {
        scopes: SCOPES,
        expect: KEEPERS,
        request: async (fx, scope) => {
          const id = await incidentIn(fx, scope);
          const measureId = scope === 'missing' ? MISSING_ID : await measureOn(fx, scope, id);
          return {
            method: 'POST',
            url: `/api/incidents/${id}/measures/${measureId}/done`,
            body: { note: '行列テストで完了' },
          };
        },
      },
    ],
  },
  onIncident('/close', 'POST', CHIEF, () => ({ summary: '行列テスト' })),
];
