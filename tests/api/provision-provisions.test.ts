/**
 * Provision to third parties over HTTP (issue 9; A17-2, A17の2, A18): to a recipient outside public
 * bodies a provision needs the written agreement with its document and the safety measures the
 * recipient confirmed (A18-1, -2) before it goes to approval; A17-2's grounds are decided by the
 * 総括保護管理者; only an approved provision is active; a file with My Numbers never leaves on A17-2's
 * grounds (A17の2). Every change is an audit event. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import type { ProvisionView } from '../../shared/api/provision-provisions.ts';
import { databases } from '../support/databases.ts';
import { agreementBody, bodyOf, PDF, provisionBody, provisionHarness } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const MEASURES = {
  measures: ['access_restriction', 'purpose_limit', 'no_reprovision', 'return_or_erase'],
  confirmedOn: '2026-11-28',
  confirmedBy: '株式会社サンプル情報システム 情報管理責任者',
};

describe.each(databases)('provision: provisions to third parties over HTTP on %s (A17-2, A18)', (kind) => {
  it('refuses a provision to a private party without the written agreement; with it, it is approved and active (A18-1)', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const company = await h.party({ contractor: false, name: '株式会社架空リサーチ' });
    const created = await c.manager.post('/api/provision/provisions', provisionBody(company.id, o.tokyoFile));
    const draft = bodyOf<ProvisionView>(created, 201);
    expect(draft).toMatchObject({
      status: 'draft',
      isPublicBody: false,
      agreementRequired: true,
      measuresRequired: true,
      agreement: null,
      sectionId: o.sections.tokyoKyomu,
    });
    expect(draft.number).toMatch(/^P2026-\d{4}$/);
    const url = (suffix = '') => `/api/provision/provisions/${draft.id}${suffix}`;

    // No written agreement: refused (409), logged, and still a draft.
    expectProblem(await c.manager.post(url('/submit'), {}), 409, 'provision.agreement_required');
    expect(await h.audit('authz.denied', draft.id)).toHaveLength(1);
    // The agreement's fields without its document are not yet the written agreement.
    const recorded = bodyOf<ProvisionView>(await c.manager.put(url('/agreement'), agreementBody()));
    expect(recorded.agreement).toMatchObject({ hasDocument: false, ourSignatory: '学生課長' });
    expectProblem(await c.manager.post(url('/submit'), {}), 409, 'provision.agreement_required');
    // Only a PDF or an image is taken as the document.
    expectProblem(
      await h.upload(c.manager, url('/agreement/document'), Buffer.from('not a pdf'), 'agreement.txt'),
      400,
      'provision.agreement_document_invalid',
    );
    const uploaded = bodyOf<ProvisionView>(await h.upload(c.manager, url('/agreement/document')));
    expect(uploaded.agreement).toMatchObject({ hasDocument: true, documentName: 'document.pdf' });

    // A18-2: the safety measures, confirmed by the recipient, before approval.
    expectProblem(await c.manager.post(url('/submit'), {}), 409, 'provision.measures_required');
    bodyOf<ProvisionView>(await c.manager.put(url('/measures'), MEASURES));
    expect(await h.audit('provision.provision_activated', draft.id)).toEqual([]);

    // Nobody but the keeper submits; outsiders do not learn it exists.
    expectProblem(await c.chief.post(url('/submit'), {}), 403, 'auth.forbidden');
    for (const other of [c.staff, c.outsider, c.stranger])
      expectProblem(await other.post(url('/submit'), {}), 404, 'provision.provision_not_found');

    const pending = bodyOf<ProvisionView>(
      await c.manager.post(url('/submit'), { reason: '統計調査への協力' }),
    );
    expect(pending).toMatchObject({ status: 'pending', approvalLevel: 'chief_protection_manager' });
    expect(pending.canRecordAct).toBe(false);
    expectProblem(
      await c.manager.post(url('/acts'), {
        fileId: o.tokyoFile,
        providedOn: '2026-12-01',
        records: 10,
        means: 'media',
      }),
      409,
      'provision.provision_not_active',
    );

    // A17-2's ground: the 総括保護管理者 decides.
    const approval = bodyOf<ApprovalView>(await c.chief.get(`/api/approvals/${pending.approvalId}`));
    expect(approval).toMatchObject({ kind: 'provision', level: 'chief_protection_manager', canDecide: true });
    expect((await h.decide(c.chief, pending.approvalId!)).statusCode).toBe(200);
    const active = bodyOf<ProvisionView>(await c.manager.get(url()));
    expect(active.status).toBe('active');

    // Readers get the agreement document as it was uploaded; others 404.
    for (const reader of [c.manager, c.chief, c.chiefManager, c.auditor]) {
      const doc = await reader.get(url('/agreement/document'));
      expect(doc.statusCode).toBe(200);
      expect(doc.headers['content-type']).toMatch(/^application\/pdf/);
      expect(doc.rawPayload.equals(PDF)).toBe(true);
    }
    for (const other of [c.staff, c.outsider, c.stranger])
      expectProblem(await other.get(url('/agreement/document')), 404, 'provision.provision_not_found');

    for (const type of [
      'created',
      'agreement_recorded',
      'agreement_uploaded',
      'measures_recorded',
      'submitted',
      'activated',
    ])
      expect(await h.audit(`provision.provision_${type}`, draft.id), type).toHaveLength(1);
    const [made] = await h.audit('provision.provision_created', draft.id);
    expect(made).toMatchObject({ actorId: o.people.tokyoKyomuHead, subjectId: draft.id });
    expect(made!.payload).toMatchObject({ number: draft.number, ground: 'statistics_or_benefit' });
    expect(JSON.stringify(made!.payload)).not.toContain('進路');
  });

  it('needs no agreement for a public body; a denied provision returns to its keeper and is never active', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const ministry = await h.party({ kind: 'public_body', name: '文部科学省 高等教育局', contractor: false });
    const body = provisionBody(ministry.id, o.tokyoFile, {
      ground: 'public_body',
      recipientPurpose: '高等専門学校の学生に関する調査',
      legalBasis: '文部科学省設置法第4条',
    });
    const draft = bodyOf<ProvisionView>(await c.manager.post('/api/provision/provisions', body), 201);
    expect(draft).toMatchObject({ isPublicBody: true, agreementRequired: false, measuresRequired: false });
    const pending = bodyOf<ProvisionView>(
      await c.manager.post(`/api/provision/provisions/${draft.id}/submit`, {}),
    );
    expect(pending.status).toBe('pending');
    expect(
      (await h.decide(c.chief, pending.approvalId!, 'deny', '提供の必要性が不明（架空）')).statusCode,
    ).toBe(200);
    const back = bodyOf<ProvisionView>(await c.manager.get(`/api/provision/provisions/${draft.id}`));
    expect(back.status).toBe('rejected');
    expect(await h.audit('provision.provision_returned', draft.id)).toHaveLength(1);
    expect(await h.audit('provision.provision_activated', draft.id)).toEqual([]);

    // Ground (3) of A17-2 is for public bodies only.
    const company = await h.party({ contractor: false, name: '株式会社架空調査' });
    expectProblem(
      await c.manager.post('/api/provision/provisions', { ...body, partyId: company.id }),
      400,
      'provision.provision_public_body_only',
    );
  });

  it('refuses to provide a file with My Numbers on A17-2’s grounds (A17の2), and logs the refusal', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const company = await h.party({ contractor: false, name: '株式会社架空統計' });
    const payroll = (over: Parameters<typeof provisionBody>[2] = {}) =>
      provisionBody(company.id, o.payrollFile, {
        files: [{ fileId: o.payrollFile, items: ['職員番号', '氏名'] }],
        recipientPurpose: '給与水準の統計調査',
        recordRange: '2026年度在職者',
        ...over,
      });
    for (const ground of ['statistics_or_benefit', 'consent_or_self'] as const) {
      const before = (await h.audit('authz.denied')).length;
      expectProblem(
        await c.kyuyoManager.post('/api/provision/provisions', payroll({ ground })),
        403,
        'provision.my_number_out_of_purpose',
      );
      const denied = await h.audit('authz.denied');
      expect(denied).toHaveLength(before + 1);
      expect(denied[0]).toMatchObject({ actorId: o.people.kyuyoHead, sectionId: o.sections.kyuyo });
    }
    expect(await h.audit('provision.provision_created')).toEqual([]);
    expect(
      bodyOf<{ provisions: unknown[] }>(await c.chiefManager.get('/api/provision/provisions')).provisions,
    ).toEqual([]);

    // Where a law provides for it (番号法), the provision may be drafted.
    const byLaw = await c.kyuyoManager.post(
      '/api/provision/provisions',
      payroll({
        ground: 'law',
        lawName: '行政手続における特定の個人を識別するための番号の利用等に関する法律第19条',
        harmStatement: '',
      }),
    );
    expect(byLaw.statusCode, byLaw.body).toBe(201);
  });
});
