import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../../../platform/tabular/index.ts';
import { ACT_JA, COLUMNS, KIND_JA, LEDGER_TITLE, STATUS_JA, tokyoMinute } from './usage.labels.ts';
import type { LedgerSheet } from './usage.service.ts';

/** The rows above the table: what the sheet is of, for whom, and who made it (A16). */
export function titleBlock(s: LedgerSheet): [string, string][] {
  const filters = [
    s.filters.act ? `区分：${ACT_JA[s.filters.act]}` : '',
    s.filters.personId ? `利用者：${s.rows[0]?.personName ?? '（該当なし）'}` : '',
    s.filters.purpose ? `利用目的：${s.rows[0]?.purposeLabel ?? s.filters.purpose}` : '',
  ].filter(Boolean);
  return [
    ['ファイル名', s.fileName],
    ['課等', `${s.unitName} ${s.sectionName}`.trim()],
    ['期間', `${s.from} ～ ${s.to}`],
    ['作成日時', tokyoMinute(s.madeAt)],
    ['作成者', s.madeBy],
    ...(filters.length ? ([['絞り込み', filters.join('、')]] as [string, string][]) : []),
  ];
}

/** One sheet: the title block, the rows (the same as the screen's), then the requests of the period. */
export async function ledgerXlsx(s: LedgerSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  book.title = `${LEDGER_TITLE} ${s.fileName}`;
  const sheet = book.addWorksheet('利用状況の記録', {
    pageSetup: { orientation: 'landscape', paperSize: 9 },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([LEDGER_TITLE]).font = { bold: true, size: 14 };
  for (const [k, v] of titleBlock(s)) {
    const row = sheet.addRow([k, spreadsheetSafe(v)]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const r of s.rows) sheet.addRow(COLUMNS.map((c) => spreadsheetSafe(c.value(r))));
  const total = sheet.addRow([
    '合計',
    '',
    '',
    '',
    '',
    '',
    s.rows.reduce((n, r) => n + r.times, 0),
    s.rows.reduce((n, r) => n + r.records, 0),
  ]);
  total.font = { bold: true };
  if (s.requests.length > 0) {
    sheet.addRow([]);
    sheet.addRow(['承認の依頼']).font = { bold: true };
    sheet.addRow(['依頼番号', '種類', '状態', '依頼者', '依頼日時', '判断者', '判断日時', '', '', '']).font =
      {
        bold: true,
      };
    for (const r of s.requests)
      sheet.addRow(
        [
          r.number,
          KIND_JA[r.kind] ?? r.kind,
          STATUS_JA[r.status] ?? r.status,
          r.requestedByName,
          tokyoMinute(r.requestedAt),
          r.decidedByName ?? '',
          r.decidedAt ? tokyoMinute(r.decidedAt) : '',
        ].map(spreadsheetSafe),
      );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
