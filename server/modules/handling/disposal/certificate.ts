/**
 * The disposal certificate (廃棄証明書, A15; ADR 0008 §7): what was disposed, how, when, who asked,
 * who approved (and for whom, when a deputy decided), who witnessed, under which request — on one
 * A4 page with the register's Japanese font (platform/pdf/font.ts). It names a count of records,
 * never their values or ids. The same facts always give the same bytes (the creation date is the
 * disposal's time), so the certificate is drawn again when asked for and compared with the SHA-256
 * kept at the disposal: a copy that differs (a name changed since) says so in the response.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { AGENCY_NAME as AGENCY } from '../../../../shared/register-fields.ts';
import { sheetFont } from '../../../platform/pdf/font.ts';

export const CERTIFICATE_TITLE = '廃棄証明書';

export interface CertificateFacts {
  number: string;
  kind: 'records' | 'file' | 'medium';
  unitName: string;
  sectionName: string;
  fileName: string | null;
  mediumLabel: string | null;
  records: number;
  method: string;
  executedAt: string;
  requesterName: string;
  approverName: string | null;
  actingForName: string | null;
  witnessName: string | null;
  requestNumber: string;
  approvedAt: string | null;
  retentionException: boolean;
}

/** How each method is stated on the certificate (A15: 復元又は判読が不可能な方法). */
export const METHOD_TEXT: Record<string, string> = {
  crypto_erasure:
    '暗号鍵の破棄による消去（暗号学的消去）。記録ごとのデータ鍵を破棄したため、データベースや鍵ファイルを入手しても復元不可能',
  shredding: 'シュレッダーによる裁断（復元不可能な細断）',
  degaussing: '消磁装置による磁気消去（復元不可能）',
  physical_destruction: '物理的破壊（破砕・穿孔により読取り不可能）',
  secure_overwrite: '専用ソフトウェアによる上書き消去（復元不可能）',
  incineration: '焼却',
  dissolution: '溶解',
};

/** A Tokyo date and time as 2026年11月30日 09:30. */
export function japaneseDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** What was disposed, in words. */
export function whatText(f: CertificateFacts): string {
  if (f.kind === 'medium') return `媒体「${f.mediumLabel ?? ''}」`;
  if (f.kind === 'file') return `ファイル全体（${f.records}件の記録）`;
  return `${f.records}件の記録`;
}

/** The rows of the certificate: label and value. */
export function certificateRows(f: CertificateFacts): [string, string][] {
  const approver =
    f.approverName === null
      ? '－'
      : f.actingForName
        ? `${f.approverName}（${f.actingForName} の代理）`
        : f.approverName;
  return [
    ['証明書番号', f.number],
    ['保有する部署', `${f.unitName}\u3000${f.sectionName}`],
    ['個人情報ファイル', f.fileName ?? '－'],
    ['廃棄したもの', whatText(f)],
    ['廃棄の方法', METHOD_TEXT[f.method] ?? f.method],
    ['廃棄の日時', japaneseDateTime(f.executedAt)],
    ['申請者（実施者）', f.requesterName],
    ['承認者', approver],
    ['承認の日時', f.approvedAt ? japaneseDateTime(f.approvedAt) : '－'],
    ['立会者', f.witnessName ?? '－'],
    ['申請番号', f.requestNumber],
    [
      '保存期間',
      f.retentionException ? '保存期間内の例外廃棄（総括保護管理者の承認による）' : '保存期間の制約なし',
    ],
  ];
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 10.5;
const LINE = SIZE * 1.55;
const LABEL_WIDTH = 130;
const INK = rgb(0.1, 0.1, 0.11);
const RULE = rgb(0.35, 0.35, 0.37);
const FILL = rgb(0.95, 0.95, 0.96);

/** The certificate as a PDF (A15). The same facts give the same bytes. */
export async function certificatePdf(f: CertificateFacts): Promise<Uint8Array> {
  const font = await sheetFont();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const pdfFont = await doc.embedFont(font.bytes, { subset: true });
  const clean = (s: string) =>
    [...s].map((ch) => (ch === '\n' || font.has(ch.codePointAt(0)!) ? ch : '〓')).join('');
  const width = (s: string, size: number) => [...s].reduce((w, ch) => w + font.width(ch), 0) * size;
  const wrap = (s: string, max: number): string[] => {
    const out: string[] = [];
    let line = '';
    for (const ch of clean(s)) {
      if (width(line + ch, SIZE) > max && line) {
        out.push(line);
        line = '';
      }
      line += ch;
    }
    out.push(line);
    return out;
  };
  const page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const text = (s: string, x: number, at: number, size = SIZE) =>
    page.drawText(clean(s), { x, y: at, size, font: pdfFont, color: INK });

  const titleSize = 20;
  text(CERTIFICATE_TITLE, (PAGE.width - width(CERTIFICATE_TITLE, titleSize)) / 2, y - titleSize, titleSize);
  y -= titleSize + 28;
  const intro =
    '下記のとおり、保有個人情報を復元又は判読が不可能な方法により廃棄したことを証明します（独立行政法人国立高等専門学校機構個人情報管理規則 第15条）。';
  const tableWidth = PAGE.width - 2 * MARGIN;
  for (const l of wrap(intro, tableWidth)) {
    text(l, MARGIN, y - SIZE);
    y -= LINE;
  }
  y -= 14;

  for (const [label, value] of certificateRows(f)) {
    const lines = wrap(value, tableWidth - LABEL_WIDTH - 12);
    const height = lines.length * LINE + 10;
    page.drawRectangle({
      x: MARGIN,
      y: y - height,
      width: LABEL_WIDTH,
      height,
      color: FILL,
      borderColor: RULE,
      borderWidth: 0.6,
    });
    page.drawRectangle({
      x: MARGIN + LABEL_WIDTH,
      y: y - height,
      width: tableWidth - LABEL_WIDTH,
      height,
      borderColor: RULE,
      borderWidth: 0.6,
    });
    text(label, MARGIN + 6, y - 5 - SIZE);
    lines.forEach((l, i) => text(l, MARGIN + LABEL_WIDTH + 6, y - 5 - SIZE - i * LINE));
    y -= height;
  }
  y -= 24;
  const note =
    f.kind === 'medium'
      ? '媒体は立会者の立会いのもとで廃棄されました。'
      : '記録ごとのデータ鍵（暗号鍵）は破棄され、暗号化された値・検索用索引・訂正や照合待ちの内容も消去されました。記録の識別子と利用の記録（監査証跡）は保存されます。本証明書には記録の内容を記載していません。';
  for (const l of wrap(note, tableWidth)) {
    text(l, MARGIN, y - SIZE);
    y -= LINE;
  }
  const footer = `${AGENCY}\u3000${f.unitName}\u3000Mamori`;
  text(footer, MARGIN, MARGIN - 20, 8);

  const when = new Date(f.executedAt);
  doc.setTitle(`${CERTIFICATE_TITLE} ${f.number}`, { showInWindowTitleBar: true });
  doc.setAuthor(AGENCY);
  doc.setSubject(CERTIFICATE_TITLE);
  doc.setLanguage('ja-JP');
  doc.setCreator('Mamori');
  doc.setProducer('Mamori (pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}
