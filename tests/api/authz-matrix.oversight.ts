/**
 * Routes of oversight (issue 10; A9, A37–A41) in the authorisation matrix (see authz-matrix.kit.ts for
 * the letters). Objects are built once per run by their keepers (inspections by the section's
 * 保護管理者, unit evaluations by the unit's 総括保護管理者, the organisation's records by the 総括管理者).
 * - Inspections (A37), scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing]: the section's 保護管理者
 *   inspects; the unit's 総括保護管理者 reads, sets schedules and acknowledges; the 総括管理者,
 *   監査責任者 and 理事長 read all (D when they would change); anyone else 404.
 * - Evaluations (A38), scopes [the organisation's, 東京's, 長岡's, missing]: the 総括管理者 keeps the
 *   organisation's, 東京's 総括保護管理者 keeps 東京's and reads the organisation's.
 * - Committee (A9) and guidance (A39) are organisation-wide (scope 東京 教務係 stands for "the one").
 * - Local rules (A40), scopes [the organisation's, 東京's, 長岡's, missing]: everyone reads the
 *   organisation's and their unit's.
 * - Historical materials (A41), scopes as inspections.
 * Allowed writes that find the object in another state answer 409, which still counts as allowed.
 */
import type { Services } from '../../server/app.ts';
import type {
  EvaluationView,
  GuidanceView,
  HistoricalView,
  InspectionView,
  LocalRuleView,
  MeetingView,
} from '../../shared/api/oversight.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import { PDF } from '../support/provision-fixture.ts';
import { seatsFilled, sectionIn } from '../support/provision-scene.ts';
import { fileAt } from '../support/register-fixture.ts';
import { multipart, sessionClient, type HttpClient, type Response } from './support/http-client.ts';
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

