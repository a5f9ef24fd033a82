/**
 * Routes of training (issue 10; 第10条) in the authorisation matrix (see authz-matrix.kit.ts for the
 * letters).
 * - Everyone reads the organisation's courses and their own unit's, their own training (GET /me), and
 *   completes online material themself (409 when not in the audience, which counts as allowed).
 * - The 総括管理者 keeps the organisation's courses (A10-1, A10-2); a unit's 総括保護管理者 its unit's
 *   (A10-3); a section's 保護管理者 enrols and records its section's staff on any course it reads
 *   (A10-4); others who read a course but do not keep it: D. The 理事長 and the 監査責任者 read all.
 * - Overdue lists: the 総括管理者, 理事長, 監査責任者 (all), a 総括保護管理者 (its unit), a
 *   保護管理者 (its section); anyone else D.
 * Scopes of a course or session: 'hq' is the organisation's course, 'tokyo' 東京's, 'nagaoka' 長岡's
 * (kept by 長岡's 総括保護管理者), 'missing' none — built once per database by their keepers.
 */
import type { Services } from '../../server/app.ts';
import {
  everyone,
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type Req,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

const SCOPES: Scope[] = ['hq', 'tokyo', 'nagaoka', 'missing'];
const PDF_TEXT = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

interface Scene {
  courses: Record<'hq' | 'tokyo' | 'nagaoka', string>;
  inPerson: Record<'hq' | 'tokyo' | 'nagaoka', string>;
  online: Record<'hq' | 'tokyo' | 'nagaoka', string>;
}
const scenes = new WeakMap<Services, Promise<Scene>>();

/** Three courses (organisation, 東京, 長岡), each with material, an in-person and an online session. */
function sceneOf(fx: Fixture): Promise<Scene> {
  const cached = scenes.get(fx.services);
  if (cached) return cached;
  const made = (async () => {
    const t = fx.services.training;
    const { org } = fx;
    const make = async (by: 'director1' | 'tokyoPrincipal' | 'nagaokaPrincipal', unitId: string | null) => {
      const ctx = await org.as(by);
      const c = await t.courses.create(ctx, {
        kind: unitId ? 'managers' : 'general',
        title: unitId ? '部署の研修（マトリクス）' : '全職員研修（マトリクス）',
        ownerUnitId: unitId,
        audience: { all: true },
      });
      await t.courses.uploadMaterial(ctx, c.id, { bytes: Buffer.from(PDF_TEXT, 'latin1'), name: '教材.pdf' });
      const inPerson = await t.sessions.create(ctx, c.id, { mode: 'in_person', heldOn: '2026-11-30' });
      const online = await t.sessions.create(ctx, c.id, {
        mode: 'online',
        heldOn: '2026-11-01',
        closesOn: '2027-03-31',
      });
      return { course: c.id, inPerson: inPerson.id, online: online.id };
    };
    const hq = await make('director1', null);
    const tokyo = await make('tokyoPrincipal', org.units.tokyo);
    const nagaoka = await make('nagaokaPrincipal', org.units.nagaoka);
    return {
      courses: { hq: hq.course, tokyo: tokyo.course, nagaoka: nagaoka.course },
      inPerson: { hq: hq.inPerson, tokyo: tokyo.inPerson, nagaoka: nagaoka.inPerson },
      online: { hq: hq.online, tokyo: tokyo.online, nagaoka: nagaoka.online },
    };
  })();
  scenes.set(fx.services, made);
  return made;
}
const pick = (r: Record<'hq' | 'tokyo' | 'nagaoka', string>, scope: Scope) =>
  scope === 'hq' || scope === 'tokyo' || scope === 'nagaoka' ? r[scope] : MISSING_ID;
/** Someone of the course's audience, in 東京 教務係 where the course reaches it (the 保護管理者's section). */
const personFor = (fx: Fixture, scope: Scope) =>
  scope === 'nagaoka' ? fx.org.people.nagaokaStaff : fx.org.people.tokyoKyomuStaff1;

// Letters over [organisation's course, 東京's, 長岡's, missing].
const READERS = only('AANN', {
  sysadmin: 'ANNN',
  president: 'AAAN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
});
const KEEPERS = only('DDNN', {
  sysadmin: 'DNNN',
  president: 'DDDN',
  chiefManager: 'ADDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'DANN',
});
/** A10-4: the 保護管理者 of 東京 教務係 enrols and records its section's staff on the courses it reads. */
const ARRANGERS = { ...KEEPERS, tokyoKyomuManager: 'AANN' };

type Build = (fx: Fixture, scope: Scope) => Promise<Req>;
const entry = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: Build,
  scopes = SCOPES,
): RouteEntry => ({ method, path, access: 'protected', cases: [{ scopes, expect, request }] });

