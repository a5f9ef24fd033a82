import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { sheetFont } from '../../../platform/pdf/font.ts';
import { addDays } from '../common/days.ts';
import type { DemoWhere } from '../common/demo.ts';
import type { SystemsPart } from './index.ts';

/** A tiny fictional 構成図 (A28), drawn at load time. */
async function demoDiagram(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont((await sheetFont()).bytes, { subset: true });
  const page = pdf.addPage([595, 842]);
  const line = (y: number, text: string, size = 11) => page.drawText(text, { x: 56, y, size, font });
  line(780, '教務システム ネットワーク構成図（架空・デモ用）', 16);
  line(750, '取扱注意：第28条により保護管理者等に限り閲覧・複製できる。');
  const box = (x: number, y: number, label: string) => {
    page.drawRectangle({ x, y, width: 140, height: 44, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 1 });
    page.drawText(label, { x: x + 10, y: y + 16, size: 10, font });
  };
  box(56, 620, '学内LAN（教務係）');
  box(226, 620, 'ファイアウォール');
  box(396, 620, '教務システム サーバ');
  box(226, 520, 'VPN 装置');
  line(480, '・学外からの接続は VPN 経由に限る（第23条）。');
  line(460, '・サーバは月次で修正プログラムを適用する（第24条）。');
  line(440, '・この図の人名・機器名・アドレスはすべて架空である。');
  return pdf.save();
}

/**
 * The demo's information system (issue 11; A23, A24, A28): 東京 教務係's 教務システム, kept by its
 * 保護管理者 (E150007), linked to a 教務係 file of the register, with four safeguards — the patching
 * one last checked 120 days ago, so it is overdue (system_check_overdue, 第24条) — and one small
 * design document (a 構成図). Everything is fictional.
 */
export async function loadDemoSystems(part: SystemsPart, where: DemoWhere) {
  const manager = await where.ctxOf('E150007');
  const sectionId = where.sectionId('tokyo/教務係');
  const section = (await part.options(manager)).sections.find((s) => s.id === sectionId);
  if (!section) return;
  const own = section.files.filter((f) => f.sectionId === sectionId);
  const file = own.find((f) => f.name === '学籍ファイル') ?? own[0];
  const today = where.clock.today();

  const system = await part.create(manager, {
    sectionId,
    name: '教務システム',
    purpose: '学生の学籍・履修・成績を管理し、成績証明書等を発行する。',
    hosting: 'on_premises',
    fileIds: file ? [file.id] : [],
    checkIntervalDays: 90,
    measures: [
      { kind: 'network_control', description: 'ファイアウォールで教務係の学内LANからの通信のみを許可する。' },
      { kind: 'remote_access', description: '学外からの接続は VPN と多要素認証を経由する場合に限る。' },
      { kind: 'patching', description: 'OS・ミドルウェアの修正プログラムを公開後1か月以内に適用する。' },
      {
        kind: 'malware',
        description: 'サーバと端末にウイルス対策ソフトを導入し、定義ファイルを毎日更新する。',
      },
    ],
    notes: null,
  });
  const checked: Record<string, { daysAgo: number; result: 'ok' | 'issues'; note: string | null }> = {
    network_control: { daysAgo: 20, result: 'ok', note: null },
    remote_access: { daysAgo: 20, result: 'ok', note: null },
    // Last checked 120 days ago: past the 90 days, so the gap shows (A24).
    patching: { daysAgo: 120, result: 'ok', note: null },
    malware: {
      daysAgo: 30,
      result: 'issues',
      note: '端末1台の定義ファイルが更新されていなかったため、更新した。',
    },
  };
  for (const m of system.measures) {
    const c = checked[m.kind]!;
    await part.recordCheck(manager, system.id, m.id, {
      checkedOn: addDays(today, -c.daysAgo),
      result: c.result,
      note: c.note,
    });
  }
  await part.documents.upload(manager, system.id, {
    bytes: await demoDiagram(),
    fileName: 'kyomu-system-network.pdf',
    kind: 'diagram',
    title: '教務システム ネットワーク構成図',
  });
}
