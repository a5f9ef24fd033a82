/**
 * Inspections over HTTP (issue 10; A37): 東京 教務係's 保護管理者 (佐藤) inspects its section's
 * 記録媒体, 処理経路 and 保管方法; a section whose last completed inspection is older than its interval
 * is a gap (inspection_overdue) until the next one is completed; an inspection with issues is reported
 * to 東京's 総括保護管理者 (小林), who is notified and acknowledges. The clock stands at 2026-11-30
 * (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import type { InspectionInput, InspectionView, ScheduleView } from '../../shared/api/oversight.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';
import type { HttpClient } from './support/http-client.ts';

const base = '/api/oversight/inspections';

const inspectionBody = (sectionId: string, over: Partial<InspectionInput> = {}): InspectionInput => ({
  sectionId,
  inspectedOn: '2026-04-10',
  media: { result: 'ok', notes: 'USBメモリの台帳と現物を照合した' },
  routes: { result: 'ok', notes: null },
  storage: { result: 'not_applicable', notes: null },
  remarks: null,
  issues: null,
  actions: null,
  ...over,
});

/** A completed inspection of 東京 教務係 by its 保護管理者. */
async function completed(h: ProvisionHarness, over: Partial<InspectionInput> = {}, report = false) {
  const draft = bodyOf<InspectionView>(
    await h.c.manager.post(base, inspectionBody(h.o.sections.tokyoKyomu, over)),
    201,
  );
  return bodyOf<InspectionView>(await h.c.manager.post(`${base}/${draft.id}/complete`, { report }));
}

async function overdueGaps(h: ProvisionHarness) {
  const report = bodyOf<GapReportView>(await h.c.chiefManager.get('/api/organisation/gaps'));
  return report.gaps.filter((g) => g.kind === 'inspection_overdue');
}

const notices = async (c: HttpClient, kind: string) =>
  bodyOf<{ notifications: NotificationView[] }>(await c.get('/api/notifications')).notifications.filter(
    (n) => n.kind === kind,
  );

