/**
 * Audits (issue 10; A36) over HTTP: a checklist covers exactly the articles in scope; evidence links
 * accept only Mamori's records of the audit's units and period; uploaded documents are kept with
 * their SHA-256. SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { AuditView, PlanInput } from '../../shared/api/audits.ts';
import type { EvidenceItem } from '../../shared/api/evidence.ts';
import { AUDIT_DEFAULT_ARTICLES, ARTICLE_ITEMS } from '../../shared/compliance/articles.ts';
import { databases } from '../support/databases.ts';
import { incidentHarness } from '../support/incident-fixture.ts';
import { PDF } from '../support/provision-fixture.ts';
import { multipart, type Response } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';

const auditOf = (res: Response, status = 200): AuditView => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<AuditView>();
};

const plan = (over: Partial<PlanInput> = {}): PlanInput => ({
  title: '令和8年度 定期監査',
  kind: 'regular',
  unitIds: null,
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  plannedStart: '2026-12-01',
  plannedEnd: '2026-12-10',
  ...over,
});

describe.each(databases)('audit checklists and evidence on %s (A36)', (kind) => {
  it('a checklist covers exactly the articles in scope', async () => {
    const h = await incidentHarness(kind);
    const { c } = h;
    // Only the 監査責任者 plans (A36); the 総括管理者 reads but may not.
    expectProblem(await c.chiefManager.post('/api/audits', plan()), 403, 'auth.forbidden');
    // 第20条 and articles beyond 第35条 are outside an audit's reach.
    expect((await c.auditor.post('/api/audits', plan({ articles: [10, 20] }))).statusCode).toBe(400);
    expect((await c.auditor.post('/api/audits', plan({ articles: [36] }))).statusCode).toBe(400);

    const narrow = auditOf(await c.auditor.post('/api/audits', plan({ articles: [35, 10, 34] })), 201);
    expect(narrow.number).toBe('A2026-0001');
    expect(narrow.status).toBe('planned');
    expect(narrow.checklist).toEqual([]);
    const started = auditOf(await c.auditor.post(`/api/audits/${narrow.id}/start`));
    expect(started.status).toBe('in_progress');
    expect(started.checklist.map((i) => i.featureId)).toEqual([
      'A10-1',
      'A10-2',
      'A10-3',
      'A10-4',
      'A34',
      'A35',
    ]);
    expect(started.checklist.every((i) => i.question.length > 0 && i.answer === null)).toBe(true);
    // Started once: a second start is refused, as is changing the plan.
    expectProblem(await c.auditor.post(`/api/audits/${narrow.id}/start`), 409, 'audits.not_planned');
    expectProblem(await c.auditor.patch(`/api/audits/${narrow.id}`, plan()), 409, 'audits.not_planned');

    // The default scope: 第3–19条 and 第21–35条, every item of them and nothing of 第20条 or 第36条 on.
    const all = auditOf(await c.auditor.post('/api/audits', plan({ title: '全条項' })), 201);
    expect(all.number).toBe('A2026-0002');
    expect(all.articles).toEqual([...AUDIT_DEFAULT_ARTICLES]);
    const ids = auditOf(await c.auditor.post(`/api/audits/${all.id}/start`)).checklist.map(
      (i) => i.featureId,
    );
    const expected = ARTICLE_ITEMS.filter(
      (i) => (i.article >= 3 && i.article <= 19) || (i.article >= 21 && i.article <= 35),
    ).map((i) => i.id);
    expect(ids).toEqual(expected);
    expect(ids).toContain('A3');
    expect(ids).toContain('A11の2');
    expect(ids).toContain('A35');
    expect(ids.some((id) => /^A(20|3[6-9]|4\d)\b/.test(id))).toBe(false);
  });

  it('evidence accepts only records in the audit’s units and period; documents keep their SHA-256', async () => {
    const h = await incidentHarness(kind);
    const { c, o } = h;
    const tokyoIncident = await h.report();
    const nagaokaIncident = await h.report({ fileIds: [o.nagaokaFile] }, c.stranger);
    const a = auditOf(
      await c.auditor.post('/api/audits', plan({ unitIds: [o.units.tokyo], articles: [34, 35] })),
      201,
    );
    const started = auditOf(await c.auditor.post(`/api/audits/${a.id}/start`));
    const item = started.checklist.find((i) => i.featureId === 'A34')!;

    const candidates = async (k: string) =>
      (await c.auditor.get(`/api/audits/${a.id}/evidence-candidates?kind=${k}`)).json<{
        items: EvidenceItem[];
      }>().items;
    const incidents = await candidates('incident');
    expect(incidents.map((e) => e.ref)).toEqual([tokyoIncident.id]);
    expect(incidents[0]).toMatchObject({
      label: expect.stringContaining(tokyoIncident.number) as string,
      path: `/incidents/${tokyoIncident.id}`,
      unitId: o.units.tokyo,
    });
    // Labels never carry what the report says (it may touch held persons).
    expect(JSON.stringify(incidents)).not.toContain('USBメモリ');
    const files = await candidates('register_entry');
    expect(files.map((e) => e.ref).sort()).toEqual([o.tokyoFile, o.toshoFile].sort());
    expect(files.map((e) => e.path)).toContain(`/register-admin/files/${o.tokyoFile}`);
    // Only the 監査責任者 looks for evidence to link.
    expectProblem(
      await c.chiefManager.get(`/api/audits/${a.id}/evidence-candidates?kind=incident`),
      403,
      'auth.forbidden',
    );

    const link = (ref: string, k = 'incident') =>
      c.auditor.post(`/api/audits/${a.id}/items/${item.id}/evidence`, { kind: k, ref });
    const linked = auditOf(await link(tokyoIncident.id), 201);
    expect(linked.checklist.find((i) => i.id === item.id)!.evidence).toEqual([
      expect.objectContaining({
        kind: 'incident',
        ref: tokyoIncident.id,
        path: `/incidents/${tokyoIncident.id}`,
      }),
    ]);
    // Another unit's incident, an unknown id, a record of another kind: refused.
    expectProblem(await link(nagaokaIncident.id), 400, 'audits.evidence_not_in_scope');
    expectProblem(await link('00000000-0000-4000-8000-000000000000'), 400, 'audits.evidence_not_in_scope');
    expectProblem(await link(o.nagaokaFile, 'register_entry'), 400, 'audits.evidence_not_in_scope');
    expectProblem(await link(tokyoIncident.id), 409, 'audits.evidence_exists');
    // Nobody else links (the 総括管理者 reads the audit: 403; a 総括保護管理者 before the report: 404).
    expectProblem(
      await c.chiefManager.post(`/api/audits/${a.id}/items/${item.id}/evidence`, {
        kind: 'incident',
        ref: tokyoIncident.id,
      }),
      403,
      'auth.forbidden',
    );
    expectProblem(await c.chief.get(`/api/audits/${a.id}`), 404, 'audits.not_found');

    // A period before the incidents: nothing to link.
    const earlier = auditOf(
      await c.auditor.post(
        '/api/audits',
        plan({ unitIds: [o.units.tokyo], articles: [34], periodFrom: '2026-10-01', periodTo: '2026-10-31' }),
      ),
      201,
    );
    const e2 = auditOf(await c.auditor.post(`/api/audits/${earlier.id}/start`));
    expect(
      (await c.auditor.get(`/api/audits/${earlier.id}/evidence-candidates?kind=incident`)).json<{
        items: EvidenceItem[];
      }>().items,
    ).toEqual([]);
    expectProblem(
      await c.auditor.post(`/api/audits/${earlier.id}/items/${e2.checklist[0]!.id}/evidence`, {
        kind: 'incident',
        ref: tokyoIncident.id,
      }),
      400,
      'audits.evidence_not_in_scope',
    );

    // Documents: PDF, PNG or JPEG, kept with their SHA-256 and served back unchanged.
    const upload = (content: Buffer | string, filename: string) => {
      const m = multipart({ filename, content, type: 'application/pdf' });
      return c.auditor.request('POST', `/api/audits/${a.id}/items/${item.id}/documents`, undefined, m);
    };
    expectProblem(await upload('not a pdf', 'x.txt'), 400, 'audits.document_invalid');
    const withDoc = auditOf(await upload(PDF, '監査資料.pdf'), 201);
    const doc = withDoc.checklist.find((i) => i.id === item.id)!.documents[0]!;
    expect(doc).toMatchObject({ name: '監査資料.pdf', size: PDF.length, contentType: 'application/pdf' });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const got = await c.auditor.get(doc.path);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expectProblem(await c.chief.get(doc.path), 404, 'audits.not_found');
  });
});
