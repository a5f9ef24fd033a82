/**
 * The log analysis over HTTP (A22-1): a crafted week of access in 東京 教務係 — a read on 勤労感謝の日,
 * one at night, a bulk read, repeated denials, a read from an unregistered terminal and a My Number
 * read by someone who is not a 特定個人情報取扱担当者 — and what the managers see and sign off.
 */
import { describe, expect, it } from 'vitest';
import type { ReportSummaryView, ReportView } from '../../shared/api/log-analysis.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import { createScheduler } from '../../server/platform/jobs/index.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { analysisHarness, tokyo, type AnalysisHarness } from './log-analysis.harness.ts';

const WEEK = { fromDay: '2026-11-23', toDay: '2026-11-29' };

/** The crafted week: 清水 (教務係 staff 1) and 鈴木 (staff 2). */
async function craftWeek(h: AnalysisHarness) {
  await h.access('tokyoKyomuStaff1', '2026-11-23 10:00', {}); // 勤労感謝の日
  await h.access('tokyoKyomuStaff1', '2026-11-24 22:30', {}); // at night
  await h.access('tokyoKyomuStaff1', '2026-11-25 10:00', {
    records: Array.from({ length: 150 }, (_, i) => `rec-${i}`),
  });
  await h.access('tokyoKyomuStaff1', '2026-11-25 11:00', {}, null); // unregistered terminal
  for (const t of ['14:00', '14:10', '14:20', '14:30', '14:40'])
    await h.access('tokyoKyomuStaff2', `2026-11-26 ${t}`, { outcome: 'denied', records: [], purpose: null });
  await h.access('tokyoKyomuStaff2', '2026-11-26 10:00', { myNumber: true, records: ['rec-mn'] });
  await h.access('tokyoKyomuStaff2', '2026-11-27 10:00', {}); // within hours, registered: nothing
}

const findingsOf = (r: ReportView) =>
  r.findings.map((f) => `${f.rule} ${f.actor?.name ?? '-'} ${f.count}`).sort();

