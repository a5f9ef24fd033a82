import { randomInt } from 'node:crypto';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '../../../../shared/api/handling-export.ts';
import { csvUtf8, spreadsheetSafe } from '../../../platform/tabular/index.ts';

// In Node the archive is written in the request's own thread (no web workers).
configure({ useWebWorkers: false });

/** Letters and digits nobody confuses when reading them aloud or copying them (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A password of four groups of four (80 bits), shown once to the requester and never stored. */
export function newPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/** A name safe on every desktop: no path separators, reserved characters or control characters. */
export const safeName = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, 80) || 'export';

/** 「R2026-000001_学籍ファイル」: the request number and the register's (organisational) file name. */
export const baseName = (number: string, fileName: string) => `${number}_${safeName(fileName)}`;

/** An instant as Tokyo time, e.g. 2026-11-30 09:30 (JST). */
export function tokyoTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} (JST)`;
}

/** What marks a copy (A24の2): who asked for it, under which request, when it was made and until when. */
export interface Marking {
  number: string;
  requester: string;
  fileName: string;
  purpose: string;
  createdAt: string;
  expiresAt: string;
  /** The outside recipient under an approved provision (issue 9, A18); null for a copy kept inside. */
  recipient?: string | null;
}

export interface Contents {
  marking: Marking;
  header: string[];
  rows: string[][];
}

const NOTICE =
  'この複製は承認された申請に基づく一時的なものです。有効期限までに利用を終え、保存した複製をすべて消去し、Mamori で消去を確認してください（規則第12条・第24条の2）。';

function markingRows(m: Marking, records: number): [string, string][] {
  return [
    ['申請番号', m.number],
    ['申請者', m.requester],
    ['個人情報ファイル', m.fileName],
    ['利用目的', m.purpose],
    ...(m.recipient ? [['提供先', m.recipient] as [string, string]] : []),
    ['作成日時', tokyoTime(m.createdAt)],
    ['有効期限', tokyoTime(m.expiresAt)],
    ['件数', String(records)],
    ['注意', NOTICE],
  ];
}

/** The workbook: a first sheet 「複製情報」 with the marking, then 「記録」; every printed page carries the number. */
async function workbook(c: Contents): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  book.title = `${c.marking.number} ${c.marking.fileName}`;
  const info = book.addWorksheet('複製情報');
  info.columns = [{ width: 18 }, { width: 80 }];
  for (const [k, v] of markingRows(c.marking, c.rows.length)) info.addRow([k, spreadsheetSafe(v)]);
  info.getColumn(1).font = { bold: true };
  info.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const sheet = book.addWorksheet('記録', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.headerFooter.oddHeader = `&L申請番号 ${c.marking.number}&R有効期限 ${tokyoTime(c.marking.expiresAt)}`;
  sheet.headerFooter.oddFooter = `&L申請者 ${c.marking.requester}&R&P / &N`;
  sheet.columns = c.header.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 2) }));
  for (const row of c.rows) sheet.addRow(row.map(spreadsheetSafe));
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** CSV (UTF-8 with BOM): the marking as a block of lines, a blank line, then the table. */
function csv(c: Contents): Uint8Array {
  const block = markingRows(c.marking, c.rows.length).map(([k, v]) => [k, v]);
  return new Uint8Array(csvUtf8({ header: block[0]!, rows: [...block.slice(1), [], c.header, ...c.rows] }));
}

/**
 * The archive (A12(1), A24の2): the workbook or CSV inside a ZIP encrypted with AES-256 (WinZip AE-2,
 * which 7-Zip and other tools that read AES open), named by the request.
 */
export async function buildArchive(
  c: Contents,
  format: ExportFormat,
  password: string,
): Promise<{ bytes: Buffer; archiveName: string }> {
  const base = baseName(c.marking.number, c.marking.fileName);
  const inner = format === 'xlsx' ? await workbook(c) : csv(c);
  const zip = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3 });
  await zip.add(`${base}.${format}`, new Uint8ArrayReader(inner), {
    lastModDate: new Date(c.marking.createdAt),
  });
  return { bytes: Buffer.from(await zip.close()), archiveName: `${base}.zip` };
}
