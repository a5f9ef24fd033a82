import type { Clock } from '../../platform/clock.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { IncidentsModule } from './index.ts';

const HOUR = 3_600_000;

/**
 * The demo's open incident (issue 8; demo-data.md "an open incident"): two days ago a staff member of
 * 東京's 総務係 (E150020) reported that a USB memory of the 教務係 could not be found; the section's
 * 保護管理者 (E150007) recorded what was done at once (A34-2), investigated (A34-3) and reported to the
 * 総括保護管理者 (E150001), whose turn it now is (A34-4); 120 students' data makes the report to the
 * 個人情報保護委員会 mandatory (法68①, more than 100 persons), so the 総括管理者 (E000002) sees the 速報's
 * due date on the board. Everything in it is fictional and organisational: no held person is named.
 */
export async function loadDemoIncidents(
  incidents: IncidentsModule,
  where: {
    file(unit: string, name: string): string | undefined;
    ctxOf(n: string): Promise<Ctx>;
    clock: Clock;
  },
) {
  const gakuseki = where.file('tokyo', '学籍ファイル');
  if (!gakuseki) return;
  const s = incidents.incidents;
  const now = where.clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * HOUR).toISOString();
  const staff = await where.ctxOf('E150020');
  const manager = await where.ctxOf('E150007');

  const reported = await s.report(staff, {
    summary:
      '学生課教務係の USBメモリ（教務係 USBメモリ No.1）が、保管場所の施錠キャビネットに見当たらない。' +
      '前日の成績会議で使用した後、会議室から戻されたか確認できていない。',
    awareAt: ago(50),
    fileIds: [gakuseki],
    systems: '教務係 USBメモリ No.1（暗号化なし）、第2会議室',
    actionsTaken: '会議室と教務係の執務室を探した。会議の出席者に持ち帰っていないか確認を依頼した。',
    sectionId: null,
  });
  const id = reported.id;
  await s.contain(manager, id, {
    at: ago(48),
    text: '会議室の遺失物を総務係に照会し、校内放送で届出を呼びかけた。同種のUSBメモリの使用を停止した。',
  });
  await s.saveFacts(manager, id, {
    cause: '会議後の媒体の返却確認が行われず、持出し・返却の記録も付けられていなかった。',
    damage: '現時点で不正な利用は確認されていない。',
    items: '学生番号、氏名、学科・学年・クラス、成績（評点）',
    personsCount: 120,
    sensitive: false,
    strongEncryption: false,
    financialRisk: false,
    wrongfulPurpose: false,
    myNumber: false,
    serious: false,
    secondaryDamage: '拾得者による閲覧・拡散のおそれ。',
  });
  await s.recordStep(manager, id, {
    step: 'chief_protection',
    at: ago(26),
    to: '東京工業高等専門学校長',
    note: '経緯、影響の範囲（120人・4項目）と講じた措置を報告した。',
  });
  await s.addMeasure(manager, id, {
    text: '媒体の持出し・返却をMamoriの媒体登録簿で記録し、会議後に保護担当者が返却を確認する。',
    ownerId: actorPersonId(manager)!,
    due: new Date(now + 14 * 24 * HOUR).toISOString().slice(0, 10),
  });
}