const memo = new WeakMap<Services, Map<string, Promise<unknown>>>();
function once<T>(fx: Fixture, key: string, make: () => Promise<T>): Promise<T> {
  let byKey = memo.get(fx.services);
  if (!byKey) memo.set(fx.services, (byKey = new Map<string, Promise<unknown>>()));
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key) as Promise<T>;
}
function ok<T>(res: Response, what: string): T {
  if (res.statusCode >= 300)
    throw new Error(`matrix setup (${what}) answered ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}
const as = (fx: Fixture, person: PersonKey): Promise<HttpClient> =>
  sessionClient(fx.client('staff').app, fx.services, fx.org.people[person]);
const upload = (by: HttpClient, url: string) => {
  const form = multipart({ filename: 'document.pdf', content: PDF, type: 'application/pdf' });
  return by.request('POST', url, undefined, { payload: form.payload, headers: form.headers });
};
const PDF_TEXT = PDF.toString('latin1');
const pdfUpload = (url: string): Req => ({ method: 'POST', url, csv: { content: PDF_TEXT } });

const KEEPER: Partial<Record<Scope, PersonKey>> = {
  tokyoKyomu: 'tokyoKyomuHead',
  tokyoTosho: 'tokyoToshoHead',
  nagaoka: 'nagaokaKyomuHead',
};
const inspectionBody = (sectionId: string) => ({
  sectionId,
  inspectedOn: '2026-11-02',
  media: { result: 'ok', notes: null },
  routes: { result: 'ok', notes: null },
  storage: { result: 'ok', notes: null },
  remarks: null,
  issues: null,
  actions: null,
});

/** A draft inspection of the scope's section by its 保護管理者. */
async function inspectionIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, `inspection:${scope}`, async () => {
    await seatsFilled(fx);
    const by = await as(fx, KEEPER[scope]!);
    return ok<InspectionView>(
      await by.post('/api/oversight/inspections', inspectionBody(sectionIn(fx, scope))),
      'inspection',
    ).id;
  });
}

/** An evaluation (fiscal year `fy`) of the organisation ('none'), 東京 or 長岡, with one action. */
async function evaluationIn(
  fx: Fixture,
  scope: Scope,
  fy: number,
  decided: boolean,
): Promise<EvaluationView> {
  if (scope === 'missing') return { id: MISSING_ID, actionList: [{ id: MISSING_ID }] } as EvaluationView;
  return once(fx, `evaluation:${scope}:${fy}`, async () => {
    await seatsFilled(fx);
    const keeper: PersonKey =
      scope === 'none' ? 'director1' : scope === 'tokyo' ? 'tokyoPrincipal' : 'nagaokaPrincipal';
    const unitId = scope === 'none' ? null : scope === 'tokyo' ? fx.org.units.tokyo : fx.org.units.nagaoka;
    const by = await as(fx, keeper);
    const e = ok<EvaluationView>(
      await by.post('/api/oversight/evaluations', { fiscalYear: fy, unitId }),
      'evaluation',
    );
    const url = `/api/oversight/evaluations/${e.id}`;
    ok(await by.put(url, { assessment: '評価した' }), 'assessment');
    ok(
      await by.post(`${url}/actions`, {
        description: '措置を見直す',
        featureId: 'A37',
        ownerId: fx.org.people.kyuyoStaff,
        due: '2027-03-31',
      }),
      'action',
    );
    return ok<EvaluationView>(decided ? await by.post(`${url}/decide`) : await by.get(url), 'decided');
  });
}

const meeting = (fx: Fixture) =>
  once(fx, 'meeting', async () => {
    const by = fx.client('chiefManager');
    const m = ok<MeetingView>(
      await by.post('/api/oversight/committee/meetings', {
        heldOn: '2026-11-20',
        time: null,
        place: '会議室',
        agenda: ['議題'],
      }),
      'meeting',
    );
    ok(await upload(by, `/api/oversight/committee/meetings/${m.id}/document`), 'minutes');
    return m.id;
  });
const guidance = (fx: Fixture) =>
  once(fx, 'guidance', async () => {
    const by = fx.client('chiefManager');
    const g = ok<GuidanceView>(await by.post('/api/oversight/guidance', GUIDANCE), 'guidance');
    ok(await upload(by, `/api/oversight/guidance/${g.id}/document`), 'guidance document');
    return g.id;
  });
const GUIDANCE = {
  receivedOn: '2026-10-01',
  ministry: '文部科学省',
  subject: '通知',
  summary: '要旨',
  response: null,
};

const ruleBody = (unitId: string | null) => ({
  unitId,
  title: '細則',
  number: null,
  effectiveOn: '2026-04-01',
});
async function ruleIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, `rule:${scope}`, async () => {
    await seatsFilled(fx);
    const [keeper, unitId]: [PersonKey, string | null] =
      scope === 'none'
        ? ['director1', null]
        : scope === 'tokyo'
          ? ['tokyoPrincipal', fx.org.units.tokyo]
          : ['nagaokaPrincipal', fx.org.units.nagaoka];
    const by = await as(fx, keeper);
    const r = ok<LocalRuleView>(await by.post('/api/oversight/local-rules', ruleBody(unitId)), 'rule');
    ok(await upload(by, `/api/oversight/local-rules/${r.id}/document`), 'rule document');
    return r.id;
  });
}

/** A register file of the scope's section (a new one per key). */
const fileOf = (fx: Fixture, scope: Scope, key: string) =>
  once(fx, `hfile:${scope}:${key}`, () =>
    fileAt(
      fx.services,
      {
        unitId: scope === 'nagaoka' ? fx.org.units.nagaoka : fx.org.units.tokyo,
        sectionId: sectionIn(fx, scope),
      },
      'registered',
      { name: `行列テスト歴史資料${fx.next()}` },
    ),
  );
const markBody = (fileId: string) => ({
  fileId,
  facilityName: '架空資料館',
  designatedOn: '2020-04-01',
  note: null,
});
async function markedIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  return once(fx, `marked:${scope}`, async () => {
    await seatsFilled(fx);
    const by = await as(fx, KEEPER[scope]!);
    return ok<HistoricalView>(
      await by.post('/api/oversight/historical', markBody(await fileOf(fx, scope, 'marked'))),
      'mark',
    ).id;
  });
}

type Build = (fx: Fixture, scope: Scope) => Promise<Req>;
const entry = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: Build,
  scopes: Scope[],
): RouteEntry => ({ method, path, access: 'protected', cases: [{ scopes, expect, request }] });
const one = (method: Method, path: string, expect: Record<SignedInActor, string>, request: Build) =>
  entry(method, path, expect, request, ['tokyoKyomu']);
const req = (method: Method, url: string, body?: unknown): Req => ({
  method,
  url,
  ...(body !== undefined ? { body } : {}),
});

// ── letters ──
const SECTIONS: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const TOP = (letters: string) => ({ chiefManager: letters, auditOfficer: letters, president: letters });
const I_READ = only('NNNN', { ...TOP('AAAN'), tokyoChief: 'AANN', tokyoKyomuManager: 'ANNN' });
const I_INSPECT = only('NNNN', { ...TOP('DDDN'), tokyoChief: 'DDNN', tokyoKyomuManager: 'ANNN' });
const I_ACK = only('NNNN', { ...TOP('DDDN'), tokyoChief: 'AANN', tokyoKyomuManager: 'DNNN' });
const I_SCHEDULE = only('NNNN', { ...TOP('DDDN'), tokyoChief: 'AANN', tokyoKyomuManager: 'ANNN' });
const I_CREATE = only('NNN', { ...TOP('DDD'), tokyoChief: 'DDN', tokyoKyomuManager: 'ANN' });
const UNITS: Scope[] = ['none', 'tokyo', 'nagaoka', 'missing'];
const E_READ = only('NNNN', { ...TOP('AAAN'), tokyoChief: 'AANN' });
const E_KEEP = only('NNNN', { ...TOP('DDDN'), chiefManager: 'ADDN', tokyoChief: 'DANN' });
const E_CREATE = only('NNN', { ...TOP('DDD'), chiefManager: 'ADD', tokyoChief: 'DAN' });
const COMMITTEE_READERS = ['chiefManager', 'president', 'auditOfficer', 'tokyoChief'] as const;
const readers = (otherwise: string, letters: string, extra: Partial<Record<SignedInActor, string>> = {}) =>
  only(otherwise, { ...Object.fromEntries(COMMITTEE_READERS.map((a) => [a, letters])), ...extra });
const R_READ = {
  staff: 'AANN',
  sysadmin: 'ANNN',
  president: 'AAAN',
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'AANN',
  tokyoKyomuOfficer: 'AANN',
};
const R_KEEP = {
  staff: 'DDNN',
  sysadmin: 'DNNN',
  president: 'DDDN',
  chiefManager: 'ADDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'DANN',
  tokyoKyomuManager: 'DDNN',
  tokyoKyomuOfficer: 'DDNN',
};
const R_CREATE = {
  staff: 'DDN',
  sysadmin: 'DNN',
  president: 'DDD',
  chiefManager: 'ADD',
  auditOfficer: 'DDD',
  tokyoChief: 'DAN',
  tokyoKyomuManager: 'DDN',
  tokyoKyomuOfficer: 'DDN',
};
const H_MARK = only('NNNN', { ...TOP('DDDN'), tokyoChief: 'AANN', tokyoKyomuManager: 'ANNN' });
const H_CREATE = only('NNN', { ...TOP('DDD'), tokyoChief: 'AAN', tokyoKyomuManager: 'ANN' });

const IN = '/api/oversight/inspections';
const EV = '/api/oversight/evaluations';
const CO = '/api/oversight/committee';
const GU = '/api/oversight/guidance';
const LR = '/api/oversight/local-rules';
const HI = '/api/oversight/historical';
const onInspection = (
  suffix: string,
  method: Method,
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture, s: Scope) => unknown,
) =>
  entry(
    method,
    `${IN}/:id${suffix}`,
    expect,
    async (fx, s) => req(method, `${IN}/${await inspectionIn(fx, s)}${suffix}`, body?.(fx, s)),
    SECTIONS,
  );
const onEvaluation = (
  suffix: string,
  method: Method,
  expect: Record<SignedInActor, string>,
  fy: number,
  decided: boolean,
  body?: unknown,
) =>
  entry(
    method,
    `${EV}/:id${suffix.replace('ACTION', ':actionId')}`,
    expect,
    async (fx, s) => {
      const e = await evaluationIn(fx, s, fy, decided);
      return req(method, `${EV}/${e.id}${suffix.replace('ACTION', e.actionList[0]!.id)}`, body);
    },
    UNITS,
  );

export const OVERSIGHT_ROUTES: RouteEntry[] = [
  one('GET', '/api/oversight', only('A', { staff: 'D' }), () =>
    Promise.resolve(req('GET', '/api/oversight')),
  ),
  // ── inspections (A37) ──
  one('GET', `${IN}/schedules`, everyone('A'), () => Promise.resolve(req('GET', `${IN}/schedules`))),
  entry(
    'PUT',
    `${IN}/schedules/:sectionId`,
    I_SCHEDULE,
    (fx, s) =>
      Promise.resolve(
        req('PUT', `${IN}/schedules/${s === 'missing' ? MISSING_ID : sectionIn(fx, s)}`, {
          intervalMonths: 6,
        }),
      ),
    SECTIONS,
  ),
  one('GET', IN, everyone('A'), () => Promise.resolve(req('GET', IN))),
  entry('POST', IN, I_CREATE, (fx, s) => Promise.resolve(req('POST', IN, inspectionBody(sectionIn(fx, s)))), [
    'tokyoKyomu',
    'tokyoTosho',
    'nagaoka',
  ]),
  onInspection('', 'GET', I_READ),
  onInspection('', 'PUT', I_INSPECT, (fx, s) =>
    inspectionBody(s === 'missing' ? MISSING_ID : sectionIn(fx, s)),
  ),
  onInspection('/complete', 'POST', I_INSPECT, () => ({ report: false })),
  onInspection('/report', 'POST', I_INSPECT),
  onInspection('/acknowledge', 'POST', I_ACK),
  // ── evaluation (A38) ──
  one('GET', EV, everyone('A'), () => Promise.resolve(req('GET', EV))),
  entry(
    'POST',
    EV,
    E_CREATE,
    (fx, s) =>
      Promise.resolve(
        req('POST', EV, {
          fiscalYear: 2019,
          unitId: s === 'none' ? null : s === 'tokyo' ? fx.org.units.tokyo : fx.org.units.nagaoka,
        }),
      ),
    ['none', 'tokyo', 'nagaoka'],
  ),
  one('GET', `${EV}/owners`, only('D', { chiefManager: 'A', tokyoChief: 'A' }), () =>
    Promise.resolve(req('GET', `${EV}/owners`)),
  ),
  onEvaluation('', 'GET', E_READ, 2020, false),
  onEvaluation('', 'PUT', E_KEEP, 2020, false, { assessment: '追記' }),
  onEvaluation('/actions', 'POST', E_KEEP, 2020, false, {
    description: '措置',
    featureId: 'A38',
    ownerId: MISSING_ID,
    due: '2027-03-31',
  }),
  onEvaluation('/actions/ACTION', 'DELETE', E_KEEP, 2021, true),
  onEvaluation('/decide', 'POST', E_KEEP, 2022, false),
  onEvaluation('/actions/ACTION/done', 'POST', E_KEEP, 2023, true, { note: '完了' }),
  // ── committee (A9) ──
  one('GET', CO, readers('D', 'A'), () => Promise.resolve(req('GET', CO))),
  one('POST', `${CO}/meetings`, only('D', { chiefManager: 'A' }), () =>
    Promise.resolve(
      req('POST', `${CO}/meetings`, { heldOn: '2026-12-10', time: null, place: '会議室', agenda: ['議題'] }),
    ),
  ),
  one('GET', `${CO}/meetings/:id`, readers('N', 'A'), async (fx) =>
    req('GET', `${CO}/meetings/${await meeting(fx)}`),
  ),
  one('PUT', `${CO}/meetings/:id`, readers('N', 'D', { chiefManager: 'A' }), async (fx) =>
    req('PUT', `${CO}/meetings/${await meeting(fx)}`, {
      heldOn: '2026-11-20',
      time: null,
      place: '会議室',
      agenda: ['議題'],
    }),
  ),
  one('POST', `${CO}/meetings/:id/held`, readers('N', 'D', { chiefManager: 'A' }), async (fx) =>
    req('POST', `${CO}/meetings/${await meeting(fx)}/held`, { minutes: '議事録', decisions: [] }),
  ),
  one('POST', `${CO}/meetings/:id/document`, readers('N', 'D', { chiefManager: 'A' }), async (fx) =>
    pdfUpload(`${CO}/meetings/${await meeting(fx)}/document`),
  ),
  one('GET', `${CO}/meetings/:id/document`, readers('N', 'A'), async (fx) =>
    req('GET', `${CO}/meetings/${await meeting(fx)}/document`),
  ),
  // ── guidance (A39) ──
  one('GET', GU, readers('D', 'A'), () => Promise.resolve(req('GET', GU))),
  one('POST', GU, only('D', { chiefManager: 'A', president: 'A' }), () =>
    Promise.resolve(req('POST', GU, GUIDANCE)),
  ),
  one('GET', `${GU}/:id`, readers('N', 'A'), async (fx) => req('GET', `${GU}/${await guidance(fx)}`)),
  one('PUT', `${GU}/:id`, readers('N', 'D', { chiefManager: 'A', president: 'A' }), async (fx) =>
    req('PUT', `${GU}/${await guidance(fx)}`, GUIDANCE),
  ),
  one('POST', `${GU}/:id/document`, readers('N', 'D', { chiefManager: 'A', president: 'A' }), async (fx) =>
    pdfUpload(`${GU}/${await guidance(fx)}/document`),
  ),
  one('GET', `${GU}/:id/document`, readers('N', 'A'), async (fx) =>
    req('GET', `${GU}/${await guidance(fx)}/document`),
  ),
  // ── local rules (A40) ──
  one('GET', LR, everyone('A'), () => Promise.resolve(req('GET', LR))),
  entry(
    'POST',
    LR,
    R_CREATE,
    (fx, s) =>
      Promise.resolve(
        req(
          'POST',
          LR,
          ruleBody(s === 'none' ? null : s === 'tokyo' ? fx.org.units.tokyo : fx.org.units.nagaoka),
        ),
      ),
    ['none', 'tokyo', 'nagaoka'],
  ),
  entry('GET', `${LR}/:id`, R_READ, async (fx, s) => req('GET', `${LR}/${await ruleIn(fx, s)}`), UNITS),
  entry(
    'PUT',
    `${LR}/:id`,
    R_KEEP,
    async (fx, s) =>
      req('PUT', `${LR}/${await ruleIn(fx, s)}`, {
        title: '細則',
        number: null,
        effectiveOn: '2026-04-01',
        superseded: false,
      }),
    UNITS,
  ),
  entry(
    'POST',
    `${LR}/:id/document`,
    R_KEEP,
    async (fx, s) => pdfUpload(`${LR}/${await ruleIn(fx, s)}/document`),
    UNITS,
  ),
  entry(
    'GET',
    `${LR}/:id/document`,
    R_READ,
    async (fx, s) => req('GET', `${LR}/${await ruleIn(fx, s)}/document`),
    UNITS,
  ),
  // ── historical materials (A41) ──
  one('GET', HI, everyone('A'), () => Promise.resolve(req('GET', HI))),
  entry('POST', HI, H_CREATE, async (fx, s) => req('POST', HI, markBody(await fileOf(fx, s, 'new'))), [
    'tokyoKyomu',
    'tokyoTosho',
    'nagaoka',
  ]),
  entry('GET', `${HI}/:id`, I_READ, async (fx, s) => req('GET', `${HI}/${await markedIn(fx, s)}`), SECTIONS),
  entry(
    'POST',
    `${HI}/:id/unmark`,
    H_MARK,
    async (fx, s) => req('POST', `${HI}/${await markedIn(fx, s)}/unmark`, { reason: '解除' }),
    SECTIONS,
  ),
];
