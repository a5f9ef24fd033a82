/**
 * Individuals' requests over HTTP — intake and reading (issue 12; law-2022.md 法76–107; features
 * §10): intake at 東京 教務係 with the identity check and the fee (法77, 法89), the requester's
 * particulars sealed at rest and shown only to handlers and the 監査責任者 — never in the log, where
 * the reading itself is an access event with the request as its purpose (A11-3, A22-1) —, the
 * receiving offices with the register's words, the fee paid later and withdrawal. The clock stands
 * at 2026-11-30 09:30 (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { OfficeView, RequestListView, RequestView } from '../../shared/api/requests.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { inbox } from './facility-fixture.ts';
import { OFFICE, REQUESTER, requestsHarness } from './requests-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const base = '/api/requests';

describe.each(databases)('requests: intake, reading and withdrawal over HTTP (法76–107) on %s', (kind) => {
  it('receives a request; handlers and the 監査責任者 read the particulars, others get 404, the log never holds them', async () => {
    const h = await requestsHarness(kind);
    const { c, o } = h;
    // Only handlers of the office receive (403 with a code); the future and unknown offices are refused.
    expectProblem(await c.staff.post(base, h.body()), 403, 'auth.forbidden');
    expectProblem(await c.auditor.post(base, h.body()), 403, 'auth.forbidden');
    expectProblem(
      await c.manager.post(base, h.body({ sectionId: MISSING_ID })),
      400,
      'requests.office_invalid',
    );
    expectProblem(
      await c.manager.post(base, h.body({ sectionId: o.sections.tokyoTosho })),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await c.manager.post(base, h.body({ receivedOn: '2026-12-01' })),
      400,
      'requests.received_in_future',
    );
    expectProblem(
      await c.manager.post(base, h.body({ fileIds: [MISSING_ID] })),
      400,
      'requests.file_invalid',
    );
    expectProblem(
      await c.manager.post(base, h.body({ feeMethod: 'none' })),
      400,
      'requests.fee_method_invalid',
    );
    expectProblem(
      await c.manager.post(base, h.body({ kind: 'correction' })),
      400,
      'requests.parent_required',
    );

    const r = await h.receive();
    expect(r).toMatchObject({
      number: 'R2026-0001',
      kind: 'disclosure',
      status: 'received',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      receivedOn: '2026-11-27',
      dueOn: '2026-12-27',
      daysLeft: 27,
      requesterName: REQUESTER,
      content: '在学中の成績に関する記録の一切',
      files: [{ id: h.fileId, name: '学籍ファイル' }],
      identityMethod: 'student_or_staff_card',
      feeYen: 300,
      feeMethod: 'revenue_stamp',
      can: { handle: true, pause: true, extend: true, withdraw: true, decide: true },
    });
    expect(r.requester?.studentNumber).toBe('T24001');
    expect(r.identityCheckedBy).toBeTruthy();
    expect(r.periods.steps.map((s) => s.label)).toEqual([
      '受付日',
      '起算日（初日不算入）',
      '期間 30日',
      '決定期限',
    ]);
    expect((await h.receive()).number).toBe('R2026-0002');

    // The unit's 総括保護管理者 was told (request.received: the number and the page, nothing else).
    const told = await inbox(c.chief, 'request.received');
    expect(told.length).toBe(2);
    expect(JSON.stringify(told)).not.toContain(REQUESTER);

    // Readers: handlers and the 総括管理者 (handle), the 監査責任者 (reads, handles nothing).
    const url = `${base}/${r.id}`;
    expect(bodyOf<RequestView>(await c.chief.get(url)).requester?.name).toBe(REQUESTER);
    expect(bodyOf<RequestView>(await c.chiefManager.get(url)).can.handle).toBe(true);
    const audited = bodyOf<RequestView>(await c.auditor.get(url));
    expect(audited.requester?.name).toBe(REQUESTER);
    expect(audited.can).toEqual({
      handle: false,
      pause: false,
      extend: false,
      withdraw: false,
      decide: false,
    });
    expectProblem(
      await c.auditor.post(`${url}/pauses`, { askedOn: '2026-11-30', reason: '記載不備' }),
      403,
      'requests.not_handler',
    );
    // Everybody else: 404, the same as an unknown id; the board leaves it out.
    for (const other of [c.staff, c.outsider, c.stranger]) {
      expectProblem(await other.get(url), 404, 'requests.not_found');
      expectProblem(await other.get(`${url}/periods`), 404, 'requests.not_found');
      const board = bodyOf<RequestListView>(await other.get(base));
      expect(board).toEqual({ requests: [], canCreate: false });
    }
    expectProblem(await c.manager.get(`${base}/${MISSING_ID}`), 404, 'requests.not_found');

    // The particulars are sealed at rest and never in the log (audit or access entries).
    const row = await h.services.database.db
      .selectFrom('subject_requests')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(REQUESTER);
    expect(JSON.stringify(row)).not.toContain('T24001');
    const entries = await h.services.database.db.selectFrom('ledger_entries').selectAll().execute();
    const log = JSON.stringify(entries);
    for (const secret of [REQUESTER, 'カクウ', 'T24001', '2008-04-02', '架空町', '成績'])
      expect(log).not.toContain(secret);
    const [received] = await h.audit('requests.received', r.id);
    expect(received?.payload).toMatchObject({
      number: 'R2026-0001',
      identityMethod: 'student_or_staff_card',
    });
    // Who saw the particulars is itself logged, with the request as the purpose (A11-3, A22-1).
    const viewed = await h.audit('requests.request_viewed', r.id);
    expect(viewed.length).toBeGreaterThanOrEqual(4);
    expect(viewed[0]?.purpose).toBe('保有個人情報開示請求への対応（R2026-0001）');

    // Offices: where the caller receives, with the register's words.
    const offices = bodyOf<{ offices: OfficeView[] }>(await c.manager.get(`${base}/offices`)).offices;
    expect(offices).toEqual([
      expect.objectContaining({
        sectionId: o.sections.tokyoKyomu,
        unitId: o.units.tokyo,
        registerTexts: [OFFICE],
      }),
    ]);
    expect(bodyOf<{ offices: OfficeView[] }>(await c.staff.get(`${base}/offices`)).offices).toEqual([]);
    expect(
      bodyOf<{ offices: OfficeView[] }>(await c.chief.get(`${base}/offices`))
        .offices.map((x) => x.sectionId)
        .sort(),
    ).toEqual([o.sections.tokyoGakusei, o.sections.tokyoKyomu, o.sections.tokyoTosho].sort());
  });

  it('records the fee, withdraws an open request and refuses changes after', async () => {
    const h = await requestsHarness(kind);
    const { c } = h;
    const r = await h.receive({ feePaidOn: null, feeMethod: 'cash' });
    const url = `${base}/${r.id}`;
    const paid = bodyOf<RequestView>(
      await c.manager.post(`${url}/fee`, { method: 'cash', paidOn: '2026-11-30' }),
    );
    expect(paid).toMatchObject({ feeMethod: 'cash', feePaidOn: '2026-11-30' });
    expectProblem(
      await c.manager.post(`${url}/withdraw`, { reason: '', withdrawnOn: '2026-11-30' }),
      400,
      'request.invalid',
    );
    const gone = bodyOf<RequestView>(
      await c.manager.post(`${url}/withdraw`, {
        reason: '請求者から取下書の提出',
        withdrawnOn: '2026-11-30',
      }),
    );
    expect(gone).toMatchObject({
      status: 'withdrawn',
      closedOn: '2026-11-30',
      daysLeft: null,
      withdrawnReason: '請求者から取下書の提出',
    });
    expect(gone.can).toMatchObject({ pause: false, extend: false, withdraw: false, decide: false });
    expectProblem(
      await c.manager.post(`${url}/withdraw`, { reason: '再度', withdrawnOn: '2026-11-30' }),
      409,
      'requests.not_open',
    );
    expectProblem(
      await c.manager.post(`${url}/pauses`, { askedOn: '2026-11-30', reason: '記載不備' }),
      409,
      'requests.not_open',
    );
    expect((await h.audit('requests.withdrawn', r.id)).length).toBe(1);
  });
});
