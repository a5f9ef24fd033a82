/**
 * Correction (法90–97) and suspension of use (法98–103) requested by an individual after a disclosure
 * (issue 12), over HTTP: the records concerned are those confirmed for the disclosure; the values
 * asked for are sealed at rest; the decision is approved by the unit's 総括保護管理者; an approved
 * correction becomes an A13 correction 'instructed' in handling, applied there by staff with the
 * update grant (before/after kept sealed), after which the request is carried out; an approved
 * suspension stops the record's use for the purposes decided at once (refused under them, served
 * under the others); recipients of a provision of the file get a notice each that blocks the
 * carrying out until told (法97, 法101). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import type { CorrectionChangeView, CorrectionView } from '../../shared/api/handling-correction.ts';
import type { ProvisionView } from '../../shared/api/provision-provisions.ts';
import type { RequestView } from '../../shared/api/requests.ts';
import type { MatchesView } from '../../shared/api/requests-search.ts';
import type { RemedyView } from '../../shared/api/requests-remedies.ts';
import type { RecordView } from '../../shared/api/vault.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { partyBody, provisionBody } from '../support/provision-fixture.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient, type HttpClient, type Response } from './support/http-client.ts';

function body<T>(res: Response, status = 200): T {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

const intake = (sectionId: string, s: { name: string; student_number: string }, over = {}) => ({
  kind: 'disclosure',
  sectionId,
  channel: 'counter',
  receivedOn: '2026-10-01',
  requesterKind: 'self',
  requester: { name: s.name, studentNumber: s.student_number },
  content: '学籍ファイルに記録された私の情報',
  fileIds: [],
  identityMethod: 'student_or_staff_card',
  feeMethod: 'revenue_stamp',
  feePaidOn: '2026-10-01',
  ...over,
});

/** The vault org with students, handlers signed in, and a carried-out disclosure of the first one. */
async function scene(kind: DatabaseKind) {
  const api = await apiHarness(kind, { org: false });
  const { services } = api;
  const v = await buildVaultOrg(services);
  const list = students('R26', 3);
  const ids: string[] = [];
  for (const s of list) ids.push(await v.student(v.tokyoFile, s));
  const as = (p: keyof typeof v.people): Promise<HttpClient> => sessionClient(api.app, services, v.people[p]);
  const manager = await as('tokyoKyomuHead');
  const chief = await as('tokyoPrincipal');
  const staff = await as('tokyoKyomuStaff1');
  const sectionId = v.sections.tokyoKyomu;

  // The disclosure (法76): found through the search part, confirmed, carried out (the decision part's
  // own steps are tested there; here the core moves it, as its transition allows).
  const parent = body<RequestView>(await manager.post('/api/requests', intake(sectionId, list[0]!)), 201);
  const found = body<MatchesView>(
    await manager.post(`/api/requests/${parent.id}/search`, { terms: { studentNumber: 'R260001' } }),
  );
  const match = found.matches.find((m) => m.recordId === ids[0])!;
  body<MatchesView>(await manager.post(`/api/requests/${parent.id}/matches/${match.id}/confirm`, {}));
  await services.database.transaction((tx) =>
    services.requests.core.transition(tx, parent.id, ['received'], {
      status: 'carried_out',
      decision: 'full',
      decided_on: '2026-10-20',
      carried_out_on: '2026-11-02',
    }),
  );
  const remedyOf = async (kind: 'correction' | 'suspension') =>
    body<RequestView>(
      await manager.post(
        '/api/requests',
        intake(sectionId, list[0]!, {
          kind,
          parentId: parent.id,
          receivedOn: '2026-11-27',
          feeMethod: 'none',
          feePaidOn: null,
          content:
            kind === 'correction' ? '電話番号が古いので訂正してほしい' : '学籍管理での利用を停止してほしい',
        }),
      ),
      201,
    );

  /** The approval of the request's decision, approved by the 総括保護管理者. */
  async function approve(approvalId: string) {
    const current = body<ApprovalView>(await chief.get(`/api/approvals/${approvalId}`));
    body(
      await chief.post(`/api/approvals/${approvalId}/decision`, {
        decision: 'approve',
        comment: '',
        revision: current.revision,
      }),
    );
  }

  return { api, services, v, ids, manager, chief, staff, sectionId, parent, match, remedyOf, approve };
}

