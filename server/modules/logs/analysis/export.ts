import type { AccessRowView } from '../../../../shared/api/log-analysis.ts';
import { tokyoTime } from './working-time.ts';
import { csvUtf8, xlsx, type Table } from '../../../platform/tabular/index.ts';

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

const table = (rows: AccessRowView[]): Table => ({
  header: COLUMNS.map((c) => c.header),
  rows: rows.map((r) => COLUMNS.map((c) => c.value(r))),
});

/** CSV, UTF-8 with a byte order mark (so Excel reads Japanese), CRLF line ends (RFC 4180). */
export const toCsv = (rows: AccessRowView[]): Buffer => csvUtf8(table(rows));

/** An Excel workbook of one sheet, with a frozen header row. */
export const toXlsx = (rows: AccessRowView[], title: string): Promise<Buffer> =>
  xlsx(table(rows), 'アクセス記録', title);
