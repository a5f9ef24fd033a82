/**
 * The yearly evaluation over HTTP (issue 10; A38): the 総括管理者 (青木) evaluates a fiscal year with
 * its inspections (and the audits reported in it) as inputs, decides changes to measures with owners
 * and due dates; owners are notified and record progress. Missing evaluations and overdue changes are
 * gaps (evaluation_overdue). The clock stands at 2026-11-30 (fiscal year 2026). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import type { EvaluationView, InspectionView } from '../../shared/api/oversight.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';

const base = '/api/oversight/evaluations';

async function evaluationGaps(h: ProvisionHarness) {
  const report = bodyOf<GapReportView>(await h.c.chiefManager.get('/api/organisation/gaps'));
  return report.gaps.filter((g) => g.kind === 'evaluation_overdue');
}

/** A completed inspection of 東京 教務係 with an issue (reported to the 総括保護管理者). */
async function inspectionWithIssue(h: ProvisionHarness, inspectedOn: string) {
  const draft = bodyOf<InspectionView>(
    await h.c.manager.post('/api/oversight/inspections', {
      sectionId: h.o.sections.tokyoKyomu,
      inspectedOn,
      media: { result: 'issue', notes: '廃棄予定の媒体が未施錠の棚にあった' },
      routes: { result: 'ok', notes: null },
      storage: { result: 'ok', notes: null },
      remarks: null,
      issues: '媒体の保管場所',
      actions: '施錠できる保管庫へ移した',
    }),
    201,
  );
  return bodyOf<InspectionView>(
    await h.c.manager.post(`/api/oversight/inspections/${draft.id}/complete`, {}),
  );
}

describe.each(databases)('oversight: the yearly evaluation over HTTP on %s', (kind) => {
  it('takes the inspections of its fiscal year as inputs (A38 「点検の結果等を踏まえ」)', async () => {
    const h = await provisionHarness(kind);
    const inYear = await inspectionWithIssue(h, '2026-05-10');
    await inspectionWithIssue(h, '2026-03-20'); // fiscal year 2025
    const evaluation = bodyOf<EvaluationView>(
      await h.c.chiefManager.post(base, { fiscalYear: 2026, unitId: null }),
      201,
    );
    expect(evaluation).toMatchObject({ from: '2026-04-01', to: '2027-03-31', status: 'draft' });
    expect(evaluation.inspections.map((i) => i.id)).toEqual([inYear.id]);
    expect(evaluation.inspections[0]).toMatchObject({ hasIssues: true, issues: '媒体の保管場所' });
    expect(Array.isArray(evaluation.audits)).toBe(true);

    // One per fiscal year and scope; a year not begun is refused; only keepers create.
    expect((await h.c.chiefManager.post(base, { fiscalYear: 2026 })).json()).toMatchObject({
      code: 'oversight.evaluation_exists',
    });
    expect((await h.c.chiefManager.post(base, { fiscalYear: 2027 })).json()).toMatchObject({
      code: 'oversight.fiscal_year_invalid',
    });
    expect((await h.c.auditor.post(base, { fiscalYear: 2025 })).statusCode).toBe(403);
    // A unit's evaluation by its 総括保護管理者 sees the unit's inspections only.
    const tokyo = bodyOf<EvaluationView>(
      await h.c.chief.post(base, { fiscalYear: 2026, unitId: h.o.units.tokyo }),
      201,
    );
    expect(tokyo.inspections.map((i) => i.id)).toEqual([inYear.id]);
    expect((await h.c.chief.post(base, { fiscalYear: 2026, unitId: h.o.units.hq })).statusCode).toBe(404);
    expect((await h.c.stranger.get(`${base}/${tokyo.id}`)).statusCode).toBe(404);
  });

  it('decides changes with owners; a missing evaluation and an overdue change are gaps until done', async () => {
    const h = await provisionHarness(kind);
    // An organisation set up this fiscal year owes no evaluation of the last one.
    expect(await evaluationGaps(h)).toEqual([]);
    // One that has existed since fiscal year 2025 (its staff recorded then) owes it: by 2026-06-30
    // the organisation's evaluation of fiscal year 2025 was due.
    await h.services.database.db
      .updateTable('people')
      .set({ created_at: '2025-04-01T00:00:00.000Z' })
      .execute();
    const before = await evaluationGaps(h);
    expect(before).toEqual([
      expect.objectContaining({
        role: 'chief_manager',
        scopeKind: 'organisation',
        article: 'A38',
        label: '2025年度',
      }),
    ]);

    const e = bodyOf<EvaluationView>(await h.c.chiefManager.post(base, { fiscalYear: 2025 }), 201);
    const withAction = bodyOf<EvaluationView>(
      await h.c.chiefManager.post(`${base}/${e.id}/actions`, {
        description: '媒体の保管点検を毎月に改める',
        featureId: 'A37',
        ownerId: h.o.people.tokyoKyomuHead,
        due: '2026-11-15',
      }),
      201,
    );
    const action = withAction.actionList[0]!;
    expect(
      (await h.c.chiefManager.post(`${base}/${e.id}/actions`, { ...action, featureId: 'A99' })).statusCode,
    ).toBe(400);
    // Deciding needs the assessment.
    expect((await h.c.chiefManager.post(`${base}/${e.id}/decide`)).json()).toMatchObject({
      code: 'oversight.evaluation_incomplete',
    });
    bodyOf(await h.c.chiefManager.put(`${base}/${e.id}`, { assessment: '点検で媒体管理の不備が見られた。' }));
    expect((await h.c.staff.get(`${base}/${e.id}`)).statusCode).toBe(404); // neither keeper nor owner
    const decided = bodyOf<EvaluationView>(await h.c.chiefManager.post(`${base}/${e.id}/decide`));
    expect(decided.status).toBe('decided');

    // The owner is told and reads the evaluation; the change is past due: a gap on the 総括管理者.
    const told = bodyOf<{ notifications: NotificationView[] }>(await h.c.manager.get('/api/notifications'));
    expect(told.notifications.filter((n) => n.kind === 'evaluation.action_assigned')).toHaveLength(1);
    const asOwner = bodyOf<EvaluationView>(await h.c.manager.get(`${base}/${e.id}`));
    expect(asOwner.actionList[0]).toMatchObject({ overdue: true, canComplete: true });
    const after = await evaluationGaps(h);
    expect(after).toEqual([
      expect.objectContaining({ role: 'chief_manager', path: `${base.replace('/api', '')}/${e.id}` }),
    ]);

    // Nothing changes a decided evaluation; the owner records the change done and the gap goes.
    expect((await h.c.chiefManager.put(`${base}/${e.id}`, { assessment: '別' })).json()).toMatchObject({
      code: 'oversight.evaluation_not_draft',
    });
    expect(
      (await h.c.staff.post(`${base}/${e.id}/actions/${action.id}/done`, { note: '済' })).statusCode,
    ).toBe(404);
    const done = bodyOf<EvaluationView>(
      await h.c.manager.post(`${base}/${e.id}/actions/${action.id}/done`, { note: '点検要領を改訂した' }),
    );
    expect(done.actionList[0]).toMatchObject({ status: 'done', overdue: false, note: '点検要領を改訂した' });
    expect(await evaluationGaps(h)).toEqual([]);
  });
});