const B = '/api/training';
const onCourse = (suffix: string, method: Method, expect: Record<SignedInActor, string>, body?: Build) =>
  entry(method, `${B}/courses/:id${suffix}`, expect, async (fx, scope) => {
    const url = `${B}/courses/${pick((await sceneOf(fx)).courses, scope)}${suffix}`;
    return body ? { ...(await body(fx, scope)), method, url } : { method, url };
  });
const onSession = (
  suffix: string,
  which: 'inPerson' | 'online',
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture, scope: Scope) => unknown,
) =>
  entry('POST', `${B}/sessions/:id${suffix}`, expect, async (fx, scope) => ({
    method: 'POST',
    url: `${B}/sessions/${pick((await sceneOf(fx))[which], scope)}${suffix}`,
    ...(body ? { body: body(fx, scope) } : {}),
  }));

export const TRAINING_ROUTES: RouteEntry[] = [
  entry('GET', `${B}/me`, everyone('A'), () => Promise.resolve({ method: 'GET', url: `${B}/me` }), ['none']),
  entry(
    'GET',
    `${B}/overdue`,
    only('D', {
      president: 'A',
      chiefManager: 'A',
      auditOfficer: 'A',
      tokyoChief: 'A',
      tokyoKyomuManager: 'A',
    }),
    () => Promise.resolve({ method: 'GET', url: `${B}/overdue` }),
    ['none'],
  ),
  entry('GET', `${B}/courses`, everyone('A'), () => Promise.resolve({ method: 'GET', url: `${B}/courses` }), [
    'none',
  ]),
  // Scopes: the organisation's course, 東京's, 長岡's, a missing unit.
  entry('POST', `${B}/courses`, only('DDDD', { chiefManager: 'ADDD', tokyoChief: 'DADD' }), (fx, scope) =>
    Promise.resolve({
      method: 'POST',
      url: `${B}/courses`,
      body: {
        kind: 'general',
        title: `マトリクスの研修 ${fx.next()}`,
        ownerUnitId:
          scope === 'hq' ? null : scope === 'missing' ? MISSING_ID : fx.org.units[scope as 'tokyo'],
        audience: { all: true },
      },
    }),
  ),
  onCourse('', 'GET', READERS),
  onCourse('', 'PATCH', KEEPERS, (fx) =>
    Promise.resolve({ method: 'PATCH', url: '', body: { description: `説明 ${fx.next()}` } }),
  ),
  onCourse('/material', 'GET', READERS),
  onCourse('/material', 'POST', KEEPERS, () =>
    Promise.resolve({ method: 'POST', url: '', csv: { content: PDF_TEXT } }),
  ),
  onCourse('/sessions', 'POST', KEEPERS, () =>
    Promise.resolve({
      method: 'POST',
      url: '',
      body: { mode: 'in_person', heldOn: '2026-12-15', place: '会議室' },
    }),
  ),
  entry('GET', `${B}/sessions/:id`, READERS, async (fx, scope) => ({
    method: 'GET',
    url: `${B}/sessions/${pick((await sceneOf(fx)).inPerson, scope)}`,
  })),
  onSession('/enrolments', 'inPerson', ARRANGERS, (fx, scope) => ({ personIds: [personFor(fx, scope)] })),
  onSession('/completions', 'inPerson', ARRANGERS, (fx, scope) => ({ personIds: [personFor(fx, scope)] })),
  // Online material completed by the caller: readers of the course (those outside its audience get 409).
  onSession('/complete', 'online', READERS),
];
