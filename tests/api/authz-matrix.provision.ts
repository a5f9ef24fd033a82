/**
 * Routes of third parties (issue 9; A17–A19) in the authorisation matrix (see authz-matrix.kit.ts
 * for the letters).
 * - The register of parties is shared: everyone signed in reads parties, their checks and evidence;
 *   a 保護管理者 or 総括保護管理者 (any) adds and edits them and records capability checks (A19-1).
 * - A contract or provision belongs to the section of its files. Its section's 保護管理者 keeps it
 *   (A18, A19); the unit's 総括保護管理者 reads it (and decides exceptions in the approval engine);
 *   the 総括管理者 and the 監査責任者 read all; anyone else gets 404 — the 理事長 and the システム管理者
 *   included. The readers who do not keep it: D. A contract is also read by its section's
 *   保護担当者 and staff, who record subcontract requests for the 保護管理者 to decide (A19-3).
 * - The views per file follow the same readers; the view per party is everyone's (its lines are
 *   filtered, tests/api/provision-views.test.ts).
 * Scopes: a contract / provision / file of 東京 教務係, of 東京 図書係 (kept by 図書係's head), of 長岡
 * 教務係 (kept by its head), a missing one — built by their keepers (tests/support/provision-scene.ts).
 * Allowed writes that find the object in another state answer 409, which still counts as allowed.
 */
import { agreementBody, clausesBody, PDF, partyBody, provisionBody } from '../support/provision-fixture.ts';
import {
  contractIn,
  DAY,
  fileIn,
  partyIn,
  partyOf,
  provisionIn,
  sectionIn,
} from '../support/provision-scene.ts';
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

const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const PDF_TEXT = PDF.toString('latin1');

// Letters over [東京 教務係, 東京 図書係, 長岡, missing].
const READERS = only('NNNN', {
  chiefManager: 'AAAN',
  auditOfficer: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
});
const KEEPERS = only('NNNN', {
  chiefManager: 'DDDN',
  auditOfficer: 'DDDN',
  tokyoChief: 'DDNN',
  tokyoKyomuManager: 'ANNN',
});
/**
 * Contracts (A19): the section's 保護担当者 and its staff (清水 is placed in 東京 教務係) read the
 * section's contracts too, and record the contractor's subcontract requests (A19-3), which the
 * 保護管理者 decides; every other change stays the keeper's (D to them).
 */
const SECTION_PEOPLE = ['staff', 'tokyoKyomuOfficer'] as const;
const withSection = (base: Record<SignedInActor, string>, letters: string) => ({
  ...base,
  ...Object.fromEntries(SECTION_PEOPLE.map((a) => [a, letters])),
});
const CONTRACT_READERS = withSection(READERS, 'ANNN');
const CONTRACT_KEEPERS = withSection(KEEPERS, 'DNNN');
const SUBCONTRACT_REQUESTERS = withSection(KEEPERS, 'ANNN');
/** Parties: [an existing contractor, a missing one]. */
const PARTY_EDITORS = only('DN', { tokyoChief: 'AN', tokyoKyomuManager: 'AN' });

type Build = (fx: Fixture, scope: Scope) => Promise<Req>;
const entry = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: Build,
  scopes = SCOPES,
  note?: string,
): RouteEntry => ({
  method,
  path,
  access: 'protected',
  cases: [{ scopes, expect, request }],
  ...(note ? { note } : {}),
});
const pdfUpload = (url: string): Req => ({ method: 'POST', url, csv: { content: PDF_TEXT } });

const C = '/api/provision/contracts';
const onContract = (suffix: string, method: Method, expect: Record<SignedInActor, string>, body?: unknown) =>
  entry(method, `${C}/:id${suffix}`, expect, async (fx, scope) => ({
    method,
    url: `${C}/${(await contractIn(fx, scope)).id}${suffix}`,
    ...(body !== undefined ? { body } : {}),
  }));
const P = '/api/provision/provisions';
const onProvision = (suffix: string, method: Method, expect: Record<SignedInActor, string>, body?: unknown) =>
  entry(method, `${P}/:id${suffix}`, expect, async (fx, scope) => ({
    method,
    url: `${P}/${(await provisionIn(fx, scope)).id}${suffix}`,
    ...(body !== undefined ? { body } : {}),
  }));
const PA = '/api/provision/parties';
const onParty = (
  suffix: string,
  method: Method,
  expect: Record<SignedInActor, string>,
  body?: (fx: Fixture) => unknown,
) =>
  entry(
    method,
    `${PA}/:partyId${suffix}`,
    expect,
    async (fx, scope) => ({
      method,
      url: `${PA}/${await partyIn(fx, scope)}${suffix}`,
      ...(body ? { body: body(fx) } : {}),
    }),
    ['none', 'missing'],
  );