describe.each(databases)('correction and suspension requested by the individual on %s', (kind) => {
  it('corrects the record through handling once the 総括保護管理者 approves, then carries the request out', async () => {
    const s = await scene(kind);
    const { services, v, manager, staff } = s;
    const request = await s.remedyOf('correction');
    const url = `/api/requests/${request.id}/remedy`;

    const empty = body<RemedyView>(await manager.get(url));
    expect(empty).toMatchObject({ kind: 'correction', phase: 'drafting', parentId: s.parent.id, items: [] });
    expect(empty.candidates.map((c) => c.recordId)).toEqual([s.ids[0]]);
    expect(empty.candidates[0]!.fields.map((f) => f.key)).toContain('phone');

    // A record not confirmed for the disclosure, or a field the file lacks, is refused.
    expectProblem(
      await manager.put(`${url}/items`, {
        items: [{ matchId: s.ids[1], fields: [{ key: 'phone', value: 'x' }] }],
      }),
      400,
      'requests.remedy_match_invalid',
    );
    expectProblem(
      await manager.put(`${url}/items`, {
        items: [{ matchId: s.match.id, fields: [{ key: 'salary', value: 1 }] }],
      }),
      400,
      'requests.remedy_fields_invalid',
    );
    const NEW_PHONE = '090-7777-0001';
    const withItems = body<RemedyView>(
      await manager.put(`${url}/items`, {
        items: [{ matchId: s.match.id, fields: [{ key: 'phone', value: NEW_PHONE }] }],
      }),
    );
    expect(withItems.items[0]!.fields).toEqual([{ key: 'phone', label: '電話番号', requested: NEW_PHONE }]);
    // Sealed at rest; the 監査責任者 is no handler and sees the field, not the value.
    const stored = await services.database.db
      .selectFrom('subject_request_remedy_items')
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain('7777');
    await v.appoint('president', 'audit_officer', 'auditor');
    const auditor = await sessionClient(s.api.app, services, v.people.auditor);
    expect(body<RemedyView>(await auditor.get(url)).items[0]!.fields[0]!.requested).toBeNull();
    expectProblem(await auditor.put(`${url}/items`, { items: [] }), 403, 'requests.not_handler');

    // The decision agrees with the outcomes; it goes to the 総括保護管理者.
    const itemId = withItems.items[0]!.id;
    expectProblem(
      await manager.post(`${url}/submit`, {
        decision: 'not_correct',
        outcomes: [{ itemId, outcome: 'accepted' }],
        reason: '訂正する',
      }),
      400,
      'requests.remedy_outcomes_invalid',
    );
    const deciding = body<RemedyView>(
      await manager.post(`${url}/submit`, {
        decision: 'correct',
        outcomes: [{ itemId, outcome: 'accepted' }],
        reason: '在籍記録と照合し、請求のとおり誤りと認めた',
      }),
    );
    expect(deciding).toMatchObject({
      phase: 'deciding',
      decision: 'correct',
      approval: { status: 'submitted' },
    });
    expect(deciding.can.editItems).toBe(false);
    await s.approve(deciding.approval!.id);

    const decided = body<RemedyView>(await manager.get(url));
    expect(decided).toMatchObject({ status: 'decided', phase: 'applying', decidedOn: '2026-11-30' });
    const item = decided.items[0]!;
    expect(item).toMatchObject({ outcome: 'accepted', correctionStatus: 'instructed' });
    expect(decided.missing).toEqual([{ path: `items.${itemId}`, code: 'correction_pending' }]);
    expectProblem(
      await manager.post(`${url}/carried-out`, { carriedOutOn: '2026-11-30' }),
      409,
      'requests.remedy_not_done',
    );
    // The file section's 保護管理者 is told; the report names the request, never the values.
    const told = await services.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'request.remedy_instructed')
      .execute();
    expect(told.map((n) => n.person_id)).toContain(v.people.tokyoKyomuHead);
    expect(JSON.stringify(told)).not.toContain('7777');

    // Staff with the update grant apply it on the existing correction page (A13).
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const correction = body<CorrectionView>(
      await staff.get(`/api/handling/corrections/${item.correctionId}`),
    );
    expect(correction).toMatchObject({ status: 'instructed', recordId: s.ids[0], canApply: true });
    const report = body<{ description: string }>(
      await staff.get(`/api/handling/corrections/${item.correctionId}/report`),
    );
    expect(report.description).toBe(`本人からの訂正請求（${request.number}）による`);
    const applied = body<CorrectionView>(
      await staff.post(`/api/handling/corrections/${item.correctionId}/apply`, {
        requestId: correction.requestId,
        purpose: 'enrolment',
        values: { phone: NEW_PHONE },
      }),
    );
    expect(applied.status).toBe('corrected');
    const record = body<RecordView>(
      await staff.get(`/api/vault/files/${v.tokyoFile}/records/${s.ids[0]}?purpose=enrolment`),
    );
    expect(record.values.phone).toBe('09077770001');
    const change = body<CorrectionChangeView>(
      await manager.get(`/api/handling/corrections/${item.correctionId}/change`),
    );
    expect(change.fields).toEqual([
      { key: 'phone', label: '電話番号', before: '09000001000', after: '09077770001' },
    ]);

    // Nothing is missing now (no provision of the file): carried out.
    const ready = body<RemedyView>(await manager.get(url));
    expect(ready.missing).toEqual([]);
    expect(ready.notices).toEqual([]);
    const done = body<RemedyView>(await manager.post(`${url}/carried-out`, { carriedOutOn: '2026-11-30' }));
    expect(done).toMatchObject({ status: 'carried_out', phase: 'done', carriedOutOn: '2026-11-30' });
    const pdf = await manager.get(`${url}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const events = (await services.ledger.list(services.database.db, { subjectId: request.id })).map(
      (e) => e.type,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        'requests.remedy_items_set',
        'requests.remedy_submitted',
        'requests.remedy_decided',
        'requests.remedy_carried_out',
      ]),
    );
    expect(JSON.stringify(await services.ledger.list(services.database.db, {}))).not.toContain('7777');
  });

  it('gives the reason for a correction refused; a denied decision returns to its handlers; refusing ends the request', async () => {
    const s = await scene(kind);
    const { services, manager, chief } = s;
    const request = await s.remedyOf('correction');
    const url = `/api/requests/${request.id}/remedy`;
    const drafted = body<RemedyView>(
      await manager.put(`${url}/items`, {
        items: [{ matchId: s.match.id, fields: [{ key: 'class', value: '電気工学科3年' }] }],
      }),
    );
    const itemId = drafted.items[0]!.id;
    // 法93: what is not corrected is told with its reason.
    expectProblem(
      await manager.post(`${url}/submit`, {
        decision: 'not_correct',
        outcomes: [{ itemId, outcome: 'rejected' }],
        reason: '訂正しない',
      }),
      400,
      'requests.remedy_reason_required',
    );
    const refusal = {
      decision: 'not_correct',
      outcomes: [{ itemId, outcome: 'rejected', reason: '在籍記録のとおりであり、誤りは認められない' }],
      reason: '在籍記録と照合した結果',
    };
    const first = body<RemedyView>(await manager.post(`${url}/submit`, refusal));
    const current = body<ApprovalView>(await chief.get(`/api/approvals/${first.approval!.id}`));
    body(
      await chief.post(`/api/approvals/${first.approval!.id}/decision`, {
        decision: 'deny',
        comment: '照合の記録を添えてください',
        revision: current.revision,
      }),
    );
    const back = body<RemedyView>(await manager.get(url));
    expect(back).toMatchObject({ status: 'received', phase: 'drafting', decision: null });
    expect(back.items.map((i) => i.id)).toEqual([itemId]);
    expect(back.can.submit).toBe(true);

    const again = body<RemedyView>(await manager.post(`${url}/submit`, refusal));
    await s.approve(again.approval!.id);
    const decided = body<RemedyView>(await manager.get(url));
    expect(decided).toMatchObject({ status: 'decided', decision: 'not_correct', notices: [], missing: [] });
    expect(decided.items[0]).toMatchObject({ outcome: 'rejected', correctionId: null });
    const corrections = await services.database.db.selectFrom('handling_corrections').selectAll().execute();
    expect(corrections).toEqual([]);
    const closed = body<RemedyView>(await manager.post(`${url}/carried-out`, { carriedOutOn: '2026-11-30' }));
    expect(closed).toMatchObject({ status: 'closed', phase: 'done' });
    expect((await manager.get(`${url}/notice.pdf`)).statusCode).toBe(200);
  });

  it('suspends the record for the decided purpose at once, and waits for the recipients to be told', async () => {
    const s = await scene(kind);
    const { services, v, manager, chief, staff } = s;
    // A provision of the file to a public body, approved and active (A17-2): its recipient is told.
    const party = body<{ id: string }>(
      await manager.post(
        '/api/provision/parties',
        partyBody({ kind: 'public_body', name: '文部科学省 高等教育局', contractor: false }),
      ),
      201,
    );
    const provision = body<ProvisionView>(
      await manager.post(
        '/api/provision/provisions',
        provisionBody(party.id, v.tokyoFile, {
          ground: 'public_body',
          recipientPurpose: '高等専門学校の学生に関する調査',
          legalBasis: '文部科学省設置法第4条',
        }),
      ),
      201,
    );
    const pending = body<ProvisionView>(
      await manager.post(`/api/provision/provisions/${provision.id}/submit`, {}),
    );
    await s.approve(pending.approvalId!);
    expect(body<ProvisionView>(await manager.get(`/api/provision/provisions/${provision.id}`)).status).toBe(
      'active',
    );

    const request = await s.remedyOf('suspension');
    const url = `/api/requests/${request.id}/remedy`;
    expectProblem(
      await manager.put(`${url}/items`, { items: [{ matchId: s.match.id, purposeCodes: ['marketing'] }] }),
      400,
      'requests.remedy_purposes_invalid',
    );
    const drafted = body<RemedyView>(
      await manager.put(`${url}/items`, { items: [{ matchId: s.match.id, purposeCodes: ['enrolment'] }] }),
    );
    expect(drafted.items[0]!.purposes).toEqual([{ code: 'enrolment', label: '学籍管理' }]);
    expectProblem(
      await manager.post(`${url}/submit`, {
        decision: 'correct',
        outcomes: [{ itemId: drafted.items[0]!.id, outcome: 'accepted' }],
        reason: '停止する',
      }),
      400,
      'requests.remedy_decision_kind',
    );
    const submitted = body<RemedyView>(
      await manager.post(`${url}/submit`, {
        decision: 'suspend',
        outcomes: [{ itemId: drafted.items[0]!.id, outcome: 'accepted' }],
        reason: '学籍管理の目的を超えた利用が認められたため（架空）',
      }),
    );
    // Before the approval nothing is stopped.
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const record = (purpose: string) =>
      staff.get(`/api/vault/files/${v.tokyoFile}/records/${s.ids[0]}?purpose=${purpose}`);
    expect((await record('enrolment')).statusCode).toBe(200);
    await s.approve(submitted.approval!.id);

    // Refused for the suspended purpose, served for the other.
    expectProblem(await record('enrolment'), 403, 'vault.record_suspended');
    expect(body<RecordView>(await record('certificates')).values.student_number).toBe('R260001');
    const listed = body<{ records: RecordView[]; withheld: number }>(
      await staff.get(`/api/vault/files/${v.tokyoFile}/records?purpose=enrolment`),
    );
    expect(listed.records.map((r) => r.id)).not.toContain(s.ids[0]);

    const decided = body<RemedyView>(await manager.get(url));
    expect(decided.suspensions).toMatchObject([
      { recordId: s.ids[0], purposeCode: 'enrolment', purposeLabel: '学籍管理', liftedAt: null },
    ]);
    expect(decided.notices).toMatchObject([
      {
        provisionId: provision.id,
        provisionNumber: provision.number,
        partyName: '文部科学省 高等教育局',
        status: 'pending',
      },
    ]);
    const noticeId = decided.notices[0]!.id;
    // The pending notice blocks the carrying out (法101); the code names it.
    const blocked = expectProblem(
      await manager.post(`${url}/carried-out`, { carriedOutOn: '2026-11-30' }),
      409,
      'requests.remedy_not_done',
    );
    expect(JSON.stringify(blocked)).toContain(`notices.${noticeId}`);
    expectProblem(
      await manager.post(`${url}/notices/${noticeId}`, { status: 'told', toldOn: '2026-11-01' }),
      400,
      'requests.remedy_date_before_decision',
    );
    expectProblem(
      await chief.post(`${url}/notices/${noticeId}`, { status: 'told', toldOn: '2026-12-01' }),
      400,
      'requests.date_in_future',
    );
    const told = body<RemedyView>(
      await manager.post(`${url}/notices/${noticeId}`, { status: 'told', toldOn: '2026-11-30' }),
    );
    expect(told.notices[0]).toMatchObject({ status: 'told', toldOn: '2026-11-30' });
    expect(told.notices[0]!.recordedByName).not.toBeNull();
    const done = body<RemedyView>(await manager.post(`${url}/carried-out`, { carriedOutOn: '2026-11-30' }));
    expect(done.status).toBe('carried_out');
    // Still stopped after the request is done.
    expectProblem(await record('enrolment'), 403, 'vault.record_suspended');
    const denied = await services.ledger.list(services.database.db, { type: 'authz.denied' });
    expect(denied.filter((e) => e.payload?.code === 'vault.record_suspended')).toHaveLength(2);
  });
});
