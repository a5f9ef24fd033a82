/**
 * The objects of the authorisation matrix's third-party routes (issue 9; tests/api/authz-matrix.provision.ts),
 * one per scope, each built once per run by its keeper over HTTP:
 * - the seats the scopes need, in office (the table's appointment entries run first and may end them);
 * - a register file of the scope's section; a contractor of the register with a check and its evidence;
 * - an active contract stating the six clauses, with its document, a permitted subcontract and an
 *   inspection with an improvement request (A19);
 * - a draft provision to a company with its agreement, document and measures, and an improvement
 *   request (A18).
 * Every person, party and file is fictional.
 */
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import type { ContractView } from '../../shared/api/provision-contracts.ts';
import type { CheckView, PartyView } from '../../shared/api/provision-parties.ts';
import type { ProvisionView } from '../../shared/api/provision-provisions.ts';
import { MISSING_ID, type Fixture, type Scope } from '../api/authz-matrix.kit.ts';
import { multipart, sessionClient, type HttpClient, type Response } from '../api/support/http-client.ts';
import type { PersonKey } from './org-fixture.ts';
import { agreementBody, clausesBody, PDF, partyBody, provisionBody } from './provision-fixture.ts';
import { fileAt } from './register-fixture.ts';

export const DAY = '2026-11-27';

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
const upload = (by: HttpClient, url: string) => {
  const form = multipart({ filename: 'document.pdf', content: PDF, type: 'application/pdf' });
  return by.request('POST', url, undefined, { payload: form.payload, headers: form.headers });
};
const clientOf = (fx: Fixture, person: PersonKey): Promise<HttpClient> =>
  sessionClient(fx.client('staff').app, fx.services, fx.org.people[person]);

/**
 * The seats the scopes need, in office: the table's appointment entries (they run first) may have
 * ended 長岡's 総括保護管理者 and 保護管理者 and 東京 図書係's 保護管理者. A vacant 図書係 seat would let
 * 東京's 総括保護管理者 keep its contracts (A5) in some runs and not in others.
 */
export function seatsFilled(fx: Fixture) {
  return once(fx, 'seats', async () => {
    const held = await fx.services.organisation.appointments.list(systemCtx('matrix'), { status: 'current' });
    const has = (role: string, where: (a: (typeof held)[number]) => boolean) =>
      held.some((a) => a.role === role && where(a));
    const { units, sections } = fx.org;
    if (!has('chief_protection_manager', (a) => a.unitId === units.nagaoka))
      await fx.org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', {
        unitId: units.nagaoka,
      });
    if (!has('protection_manager', (a) => a.sectionId === sections.tokyoTosho))
      await fx.org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
        sectionId: sections.tokyoTosho,
      });
    if (!has('protection_manager', (a) => a.sectionId === sections.nagaokaKyomu))
      await fx.org.appoint('nagaokaPrincipal', 'protection_manager', 'nagaokaKyomuHead', {
        sectionId: sections.nagaokaKyomu,
      });
    return true;
  });
}

const KEEPER: Partial<Record<Scope, PersonKey>> = {
  tokyoKyomu: 'tokyoKyomuHead',
  tokyoTosho: 'tokyoToshoHead',
  nagaoka: 'nagaokaKyomuHead',
};
const CHIEF: Partial<Record<Scope, PersonKey>> = {
  tokyoKyomu: 'tokyoPrincipal',
  tokyoTosho: 'tokyoPrincipal',
  nagaoka: 'nagaokaPrincipal',
};
export const sectionIn = (fx: Fixture, scope: Scope) =>
  scope === 'tokyoTosho'
    ? fx.org.sections.tokyoTosho
    : scope === 'nagaoka'
      ? fx.org.sections.nagaokaKyomu
      : fx.org.sections.tokyoKyomu;

/** The scope's section's 保護管理者, in office. */
async function keeperIn(fx: Fixture, scope: Scope) {
  await seatsFilled(fx);
  return clientOf(fx, KEEPER[scope]!);
}

/** A register file of the scope's section. */
export function fileIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return Promise.resolve(MISSING_ID);
  return once(fx, `file:${scope}`, () =>
    fileAt(
      fx.services,
      {
        unitId: scope === 'nagaoka' ? fx.org.units.nagaoka : fx.org.units.tokyo,
        sectionId: sectionIn(fx, scope),
      },
      'registered',
      { name: `行列テスト用委託ファイル${fx.next()}` },
    ),
  );
}