describe.each(databases)('log analysis on %s', (kind) => {
  it('a section’s report flags holiday, night, bulk, volume, denials, unregistered terminal and My Number (A22-1)', async () => {
    const h = await analysisHarness(kind);
    await craftWeek(h);
    const head = await h.browserOf('tokyoKyomuHead');
    const res = await head.post('/api/log-analysis/reports', {
      scopeKind: 'section',
      sectionId: h.org.sections.tokyoKyomu,
      ...WEEK,
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json<ReportView>();
    expect(report).toMatchObject({
      sectionName: '教務係',
      trigger: 'on_demand',
      periodFrom: tokyo('2026-11-23 00:00'),
      periodTo: tokyo('2026-11-30 00:00'),
      signedOffAt: null,
      canSignOff: true,
      overdue: false,
    });
    expect(findingsOf(report)).toEqual(
      [
        'bulk_read 清水 大輔 1',
        'my_number_non_handler 鈴木 美咲 1',
        'off_hours 清水 大輔 2',
        'repeated_denials 鈴木 美咲 5',
        'unregistered_terminal 清水 大輔 1',
        'volume_spike 清水 大輔 153',
      ].sort(),
    );
    const off = report.findings.find((f) => f.rule === 'off_hours')!;
    expect(off.detail).toEqual({ night: 1, weekend: 0, holiday: 1 });
    expect(off.firstAt).toBe(tokyo('2026-11-23 10:00'));
    expect(report.findings.find((f) => f.rule === 'bulk_read')!.detail).toMatchObject({ maxRecords: 150 });

    // The making of a report is itself on the log (ids only).
    const audit = await h.services.ledger.list(h.services.database.db, {
      type: 'log_analysis.report_created',
    });
    expect(audit[0]).toMatchObject({ subjectId: report.id, sectionId: h.org.sections.tokyoKyomu });
  });

  it('a section’s report is signed off only by its 保護管理者; others see it or not by scope', async () => {
    const h = await analysisHarness(kind);
    await craftWeek(h);
    await h.org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', {
      unitId: h.org.units.nagaoka,
    });
    const head = await h.browserOf('tokyoKyomuHead');
    const report = (
      await head.post('/api/log-analysis/reports', {
        scopeKind: 'section',
        sectionId: h.org.sections.tokyoKyomu,
        ...WEEK,
      })
    ).json<ReportView>();
    const url = `/api/log-analysis/reports/${report.id}`;

    const staff = await h.browserOf('tokyoKyomuStaff1');
    expectProblem(await staff.get('/api/log-analysis/reports'), 403, 'auth.forbidden');
    expectProblem(await staff.get(url), 404, 'log_analysis.report_not_found');

    // The 校長 (総括保護管理者) sees the section's report but does not sign it off.
    const principal = await h.browserOf('tokyoPrincipal');
    const seen = (await principal.get(url)).json<ReportView>();
    expect(seen.canSignOff).toBe(false);
    expectProblem(await principal.post(`${url}/sign-off`, { comment: '確認した' }), 403, 'auth.forbidden');

    const nagaoka = await h.browserOf('nagaokaPrincipal');
    expect((await nagaoka.get('/api/log-analysis/reports')).json<ReportSummaryView[]>()).toEqual([]);
    expectProblem(await nagaoka.get(url), 404, 'log_analysis.report_not_found');

    expectProblem(await head.post(`${url}/sign-off`, { comment: '' }), 400, 'request.invalid');
    const signed = await head.post(`${url}/sign-off`, {
      comment: '夜間の閲覧は成績締切のためと本人に確認した。',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<ReportView>()).toMatchObject({
      signedOffBy: { name: '佐藤 花子' },
      signOffComment: '夜間の閲覧は成績締切のためと本人に確認した。',
      canSignOff: false,
    });
    expectProblem(
      await head.post(`${url}/sign-off`, { comment: '再確認' }),
      409,
      'log_analysis.already_signed',
    );
    const list = (await principal.get('/api/log-analysis/reports?status=unsigned')).json<
      ReportSummaryView[]
    >();
    expect(list).toEqual([]);
  });

  it('the weekly report left unsigned for more than 7 days shows as a compliance gap until signed off', async () => {
    const h = await analysisHarness(kind);
    await craftWeek(h);
    h.clock.set(tokyo('2026-11-30 06:00')); // the job's Monday, through the scheduler and its lease
    const scheduler = createScheduler({ database: h.services.database, clock: h.clock, holder: 'app-1' });
    scheduler.add(h.analysis.job);
    expect(scheduler.nextRun('log-analysis.weekly', new Date(tokyo('2026-11-24 12:00')))?.toISOString()).toBe(
      tokyo('2026-11-30 06:00'),
    );
    expect(await scheduler.runNow('log-analysis.weekly')).toEqual({ ran: true });
    expect(await h.analysis.reports.runWeekly()).toBe(0); // once per section and week
    const kyomuGap = (g: GapReportView['gaps'][number]) =>
      g.article === 'A22-1' && g.sectionName === '教務係';
    // A fresh browser each time: sessions end while the clock moves a week on.
    const gaps = async () =>
      (
        await (await h.browserOf('tokyoPrincipal')).get(`/api/organisation/gaps?unitId=${h.org.units.tokyo}`)
      ).json<GapReportView>().gaps;
    expect((await gaps()).filter(kyomuGap)).toEqual([]);

    h.clock.advanceDays(8);
    const overdue = (await gaps()).filter(kyomuGap);
    expect(overdue).toEqual([
      expect.objectContaining({
        kind: 'analysis_unsigned',
        role: 'protection_manager',
        unitName: '東京工業高等専門学校',
      }),
    ]);
    const head = await h.browserOf('tokyoKyomuHead');
    const [weekly] = (await head.get('/api/log-analysis/reports?status=unsigned')).json<
      ReportSummaryView[]
    >();
    expect(weekly).toMatchObject({ trigger: 'scheduled', overdue: true, sectionName: '教務係' });
    expect(weekly!.findingCount).toBe(6);
    await head.post(`/api/log-analysis/reports/${weekly!.id}/sign-off`, { comment: '確認済み' });
    expect((await gaps()).filter(kyomuGap)).toEqual([]);
  });
});
