import type { LedgerRowView, UsageAct } from '../../../../shared/api/handling-usage.ts';
import { tokyoDay } from './period.ts';

/** The words of the ledger's downloads (Japanese: they are filed and shown to auditors, A16). */
export const ACT_JA: Record<UsageAct, string> = {
  use: '利用',
  copy: '複製',
  transmit: '送信',
  send_out: '送付',
  take_out: '持出し',
  correction: '訂正',
  disposal: '廃棄',
  out_of_purpose: '目的外利用',
};

export const OPERATION_JA: Record<string, string> = {
  'vault.records_listed': '一覧の表示',
  'vault.records_searched': '検索',
  'vault.record_viewed': '閲覧',
  'vault.fields_revealed': '要配慮項目の表示',
  'vault.records_exported': 'CSV出力',
  'vault.changes_listed': '確認待ちの表示',
  'vault.import_previewed': '一括登録の事前確認',
  'vault.records_imported': '一括登録',
  'vault.record_created': '登録',
  'vault.record_updated': '更新',
  'vault.change_submitted': '更新（確認待ち）',
  'vault.change_verified': '確認',
  'vault.change_rejected': '差戻し',
  'handling.correction_report_read': '誤りの報告の閲覧',
  'handling.correction_change_read': '訂正内容の閲覧',
  export: '承認に基づく複製',
  transmit: '送信',
  send_out: '媒体の送付',
  take_out: '媒体の持出し',
  correction: '訂正',
  dispose_records: '記録の廃棄',
  dispose_file: 'ファイルの廃棄',
  dispose_medium: '媒体の廃棄',
  out_of_purpose: '目的外利用',
};

export const STATUS_JA: Record<string, string> = {
  submitted: '承認待ち',
  sent_back: '差戻し',
  approved: '承認',
  denied: '却下',
  withdrawn: '取下げ',
  expired: '期限切れ',
  done: '実施済み',
};

export const KIND_JA: Record<string, string> = {
  export: '複製',
  transmit: '送信',
  send_out: '送付',
  take_out: '持出し',
  correction: '訂正',
  out_of_purpose: '目的外利用',
  dispose_records: '記録の廃棄',
  dispose_file: 'ファイルの廃棄',
  dispose_medium: '媒体の廃棄',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-16 09:30 in Tokyo. */
export function tokyoMinute(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return `${tokyoDay(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The columns of the ledger's table, as the downloads head them. */
export const COLUMNS: { header: string; width: number; value: (r: LedgerRowView) => string | number }[] = [
  { header: '日時', width: 17, value: (r) => tokyoMinute(r.at) },
  { header: '区分', width: 10, value: (r) => ACT_JA[r.act] },
  { header: '内容', width: 16, value: (r) => OPERATION_JA[r.operation] ?? r.operation },
  { header: '利用者', width: 14, value: (r) => r.personName },
  { header: '職員番号', width: 10, value: (r) => r.employeeNumber ?? '' },
  { header: '利用目的', width: 24, value: (r) => r.purposeLabel ?? '' },
  { header: '回数', width: 7, value: (r) => r.times },
  { header: '件数', width: 7, value: (r) => r.records },
  { header: '依頼番号', width: 14, value: (r) => r.requestNumber ?? '' },
  { header: '備考', width: 30, value: (r) => r.note },
];

export const LEDGER_TITLE = '保有個人情報の利用状況の記録';
