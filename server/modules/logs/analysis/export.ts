import ExcelJS from 'exceljs';
import type { AccessRowView } from '../../../../shared/api/log-analysis.ts';
import { tokyoTime } from './working-time.ts';

/** The columns of an export, headed in Japanese (auditors read them in Excel). */
const COLUMNS: { header: string; value: (r: AccessRowView) => string | number }[] = [
  { header: '日時（日本時間）', value: (r) => tokyoStamp(r.occurredAt) },
  { header: '利用者', value: (r) => r.actor?.name ?? r.actorLabel },
  { header: '職員番号', value: (r) => r.actor?.employeeNumber ?? '' },
  { header: '種別', value: (r) => r.type },
  { header: '学校等', value: (r) => r.unitName ?? '' },
  { header: '課等', value: (r) => r.sectionName ?? '' },
  { header: '対象の種類', value: (r) => r.subjectType ?? '' },
  { header: '対象ID', value: (r) => r.subjectId ?? '' },
  { header: '利用目的', value: (r) => r.purpose ?? '' },
  { header: '結果', value: (r) => ({ ok: '成功', denied: '拒否', error: 'エラー' })[r.outcome] },
  { header: '端末ID', value: (r) => r.terminalId ?? '未登録' },
  { header: '記録件数', value: (r) => r.recordCount },
  { header: '個人番号', value: (r) => (r.myNumber ? 'あり' : '') },
  { header: 'ログ番号', value: (r) => r.seq },
  { header: 'エントリID', value: (r) => r.entryId },
];

/** 2026-11-24 10:00:00 in Tokyo. */
export function tokyoStamp(iso: string): string {
  const { day, minute } = tokyoTime(iso);
  const seconds = new Date(iso).getUTCSeconds();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(seconds)}`;
}

/** A cell a spreadsheet would read as a formula gets a leading apostrophe (CSV injection). */
const safe = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const quote = (v: string | number) => {
  const s = String(safe(v));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV, UTF-8 with a byte order mark (so Excel reads Japanese), CRLF line ends (RFC 4180). */
export function toCsv(rows: AccessRowView[]): Buffer {
  const lines = [
    COLUMNS.map((c) => quote(c.header)),
    ...rows.map((r) => COLUMNS.map((c) => quote(c.value(r)))),
  ];
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** An Excel workbook of one sheet, with a frozen header row. */
export async function toXlsx(rows: AccessRowView[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  const sheet = book.addWorksheet('アクセス記録', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length * 2 + 2) }));
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => safe(c.value(r))));
  sheet.getRow(1).font = { bold: true };
  book.title = title;
  return Buffer.from(await book.xlsx.writeBuffer());
}
