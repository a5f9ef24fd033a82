import { addDays } from '../common/days.ts';
import type { DemoWhere } from '../common/demo.ts';
import type { DevicesPart } from './index.ts';

/**
 * The demo's devices and media (issue 11; A14, A30): 東京 教務係's register, kept by its 保護管理者
 * (E150007): a laptop with full-disk encryption holding the 学籍ファイル, and two USB memories; one
 * of them is taken out by the section's 保護担当者 (E150008) under an approved request (A30-2), due back
 * next week, so the demo has an active take-out. Everything is fictional.
 */
export async function loadDemoDevices(part: DevicesPart, where: DemoWhere) {
  const manager = await where.ctxOf('E150007');
  const staff = await where.ctxOf('E150008');
  const sectionId = where.sectionId('tokyo/教務係');
  const section = (await part.list(manager, {})).keeperSections.find((s) => s.id === sectionId);
  if (!section) return;
  const file = section.files.find((f) => f.name === '学籍ファイル') ?? section.files[0];
  const today = where.clock.today();

  await part.create(manager, {
    kind: 'laptop_pc',
    label: '教務係 ノートPC No.1',
    identifier: '資産番号 2024-0153',
    sectionId,
    storagePlace: '教務係 施錠キャビネットA',
    encryption: 'full_disk',
    encryptionNote: 'BitLocker（回復キーは情報基盤センターで保管）',
    theftPrevention: 'ワイヤーロックで机に固定し、退庁時は施錠キャビネットに保管',
    fileIds: file ? [file.id] : [],
  });
  await part.create(manager, {
    kind: 'usb_memory',
    label: '教務係 USBメモリ No.1',
    identifier: 'S/N UM-0001',
    sectionId,
    storagePlace: '教務係 施錠キャビネットA',
    encryption: 'full_disk',
    encryptionNote: 'ハードウェア暗号化（パスワードロック）',
    theftPrevention: '施錠キャビネットに保管し、使用時は貸出簿に記録',
    fileIds: [],
  });
  const usb2 = await part.create(manager, {
    kind: 'usb_memory',
    label: '教務係 USBメモリ No.2',
    identifier: 'S/N UM-0002',
    sectionId,
    storagePlace: '教務係 施錠キャビネットA',
    encryption: 'file',
    encryptionNote: 'ファイルごとにパスワード付きで暗号化',
    theftPrevention: '施錠キャビネットに保管',
    fileIds: [],
  });
  // A30-2: the 保護担当者 asks to take it out; the 保護管理者 approves; the take-out is recorded.
  const asked = await part.moves.requestTakeOut(staff, usb2.device.id, {
    destination: '東京都 教育委員会 会議室',
    purpose: '入試説明会の配布資料（個人情報を含まない）の持参',
    from: today,
    dueBack: addDays(today, 7),
  });
  const request = asked.takeOuts[0];
  if (!request) return;
  await part.approve(manager, request.requestId);
  await part.moves.recordTakeOut(manager, usb2.device.id, { takeOutId: request.id });
}