describe.each(databases)('oversight: inspections over HTTP on %s', (kind) => {
  it('shows an overdue inspection as a gap on the section’s 保護管理者 until the next one is completed (A37)', async () => {
    const h = await provisionHarness(kind);
    const kyomu = h.o.sections.tokyoKyomu;
    expect((await overdueGaps(h)).filter((g) => g.sectionId === kyomu)).toEqual([]);

    // Inspected on 2026-04-10, every 6 months: due 2026-10-10, past on 2026-11-30.
    const first = await completed(h);
    expect(first).toMatchObject({ status: 'completed', hasIssues: false, number: 'P2026-0001' });
    const schedule = bodyOf<{ schedules: ScheduleView[] }>(
      await h.c.manager.get(`${base}/schedules`),
    ).schedules;
    expect(schedule.find((s) => s.sectionId === kyomu)).toMatchObject({
      intervalMonths: 6,
      lastInspectedOn: '2026-04-10',
      nextDue: '2026-10-10',
      overdue: true,
      canInspect: true,
    });
    const gaps = (await overdueGaps(h)).filter((g) => g.sectionId === kyomu);
    expect(gaps).toEqual([
      expect.objectContaining({
        role: 'protection_manager',
        scopeKind: 'section',
        unitId: h.o.units.tokyo,
        article: 'A37',
        path: `/oversight/inspections?sectionId=${kyomu}`,
      }),
    ]);

    // A draft of today does not count; completing it does.
    const draft = bodyOf<InspectionView>(
      await h.c.manager.post(base, inspectionBody(kyomu, { inspectedOn: '2026-11-27' })),
      201,
    );
    expect((await overdueGaps(h)).filter((g) => g.sectionId === kyomu)).toHaveLength(1);
    bodyOf<InspectionView>(await h.c.manager.post(`${base}/${draft.id}/complete`, {}));
    expect((await overdueGaps(h)).filter((g) => g.sectionId === kyomu)).toEqual([]);

    // A shorter interval set by the unit's 総括保護管理者 makes it due again (2026-11-27 + 1 month is ahead).
    const set = bodyOf<ScheduleView>(
      await h.c.chief.put(`${base}/schedules/${kyomu}`, { intervalMonths: 1 }),
    );
    expect(set).toMatchObject({ intervalMonths: 1, nextDue: '2026-12-27', overdue: false });
    // Staff of the section neither read nor set the schedule; another unit's staff do not see it.
    expect((await h.c.staff.put(`${base}/schedules/${kyomu}`, { intervalMonths: 12 })).statusCode).toBe(404);
    expect((await h.c.stranger.get(`${base}/${draft.id}`)).statusCode).toBe(404);
    // Another section's head reads nothing of 教務係 and may not inspect it.
    expect((await h.c.outsider.post(base, inspectionBody(kyomu))).statusCode).toBe(404);
    // A completed inspection cannot be changed.
    expect((await h.c.manager.put(`${base}/${draft.id}`, inspectionBody(kyomu))).json()).toMatchObject({
      code: 'oversight.inspection_not_draft',
    });
  });

  it('reports an inspection with issues to the 総括保護管理者, who is notified and acknowledges (A37)', async () => {
    const h = await provisionHarness(kind);
    const kyomu = h.o.sections.tokyoKyomu;
    const found = await completed(h, {
      inspectedOn: '2026-11-20',
      storage: { result: 'issue', notes: '書庫の施錠記録に欠落があった' },
      issues: '施錠記録の欠落',
      actions: '施錠簿を毎日確認する',
    });
    expect(found).toMatchObject({ status: 'reported', hasIssues: true, acknowledged: false });
    expect(found.reportedTo.map((p) => p.id)).toEqual([h.o.people.tokyoPrincipal]);

    const told = await notices(h.c.chief, 'inspection.reported');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0])).toContain(found.number);
    expect(await notices(h.c.outsider, 'inspection.reported')).toEqual([]);

    // Only the unit's 総括保護管理者 acknowledges; the 保護管理者 who reported may not.
    const asChief = bodyOf<InspectionView>(await h.c.chief.get(`${base}/${found.id}`));
    expect(asChief.can.acknowledge).toBe(true);
    expect((await h.c.manager.post(`${base}/${found.id}/acknowledge`)).json()).toMatchObject({
      code: 'auth.forbidden',
    });
    const acknowledged = bodyOf<InspectionView>(await h.c.chief.post(`${base}/${found.id}/acknowledge`));
    expect(acknowledged).toMatchObject({
      acknowledged: true,
      acknowledgedBy: { id: h.o.people.tokyoPrincipal },
    });
    expect((await h.c.chief.post(`${base}/${found.id}/acknowledge`)).json()).toMatchObject({
      code: 'oversight.already_acknowledged',
    });

    // Without issues it stays completed unless the 保護管理者 reports it by choice.
    const quiet = await completed(h, { inspectedOn: '2026-11-25' });
    expect(quiet.status).toBe('completed');
    const reported = bodyOf<InspectionView>(await h.c.manager.post(`${base}/${quiet.id}/report`));
    expect(reported.status).toBe('reported');
    expect(await notices(h.c.chief, 'inspection.reported')).toHaveLength(2);

    // The 監査責任者 reads them all; a future date is refused.
    const listed = bodyOf<{ inspections: InspectionView[] }>(
      await h.c.auditor.get(`${base}?sectionId=${kyomu}`),
    );
    expect(new Set(listed.inspections.map((i) => i.id))).toEqual(new Set([found.id, quiet.id]));
    expect(
      (await h.c.manager.post(base, inspectionBody(kyomu, { inspectedOn: '2026-12-01' }))).json(),
    ).toMatchObject({ code: 'oversight.date_in_future' });
    expect(await h.audit('oversight.inspection_reported')).toHaveLength(2);
  });

  it('tells the 保護管理者 once when the inspection is due (inspection.due)', async () => {
    const h = await provisionHarness(kind);
    await completed(h, { inspectedOn: '2026-05-30' });
    expect(await h.services.oversight.reminders.remind()).toBeGreaterThanOrEqual(1);
    expect(await h.services.oversight.reminders.remind()).toBe(0);
    const due = await notices(h.c.manager, 'inspection.due');
    expect(due).toHaveLength(1);
    expect(JSON.stringify(due[0])).toContain('2026-11-30');
  });
});
