/**
 * Audits (issue 10; A36) over HTTP, from the checklist to the report: the report is refused while
 * items are unanswered; issued, it is delivered to the 総括保護管理者 of each unit in scope, who reads
 * it and acknowledges receipt; findings' owners see their finding (others 404), record progress and
 * mark it done, the 監査責任者 confirms, overdue actions are gaps and told once. SQLite and
 * PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { AuditView, FindingView, PlanInput } from '../../shared/api/audits.ts';
import { databases } from '../support/databases.ts';
import { incidentHarness } from '../support/incident-fixture.ts';
import type { HttpClient, Response } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';

const ok = <T>(res: Response, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};

const plan = (unitId: string): PlanInput => ({
  title: '東京 随時監査',
  kind: 'ad_hoc',
  unitIds: [unitId],
  articles: [34, 35],
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  plannedStart: '2026-11-30',
  plannedEnd: '2026-12-04',
});

const noticesOf = async (c: HttpClient, kind: string) =>
  ok<{ notifications: NotificationView[] }>(await c.get('/api/notifications')).notifications.filter(
    (n) => n.kind === kind,
  );

describe.each(databases)('audit reports and findings on %s (A36)', (kind) => {
  it('refuses the report with unanswered items, then delivers it and records its acknowledgement', async () => {
    const h = await incidentHarness(kind);
    const { c, o } = h;
    const a = ok<AuditView>(await c.auditor.post('/api/audits', plan(o.units.tokyo)), 201);
    expectProblem(await c.auditor.post(`/api/audits/${a.id}/report`), 409, 'audits.not_in_progress');
    const started = ok<AuditView>(await c.auditor.post(`/api/audits/${a.id}/start`));
    const [a34, a35] = started.checklist;
    ok(
      await c.auditor.put(`/api/audits/${a.id}/items/${a34!.id}`, { answer: 'conforms', note: '手順どおり' }),
    );
    expect(
      (await c.auditor.put(`/api/audits/${a.id}/items/${a35!.id}`, { answer: 'maybe' })).statusCode,
    ).toBe(400);

    // One item unanswered: no report, and the answer says which.
    const refused = expectProblem(
      await c.auditor.post(`/api/audits/${a.id}/report`),
      409,
      'audits.items_unanswered',
    );
    expect(refused.errors?.map((d) => d.path)).toEqual(['A35']);
    expect(ok<AuditView>(await c.auditor.get(`/api/audits/${a.id}`)).status).toBe('in_progress');
    expect(await noticesOf(c.chief, 'audit.report_delivered')).toEqual([]);
    expectProblem(await c.auditor.get(`/api/audits/${a.id}/report.pdf`), 409, 'audits.not_reported');

    ok(await c.auditor.put(`/api/audits/${a.id}/items/${a35!.id}`, { answer: 'not_applicable', note: null }));
    // Only the 監査責任者 issues it.
    expectProblem(await c.chiefManager.post(`/api/audits/${a.id}/report`), 403, 'auth.forbidden');
    const reported = ok<AuditView>(await c.auditor.post(`/api/audits/${a.id}/report`));
    expect(reported.status).toBe('reported');
    expect(reported.deliveries).toEqual([
      expect.objectContaining({
        personId: o.people.tokyoPrincipal,
        unitId: o.units.tokyo,
        deliveredAt: '2026-11-30T00:30:00.000Z',
        acknowledgedAt: null,
      }),
    ]);
    expect(await noticesOf(c.chief, 'audit.report_delivered')).toEqual([
      expect.objectContaining({ number: a.number, path: `/audits/${a.id}` }),
    ]);

    // The 総括保護管理者 of 東京 now reads it and its PDF; one of another section does not.
    const seen = ok<AuditView>(await c.chief.get(`/api/audits/${a.id}`));
    expect(seen.can).toMatchObject({ acknowledge: true, readReport: true, answer: false });
    const pdf = await c.chief.get(`/api/audits/${a.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(await c.outsider.get(`/api/audits/${a.id}/report.pdf`), 404, 'audits.not_found');
    expect(ok<{ items: { id: string }[] }>(await c.chief.get('/api/audits')).items.map((x) => x.id)).toEqual([
      a.id,
    ]);
    expect(ok<{ items: unknown[] }>(await c.outsider.get('/api/audits')).items).toEqual([]);

    // Receipt: acknowledged by the recipient only, once.
    expectProblem(await c.outsider.post(`/api/audits/${a.id}/acknowledge`), 404, 'audits.not_found');
    expectProblem(await c.chiefManager.post(`/api/audits/${a.id}/acknowledge`), 403, 'auth.forbidden');
    const acked = ok<AuditView>(await c.chief.post(`/api/audits/${a.id}/acknowledge`));
    expect(acked.deliveries[0]!.acknowledgedAt).toBe('2026-11-30T00:30:00.000Z');
    expect(acked.can.acknowledge).toBe(false);
    expectProblem(await c.chief.post(`/api/audits/${a.id}/acknowledge`), 409, 'audits.already_acknowledged');
    expect(
      ok<AuditView>(await c.auditor.get(`/api/audits/${a.id}`)).deliveries[0]!.acknowledgedAt,
    ).not.toBeNull();

    // A38: the evaluation takes the audits reported in its period.
    expect(await h.services.audits.summaries('2026-11-01', '2026-11-30')).toEqual([
      expect.objectContaining({ id: a.id, number: a.number, findings: 0, path: `/audits/${a.id}` }),
    ]);
    expect(await h.services.audits.summaries('2026-10-01', '2026-10-31')).toEqual([]);
  });

  it('a finding’s owner sees it and records progress; others get 404; overdue is a gap told once', async () => {
    const h = await incidentHarness(kind);
    const { c, o } = h;
    const a = ok<AuditView>(await c.auditor.post('/api/audits', plan(o.units.tokyo)), 201);
    const started = ok<AuditView>(await c.auditor.post(`/api/audits/${a.id}/start`));
    const finding = (over: Record<string, unknown> = {}) => ({
      itemId: started.checklist[0]!.id,
      severity: 'high',
      description: '事案対応の記録に一部欠落がある',
      action: '記録様式を見直し、係内で周知する',
      ownerId: o.people.tokyoKyomuStaff1,
      due: '2026-11-29',
      ...over,
    });
    expectProblem(
      await c.auditor.post(`/api/audits/${a.id}/findings`, finding({ ownerId: o.people.tokyoRetired })),
      400,
      'audits.owner_invalid',
    );
    const f = ok<FindingView>(await c.auditor.post(`/api/audits/${a.id}/findings`, finding()), 201);
    expect(f).toMatchObject({ featureId: 'A34', status: 'open', overdue: true });
    const url = `/api/audits/${a.id}/findings/${f.id}`;
    expect(await noticesOf(c.reporter, 'audit.finding_assigned')).toEqual([
      expect.objectContaining({ number: a.number, path: `/audits/${a.id}/findings/${f.id}` }),
    ]);

    // The owner reads the finding (not the audit); others who do not read the audit get 404.
    expect(ok<FindingView>(await c.reporter.get(url)).can).toMatchObject({ progress: true, confirm: false });
    expectProblem(await c.reporter.get(`/api/audits/${a.id}`), 404, 'audits.not_found');
    expectProblem(await c.outsider.get(url), 404, 'audits.finding_not_found');
    expectProblem(await c.chief.get(url), 404, 'audits.finding_not_found');
    expectProblem(
      await c.outsider.post(`${url}/progress`, { note: '着手' }),
      404,
      'audits.finding_not_found',
    );
    expect(
      ok<{ items: FindingView[] }>(await c.reporter.get('/api/audits/my-findings')).items.map((x) => x.id),
    ).toEqual([f.id]);
    expect(ok<{ items: FindingView[] }>(await c.outsider.get('/api/audits/my-findings')).items).toEqual([]);
    // The owner may not change what the 監査責任者 found.
    expectProblem(await c.reporter.patch(url, finding({ severity: 'low' })), 403, 'auth.forbidden');

    // Overdue: a gap on 東京's 総括保護管理者 (A36), and the owner is told once.
    const gaps = await h.services.audits.gaps();
    expect(gaps).toEqual([
      expect.objectContaining({
        kind: 'audit_finding_overdue',
        role: 'chief_protection_manager',
        unitId: o.units.tokyo,
        article: 'A36',
        path: `/audits/${a.id}`,
      }),
    ]);
    expect(await h.services.audits.overdue.remind()).toBe(1);
    expect(await h.services.audits.overdue.remind()).toBe(0);
    expect(await noticesOf(c.reporter, 'audit.finding_overdue')).toHaveLength(1);

    ok(await c.reporter.post(`${url}/progress`, { note: '様式の改訂案を作成した' }));
    const done = ok<FindingView>(await c.reporter.post(`${url}/done`, { note: '係内で周知した' }));
    expect(done).toMatchObject({ status: 'done', confirmedAt: null, overdue: false });
    // Same instant on the fixed clock: compare as a set.
    expect(done.progress.map((p) => p.note).sort()).toEqual(
      ['係内で周知した', '様式の改訂案を作成した'].sort(),
    );
    expect(await h.services.audits.gaps()).toEqual([]);
    expectProblem(await c.reporter.post(`${url}/progress`, { note: 'x' }), 409, 'audits.finding_done');

    // Report, then closing waits for the 監査責任者's confirmation.
    for (const i of started.checklist)
      ok(await c.auditor.put(`/api/audits/${a.id}/items/${i.id}`, { answer: 'partly', note: null }));
    ok(await c.auditor.post(`/api/audits/${a.id}/report`));
    expectProblem(await c.auditor.post(`/api/audits/${a.id}/close`), 409, 'audits.findings_open');
    expectProblem(await c.reporter.post(`${url}/confirm`), 403, 'auth.forbidden');
    expect(ok<FindingView>(await c.auditor.post(`${url}/confirm`)).confirmedAt).not.toBeNull();
    expect(ok<AuditView>(await c.auditor.post(`/api/audits/${a.id}/close`)).status).toBe('closed');
    // The owner still reads the finding of a closed audit.
    expect(ok<FindingView>(await c.reporter.get(url)).can.progress).toBe(false);
  });
});