/** A contractor of the register (added by 東京 教務係's 保護管理者), with a check and its evidence. */
export function partyOf(fx: Fixture) {
  return once(fx, 'party', async () => {
    const by = fx.client('tokyoKyomuManager');
    const party = ok<PartyView>(
      await by.post('/api/provision/parties', partyBody({ name: '株式会社行列テスト' })),
      'party',
    );
    const check = ok<CheckView>(
      await by.post(`/api/provision/parties/${party.id}/checks`, {
        checkedOn: DAY,
        method: 'document',
        findings: '行列テストの確認',
        result: 'pass',
      }),
      'check',
    );
    const withEvidence = ok<CheckView>(
      await upload(by, `/api/provision/parties/${party.id}/checks/${check.id}/evidence`),
      'evidence',
    );
    return { id: party.id, checkId: check.id, documentId: withEvidence.evidence[0]!.id };
  });
}
export const partyIn = async (fx: Fixture, scope: Scope) =>
  scope === 'missing' ? MISSING_ID : (await partyOf(fx)).id;

interface ContractIds {
  id: string;
  subId: string;
  inspectionId: string;
  requestId: string;
}
/** The scope's active contract, with its document, a permitted subcontract and an inspection. */
export function contractIn(fx: Fixture, scope: Scope): Promise<ContractIds> {
  if (scope === 'missing')
    return Promise.resolve({
      id: MISSING_ID,
      subId: MISSING_ID,
      inspectionId: MISSING_ID,
      requestId: MISSING_ID,
    });
  return once(fx, `contract:${scope}`, async () => {
    const keeper = await keeperIn(fx, scope);
    const party = await partyOf(fx);
    const body = { partyId: party.id, sectionId: sectionIn(fx, scope), fileIds: [await fileIn(fx, scope)] };
    const base = '/api/provision/contracts';
    const made = ok<ContractView>(
      await keeper.post(base, {
        ...body,
        title: '行列テストの委託',
        work: '行列テストの業務',
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
      }),
      `contract on ${scope}`,
    );
    const id = made.id;
    ok(await keeper.put(`${base}/${id}/clauses`, clausesBody()), 'clauses');
    ok(await keeper.post(`${base}/${id}/activate`), 'activate');
    ok(await upload(keeper, `${base}/${id}/documents?kind=contract`), 'document');
    const asked = ok<ContractView>(
      await keeper.post(`${base}/${id}/subcontracts`, {
        partyId: party.id,
        work: '行列テスト',
        reason: '行列テスト',
      }),
      'subcontract',
    );
    const sub = asked.subcontracts[0]!;
    const chief = await clientOf(fx, CHIEF[scope]!);
    const request = ok<{ revision: number }>(await chief.get(`/api/approvals/${sub.requestId}`), 'approval');
    ok(
      await chief.post(`/api/approvals/${sub.requestId}/decision`, {
        decision: 'approve',
        revision: request.revision,
      }),
      'permission',
    );
    const inspected = ok<ContractView>(
      await keeper.post(`${base}/${id}/inspections`, {
        on: DAY,
        method: 'documentary',
        findings: '行列テストの検査',
        requests: [{ text: '行列テストの改善要求', due: '2026-12-25' }],
      }),
      'inspection',
    );
    const inspection = inspected.inspections[0]!;
    return { id, subId: sub.id, inspectionId: inspection.id, requestId: inspection.requests[0]!.id };
  });
}

/** The scope's draft provision to a company, with its agreement, document and measures; and an improvement request. */
export function provisionIn(fx: Fixture, scope: Scope): Promise<{ id: string; improvementId: string }> {
  if (scope === 'missing') return Promise.resolve({ id: MISSING_ID, improvementId: MISSING_ID });
  return once(fx, `provision:${scope}`, async () => {
    const keeper = await keeperIn(fx, scope);
    const party = await partyOf(fx);
    const base = '/api/provision/provisions';
    const made = ok<ProvisionView>(
      await keeper.post(base, provisionBody(party.id, await fileIn(fx, scope))),
      `provision on ${scope}`,
    );
    const id = made.id;
    ok(await keeper.put(`${base}/${id}/agreement`, agreementBody()), 'agreement');
    ok(await upload(keeper, `${base}/${id}/agreement/document`), 'agreement document');
    ok(
      await keeper.put(`${base}/${id}/measures`, {
        measures: ['purpose_limit'],
        confirmedOn: DAY,
        confirmedBy: '先方 責任者',
      }),
      'measures',
    );
    const improved = ok<ProvisionView>(
      await keeper.post(`${base}/${id}/improvements`, {
        request: '行列テストの改善要求',
        dueOn: '2026-12-25',
      }),
      'improvement',
    );
    return { id, improvementId: improved.improvements[0]!.id };
  });
}
