/**
 * Third parties (issue 9; A17–A19) over HTTP: the organisation of org-fixture.ts with the people the
 * articles name, register files to provide or outsource, signed-in clients and input builders.
 *
 *   manager      佐藤 (tokyoKyomuHead), 東京 教務係's 保護管理者 (A6) — keeps provisions and contracts
 *                (A18, A19)
 *   chief        小林 (tokyoPrincipal), 東京's 総括保護管理者 (A5) — decides exceptions (A19-1) and
 *                A17-2's grounds
 *   chiefManager 青木 (director1), the 総括管理者 (A4) — reads all, sees the gap report
 *   auditor      上田 (auditor), the 監査責任者 (A8) — reads all
 *   staff        清水 (tokyoKyomuStaff1), 東京 教務係 without a role
 *   outsider     瀬川 (tokyoToshoHead), 東京 図書係: same unit, no part in it
 *   stranger     土屋 (nagaokaStaff), 長岡
 *   kyuyoManager 加藤 (kyuyoHead), 本部 給与係's 保護管理者 — keeps the My Number file's provisions
 * Every person, party and file is fictional.
 */
import { expect } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { Clock } from '../../server/platform/clock.ts';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import {
  CONTRACT_CLAUSES,
  type ContractClause,
  type ContractInput,
  type ContractView,
} from '../../shared/api/provision-contracts.ts';
import type { PartyInput, PartyView } from '../../shared/api/provision-parties.ts';
import type { AgreementInput, ProvisionInput } from '../../shared/api/provision-provisions.ts';
import {
  apiHarness,
  multipart,
  sessionClient,
  type HttpClient,
  type Response,
} from '../api/support/http-client.ts';
import type { DatabaseKind } from './databases.ts';
import { buildOrg, type PersonKey } from './org-fixture.ts';
import { fileAt } from './register-fixture.ts';

export type ProvisionOrg = Awaited<ReturnType<typeof buildProvisionOrg>>;

/** The organisation with the 総括管理者, 監査責任者 and 給与係's 保護管理者, and a registered file per section used. */
export async function buildProvisionOrg(services: Services) {
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'audit_officer', 'auditor');
  await org.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', { sectionId: org.sections.kyuyo });
  const file = (unit: 'tokyo' | 'nagaoka' | 'hq', section: string, over: Record<string, unknown>) =>
    fileAt(services, { unitId: org.units[unit], sectionId: section }, 'registered', over);
  const payrollFile = await file('hq', org.sections.kyuyo, {
    name: '給与・源泉徴収ファイル',
    department: '本部事務局 人事課給与係',
    recordItems: ['職員番号', '氏名', '個人番号'],
    myNumber: true,
  });
  await services.register.files.approveMyNumber(org.sys, payrollFile);
  return {
    ...org,
    tokyoFile: await file('tokyo', org.sections.tokyoKyomu, { name: '学籍ファイル' }),
    toshoFile: await file('tokyo', org.sections.tokyoTosho, { name: '図書貸出ファイル' }),
    nagaokaFile: await file('nagaoka', org.sections.nagaokaKyomu, { name: '長岡 学籍ファイル' }),
    payrollFile,
  };
}

