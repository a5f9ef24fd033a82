/**
 * The auditor's questions (A22-1): who accessed this record, what did this person access, for a
 * period; the CSV (UTF-8 with BOM) and XLSX exports, which are themselves audited. And the rules that
 * need the organisation: My Number handlers (A7の2) and one's own baseline.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AccessAnswerView, ReportView } from '../../shared/api/log-analysis.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { analysisHarness, type AnalysisHarness } from './log-analysis.harness.ts';

async function someAccesses(h: AnalysisHarness) {
  await h.access('tokyoKyomuStaff1', '2026-11-24 10:00', { records: ['student-42', 'student-43'] });
  await h.access('tokyoKyomuStaff2', '2026-11-25 11:15', {
    records: ['student-42'],
    purpose: '=HYPERLINK("x")',
  });
  await h.access('tokyoKyomuStaff1', '2026-11-26 09:00', { records: ['student-99'] });
  // Outside the period asked about.
  await h.access('tokyoKyomuStaff1', '2026-10-01 10:00', { records: ['student-42'] });
  // 長岡: outside the 東京 managers' scope.
  await h.access('nagaokaStaff', '2026-11-25 10:00', {
    records: ['student-42'],
    unitId: h.org.units.nagaoka,
    sectionId: h.org.sections.nagaokaKyomu,
  });
}

const period = 'fromDay=2026-11-23&toDay=2026-11-29';

describe.each(databases)('access questions on %s', (kind) => {
  it('who accessed a record: the 監査責任者 sees everyone, a 保護管理者 their section only', async () => {
    const h = await analysisHarness(kind);
    await h.org.appoint('president', 'audit_officer', 'auditor');
    await someAccesses(h);
    const auditor = await h.browserOf('auditor');
    const answer = (
      await auditor.get(`/api/log-analysis/access?recordId=student-42&${period}`)
    ).json<AccessAnswerView>();
    expect(answer.truncated).toBe(false);
    // Newest first, from every unit.
    expect(answer.rows.map((r) => `${r.actor?.name} ${r.unitName} ${r.sectionName}`)).toEqual([
      '鈴木 美咲 東京工業高等専門学校 教務係',
      '土屋 亮 長岡工業高等専門学校 教務係',
      '清水 大輔 東京工業高等専門学校 教務係',
    ]);

    const head = await h.browserOf('tokyoKyomuHead');
    const scoped = (
      await head.get(`/api/log-analysis/access?recordId=student-42&${period}`)
    ).json<AccessAnswerView>();
    expect(scoped.rows.map((r) => r.actor?.name)).toEqual(['鈴木 美咲', '清水 大輔']);

    const staff = await h.browserOf('tokyoKyomuStaff1');
    expectProblem(
      await staff.get(`/api/log-analysis/access?recordId=student-42&${period}`),
      403,
      'auth.forbidden',
    );
    expectProblem(await auditor.get(`/api/log-analysis/access?${period}`), 400, 'request.invalid');
  });

  it('what a person accessed, exported as CSV with BOM and as XLSX; each export is audited', async () => {
    const h = await analysisHarness(kind);
    await h.org.appoint('president', 'audit_officer', 'auditor');
    await someAccesses(h);
    const auditor = await h.browserOf('auditor');
    const person = h.org.people.tokyoKyomuStaff1;
    const q = `personId=${person}&${period}`;
    const answer = (await auditor.get(`/api/log-analysis/access?${q}`)).json<AccessAnswerView>();
    expect(answer.rows.map((r) => r.recordCount)).toEqual([1, 2]);

    const csv = await auditor.get(`/api/log-analysis/access/export?${q}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="access-person-2026-11-23-2026-11-29.csv"',
    );
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '日時（日本時間）,利用者,職員番号,種別,学校等,課等,対象の種類,対象ID,利用目的,結果,端末ID,記録件数,個人番号,ログ番号,エントリID',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^2026-11-26 09:00:00,清水 大輔,T\d{4},vault\.record_read,東京工業高等専門学校,教務係,file,file-1,成績処理,成功,pc-1,1,,/,
    );

    // What 鈴木 read: the formula-like purpose is defused for spreadsheets.
    const xlsx = await auditor.get(
      `/api/log-analysis/access/export?personId=${h.org.people.tokyoKyomuStaff2}&${period}&format=xlsx`,
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('アクセス記録')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('利用者');
    expect(sheet.getRow(2).getCell(1).value).toBe('2026-11-25 11:15:00');
    expect(sheet.getRow(2).getCell(2).value).toBe('鈴木 美咲');
    expect(sheet.getRow(2).getCell(9).value).toBe(`'=HYPERLINK("x")`);

    const audits = await h.services.ledger.list(h.services.database.db, { type: 'log_analysis.exported' });
    expect(audits.map((a) => [a.actorId, a.subjectType, a.payload?.format, a.payload?.rows])).toEqual([
      [h.org.people.auditor, 'Person', 'xlsx', 1],
      [h.org.people.auditor, 'Person', 'csv', 2],
    ]);
  });

  it('My Numbers read by a 特定個人情報取扱担当者 are not flagged; a steady baseline is not a spike', async () => {
    const h = await analysisHarness(kind);
    const { sections, units } = h.org;
    await h.org.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', { sectionId: sections.kyuyo });
    await h.org.appoint('kyuyoHead', 'mynumber_handler', 'kyuyoStaff', {
      sectionId: sections.kyuyo,
      duties: '年末調整',
      handlingRange: '職員の個人番号',
      startsOn: '2026-04-01', // in office on the day of the read (the check is per day)
    });
    const kyuyo = { unitId: units.hq, sectionId: sections.kyuyo };
    const twenty = Array.from({ length: 20 }, (_, i) => `emp-${i}`);
    for (const day of ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17'])
      await h.access('kyuyoStaff', `${day} 10:00`, { ...kyuyo, records: twenty });
    await h.access('kyuyoStaff', '2026-11-24 10:00', {
      ...kyuyo,
      records: [...twenty, ...twenty.map((r) => `${r}b`)],
      myNumber: true,
    });
    await h.access('kyuyoHead', '2026-11-24 11:00', {
      ...kyuyo,
      records: Array.from({ length: 60 }, (_, i) => `emp-${i}`),
      myNumber: true,
    });
    const head = await h.browserOf('kyuyoHead');
    const res = await head.post('/api/log-analysis/reports', {
      scopeKind: 'section',
      sectionId: sections.kyuyo,
      fromDay: '2026-11-23',
      toDay: '2026-11-29',
    });
    expect(res.statusCode, res.body).toBe(201);
    const findings = res.json<ReportView>().findings.map((f) => `${f.rule} ${f.actor?.name}`);
    expect(findings).toEqual(['volume_spike 加藤 誠', 'my_number_non_handler 加藤 誠']);
  });
});