const onFile = (suffix: string) =>
  entry('GET', `/api/provision/files/:fileId${suffix}`, READERS, async (fx, scope) => ({
    method: 'GET',
    url: `/api/provision/files/${await fileIn(fx, scope)}${suffix}`,
  }));
const none = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: Build,
  note?: string,
) => entry(method, path, expect, request, ['tokyoKyomu'], note);

export const PROVISION_ROUTES: RouteEntry[] = [
  // ── the register of parties (A18, A19-1) ──
  none('GET', PA, everyone('A'), () => Promise.resolve({ method: 'GET', url: PA })),
  none('POST', PA, only('D', { tokyoChief: 'A', tokyoKyomuManager: 'A' }), (fx) =>
    Promise.resolve({ method: 'POST', url: PA, body: partyBody({ name: `株式会社行列テスト${fx.next()}` }) }),
  ),
  onParty('', 'GET', everyone('AN')),
  onParty('', 'PUT', PARTY_EDITORS, (fx) => ({
    ...partyBody({ name: `株式会社行列テスト改${fx.next()}` }),
    active: true,
  })),
  onParty('/checks', 'GET', everyone('AN')),
  onParty('/checks', 'POST', PARTY_EDITORS, () => ({
    checkedOn: DAY,
    method: 'on_site',
    findings: '行列テスト',
    result: 'pass',
  })),
  entry(
    'POST',
    `${PA}/:partyId/checks/:checkId/evidence`,
    PARTY_EDITORS,
    async (fx, scope) => {
      const p = scope === 'missing' ? { id: MISSING_ID, checkId: MISSING_ID } : await partyOf(fx);
      return pdfUpload(`${PA}/${p.id}/checks/${p.checkId}/evidence`);
    },
    ['none', 'missing'],
  ),
  entry(
    'GET',
    `${PA}/:partyId/evidence/:documentId`,
    everyone('AN'),
    async (fx, scope) => {
      const p = scope === 'missing' ? { id: MISSING_ID, documentId: MISSING_ID } : await partyOf(fx);
      return { method: 'GET', url: `${PA}/${p.id}/evidence/${p.documentId}` };
    },
    ['none', 'missing'],
  ),

  // ── the views (A18, A19 "Views") ──
  onFile(''),
  onFile('/export.xlsx'),
  onFile('/export.pdf'),
  onParty('/overview', 'GET', everyone('AN')),
  onParty('/overview/export.xlsx', 'GET', everyone('AN')),
  onParty('/overview/export.pdf', 'GET', everyone('AN')),

  // ── provisions (A17-2, A18) ──
  none(
    'GET',
    P,
    everyone('A'),
    () => Promise.resolve({ method: 'GET', url: P }),
    'each person gets the provisions they read',
  ),
  none('GET', `${P}/recipients`, everyone('A'), async (fx) => ({
    method: 'GET',
    url: `${P}/recipients?fileId=${await fileIn(fx, 'tokyoKyomu')}`,
  })),
  none('POST', P, only('D', { tokyoKyomuManager: 'A' }), async (fx) => ({
    method: 'POST',
    url: P,
    body: provisionBody(await partyIn(fx, 'tokyoKyomu'), await fileIn(fx, 'tokyoKyomu')),
  })),
  onProvision('', 'GET', READERS),
  onProvision('', 'PATCH', KEEPERS, { recordRange: '行列テストの範囲' }),
  onProvision('/agreement', 'PUT', KEEPERS, agreementBody()),
  entry('POST', `${P}/:id/agreement/document`, KEEPERS, async (fx, scope) =>
    pdfUpload(`${P}/${(await provisionIn(fx, scope)).id}/agreement/document`),
  ),
  onProvision('/agreement/document', 'GET', READERS),
  onProvision('/measures', 'PUT', KEEPERS, {
    measures: ['purpose_limit'],
    confirmedOn: DAY,
    confirmedBy: '先方 責任者',
  }),
  onProvision('/checks', 'POST', KEEPERS, {
    kind: 'documentary',
    timing: 'before',
    checkedOn: DAY,
    findings: '行列テスト',
    result: 'satisfactory',
  }),
  onProvision('/improvements', 'POST', KEEPERS, { request: '行列テストの改善要求', dueOn: '2026-12-25' }),
  entry('POST', `${P}/:id/improvements/:improvementId/done`, KEEPERS, async (fx, scope) => {
    const p = await provisionIn(fx, scope);
    return {
      method: 'POST',
      url: `${P}/${p.id}/improvements/${p.improvementId}/done`,
      body: { doneOn: DAY },
    };
  }),
  onProvision('/submit', 'POST', KEEPERS, {}),
  entry('POST', `${P}/:id/acts`, KEEPERS, async (fx, scope) => ({
    method: 'POST',
    url: `${P}/${(await provisionIn(fx, scope)).id}/acts`,
    body: {
      fileId: await fileIn(fx, scope === 'missing' ? 'tokyoKyomu' : scope),
      providedOn: DAY,
      records: 1,
      means: 'paper',
    },
  })),
  onProvision('/close', 'POST', KEEPERS, { reason: '行列テスト' }),

  // ── contracts (A19) ──
  none(
    'GET',
    C,
    everyone('A'),
    () => Promise.resolve({ method: 'GET', url: C }),
    'each person gets the contracts they read',
  ),
  none(
    'POST',
    C,
    only('D', { tokyoChief: 'A', tokyoKyomuManager: 'A' }),
    async (fx) => ({
      method: 'POST',
      url: C,
      body: {
        partyId: await partyIn(fx, 'tokyoKyomu'),
        sectionId: fx.org.sections.tokyoKyomu,
        title: '行列テストの委託',
        work: '行列テスト',
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
      },
    }),
    'the unit’s 総括保護管理者 answers 400 provision.contract_section_invalid while the section’s 保護管理者 is in office (it keeps only a vacant seat’s contracts)',
  ),
  onContract('', 'GET', CONTRACT_READERS),
  entry('PUT', `${C}/:id`, CONTRACT_KEEPERS, async (fx, scope) => ({
    method: 'PUT',
    url: `${C}/${(await contractIn(fx, scope)).id}`,
    body: {
      partyId: await partyIn(fx, 'tokyoKyomu'),
      sectionId: sectionIn(fx, scope),
      title: '行列テストの委託',
      work: '行列テスト',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
    },
  })),
  onContract('/clauses', 'PUT', CONTRACT_KEEPERS, clausesBody()),
  entry('POST', `${C}/:id/documents`, CONTRACT_KEEPERS, async (fx, scope) =>
    pdfUpload(`${C}/${(await contractIn(fx, scope)).id}/documents?kind=contract`),
  ),
  entry('GET', `${C}/:id/documents/:kind`, CONTRACT_READERS, async (fx, scope) => ({
    method: 'GET',
    url: `${C}/${(await contractIn(fx, scope)).id}/documents/contract`,
  })),
  onContract('/exception', 'POST', CONTRACT_KEEPERS, { clauses: ['copying'], reason: '行列テスト' }),
  onContract('/activate', 'POST', CONTRACT_KEEPERS),
  onContract('/subcontracts', 'GET', CONTRACT_READERS),
  entry('POST', `${C}/:id/subcontracts`, SUBCONTRACT_REQUESTERS, async (fx, scope) => ({
    method: 'POST',
    url: `${C}/${(await contractIn(fx, scope)).id}/subcontracts`,
    body: { partyId: await partyIn(fx, 'tokyoKyomu'), work: '行列テスト', reason: '行列テスト' },
  })),
  entry('POST', `${C}/:id/subcontracts/:sid/start`, CONTRACT_KEEPERS, async (fx, scope) => {
    const k = await contractIn(fx, scope);
    return { method: 'POST', url: `${C}/${k.id}/subcontracts/${k.subId}/start` };
  }),
  entry('POST', `${C}/:id/subcontracts/:sid/end`, CONTRACT_KEEPERS, async (fx, scope) => {
    const k = await contractIn(fx, scope);
    return { method: 'POST', url: `${C}/${k.id}/subcontracts/${k.subId}/end` };
  }),
  onContract('/inspections', 'POST', CONTRACT_KEEPERS, {
    on: DAY,
    method: 'on_site',
    findings: '行列テスト',
  }),
  entry('POST', `${C}/:id/inspections/:iid/requests/:rid/done`, CONTRACT_KEEPERS, async (fx, scope) => {
    const k = await contractIn(fx, scope);
    return {
      method: 'POST',
      url: `${C}/${k.id}/inspections/${k.inspectionId}/requests/${k.requestId}/done`,
      body: { note: '行列テスト' },
    };
  }),
  onContract('/supervisions', 'POST', CONTRACT_KEEPERS, {
    on: DAY,
    method: 'report',
    findings: '行列テスト',
  }),
  onContract('/end', 'POST', CONTRACT_KEEPERS, { note: '行列テスト' }),
  onContract('/erasure', 'POST', CONTRACT_KEEPERS, { on: DAY, method: 'erased', evidence: '行列テスト' }),
  onContract('/close', 'POST', CONTRACT_KEEPERS),
];