/** A tiny PDF (the server looks at the first bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Asserts the status and answers the body as T. */
export function bodyOf<T>(res: Response, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

export const partyBody = (over: Partial<PartyInput> = {}): PartyInput => ({
  kind: 'company',
  name: '株式会社サンプル情報システム',
  address: '東京都千代田区架空町1-2-3',
  contacts: [{ department: '営業部', name: '架空 担当', phone: '03-0000-0000', email: 'sales@example.jp' }],
  contractor: true,
  managementStructure: '情報管理責任者を置き、担当者を限定する',
  ...over,
});

/** Contract facts on 東京 教務係's 学籍ファイル, for the fiscal year 2026. */
export const contractBody = (
  partyId: string,
  o: { sectionId: string; fileIds: string[] },
  over: Partial<ContractInput> = {},
): ContractInput => ({
  partyId,
  sectionId: o.sectionId,
  title: '学籍システム保守業務委託',
  work: '学籍システムの保守及び障害対応',
  reference: '契約第2026-101号',
  kind: 'outsourcing',
  fileIds: o.fileIds,
  startsOn: '2026-04-01',
  endsOn: '2027-03-31',
  ...over,
});

/** The checklist of A19-1 with every clause present except `absent`. */
export const clausesBody = (absent: ContractClause[] = []) => ({
  clauses: CONTRACT_CLAUSES.map((clause, i) =>
    absent.includes(clause)
      ? { clause, present: false }
      : { clause, present: true, reference: `第${10 + i}条` },
  ),
});

/** A provision of 東京 教務係's 学籍ファイル to `partyId`. */
export const provisionBody = (
  partyId: string,
  fileId: string,
  over: Partial<ProvisionInput> = {},
): ProvisionInput => ({
  partyId,
  files: [{ fileId, items: ['学生番号', '氏名'] }],
  ground: 'statistics_or_benefit',
  harmStatement: '統計処理後の集計値のみを利用し、個人が識別されないため',
  recipientPurpose: '学生の進路に関する統計調査',
  legalBasis: '',
  recordRange: '2025年度入学者',
  useForm: 'electronic',
  frequency: 'once',
  startsOn: '2026-12-01',
  endsOn: '2027-03-31',
  ...over,
});

export const agreementBody = (over: Partial<AgreementInput> = {}): AgreementInput => ({
  purpose: '学生の進路に関する統計調査',
  legalBasis: '',
  recordRange: '2025年度入学者',
  items: '学生番号、氏名',
  useForm: 'electronic',
  signedOn: '2026-11-27',
  ourSignatory: '学生課長',
  theirSignatory: '株式会社サンプル情報システム 情報管理責任者',
  ...over,
});

/** Services, the HTTP app, the organisation and a signed-in client per person the articles name. */
export async function provisionHarness(kind: DatabaseKind, opts: { clock?: Clock } = {}) {
  const api = await apiHarness(kind, { org: false, ...(opts.clock ? { clock: opts.clock } : {}) });
  const o = await buildProvisionOrg(api.services);
  const as = (person: PersonKey): Promise<HttpClient> =>
    sessionClient(api.app, api.services, o.people[person]);
  const c = {
    manager: await as('tokyoKyomuHead'),
    chief: await as('tokyoPrincipal'),
    chiefManager: await as('director1'),
    auditor: await as('auditor'),
    staff: await as('tokyoKyomuStaff1'),
    outsider: await as('tokyoToshoHead'),
    stranger: await as('nagaokaStaff'),
    kyuyoManager: await as('kyuyoHead'),
  };
  const kyomu = { sectionId: o.sections.tokyoKyomu, fileIds: [o.tokyoFile] };

  /** A party registered by the manager; its view. */
  const party = async (over: Partial<PartyInput> = {}) =>
    bodyOf<PartyView>(await c.manager.post('/api/provision/parties', partyBody(over)), 201);

  /** A draft contract of 東京 教務係 with a contractor (a new one unless given); its view. */
  async function contract(over: Partial<ContractInput> = {}, partyId?: string) {
    const pid = partyId ?? (await party()).id;
    return bodyOf<ContractView>(
      await c.manager.post('/api/provision/contracts', contractBody(pid, kyomu, over)),
      201,
    );
  }
  /** The manager saves the checklist with `absent` missing. */
  const clauses = async (id: string, absent: ContractClause[] = []) =>
    bodyOf<ContractView>(await c.manager.put(`/api/provision/contracts/${id}/clauses`, clausesBody(absent)));

  /** An upload of `bytes` as multipart field `file`. */
  const upload = (by: HttpClient, url: string, bytes: Buffer = PDF, filename = 'document.pdf') => {
    const form = multipart({ filename, content: bytes, type: 'application/pdf' });
    return by.request('POST', url, undefined, { payload: form.payload, headers: form.headers });
  };

  /** `by` decides approval request `id` at its current revision. */
  async function decide(
    by: HttpClient,
    id: string,
    decision: 'approve' | 'deny' | 'send_back' = 'approve',
    comment = decision === 'approve' ? '' : '理由あり',
  ) {
    const current = bodyOf<ApprovalView>(await by.get(`/api/approvals/${id}`));
    return by.post(`/api/approvals/${id}/decision`, { decision, comment, revision: current.revision });
  }

  /** Audit events of a type (about a subject). */
  const audit = (type: string, subjectId?: string) =>
    api.services.ledger.list(api.services.database.db, { type, ...(subjectId ? { subjectId } : {}) });

  return { ...api, o, as, c, kyomu, party, contract, clauses, upload, decide, audit };
}
export type ProvisionHarness = Awaited<ReturnType<typeof provisionHarness>>;
