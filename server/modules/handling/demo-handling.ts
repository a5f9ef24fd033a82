import type { Ctx } from '../../platform/context.ts';
import type { HandlingModule } from './index.ts';

/**
 * The demo's handling (issue 7): 東京 教務係's USB memory in the register of media (A14), and a
 * request of the 保護担当者 (E150008) to copy part of the 学籍ファイル (A12(1)) waiting for the
 * section's 保護管理者 (E150007), so that the inbox, its count and the copy can be tried at once.
 * Reasons are organisational and fictional; no held person's data is in them.
 */
export async function loadDemoHandling(
  handling: HandlingModule,
  where: {
    file(unit: string, name: string): string | undefined;
    ctxOf(employeeNumber: string): Promise<Ctx>;
  },
) {
  const gakuseki = where.file('tokyo', '学籍ファイル');
  if (!gakuseki) return;
  const officer = await where.ctxOf('E150008');
  await handling.movements.media.register(officer, {
    label: '教務係 USBメモリ No.1',
    kind: 'usb',
    storagePlace: '学生課教務係 施錠キャビネットA',
    fileIds: [gakuseki],
  });
  await handling.exports.submit(officer, {
    fileId: gakuseki,
    purpose: 'guidance',
    recordIds: null,
    fields: ['student_number', 'name', 'class'],
    format: 'xlsx',
    days: 7,
    reason: '学年末の成績会議資料（クラス名簿）の作成のため',
  });
}
