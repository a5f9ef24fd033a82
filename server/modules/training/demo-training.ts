import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { TrainingModule } from './index.ts';
import { addDays, addMonths } from './training.rules.ts';

/**
 * The demo's training (issue 10; demo-data.md "overdue training"):
 * - A10-1: the 総括管理者 (E000002) keeps a yearly course for all staff, required for vault grants;
 *   last year's session was attended by a few of 東京's staff, whose completion has now lapsed
 *   (overdue: E150020, the staff sign-in, among them); this year's session, a month ago, was
 *   completed by the people who hold grants (E150008, E000020) and the managers, so nobody's grant
 *   is suspended on the demo's day; online material is open for anyone to complete.
 * - A10-3: 東京's 総括保護管理者 (E150001) keeps a course for its 保護管理者 and 保護担当者, held two
 *   weeks ago; the 保護管理者 of 東京 教務係 (E150007) has enrolled its section in the next one (A10-4).
 * Titles and places are fictional.
 */
export async function loadDemoTraining(
  training: TrainingModule,
  where: {
    ctxOf(employeeNumber: string): Promise<Ctx>;
    personId(employeeNumber: string): string;
    unitId(code: string): string;
    sectionId(path: string): string;
    clock: Clock;
  },
) {
  const today = where.clock.today();
  const ids = (numbers: string[]) =>
    numbers.map((n) => where.personId(n)).filter((id): id is string => typeof id === 'string');
  const { courses, sessions } = training;
  const chiefManager = await where.ctxOf('E000002');
  const tokyoChief = await where.ctxOf('E150001');
  const kyomuManager = await where.ctxOf('E150007');

  const general = await courses.create(chiefManager, {
    kind: 'general',
    title: '個人情報保護研修（全職員）',
    description:
      '規則第65号の概要、保有個人情報の取扱い、漏えい等の事案の報告、情報セキュリティの基本を学ぶ年1回の研修です。',
    audience: { all: true },
    recurrenceMonths: 12,
    dueDays: 30,
    requiredFor: ['vault_grant'],
  });
  const lastYear = await sessions.create(chiefManager, general.id, {
    mode: 'in_person',
    heldOn: addDays(addMonths(today, -12), -30),
    place: '東京工業高等専門学校 視聴覚室',
    capacity: 60,
  });
  // Lapsed a month ago: overdue now (the staff sign-in E150020 and a few colleagues).
  await sessions.record(chiefManager, lastYear.id, {
    personIds: ids(['E150020', 'E150021', 'E150022', 'E150023']),
  });
  const thisYear = await sessions.create(chiefManager, general.id, {
    mode: 'in_person',
    heldOn: addDays(today, -30),
    place: '本部事務局 大会議室（オンライン併用）',
    capacity: 120,
  });
  // The grant holders and the people who keep files: completed, so no grant is suspended today.
  await sessions.record(chiefManager, thisYear.id, {
    personIds: ids(['E000002', 'E000006', 'E000020', 'E150001', 'E150007', 'E150008']),
  });
  await sessions.create(chiefManager, general.id, {
    mode: 'online',
    heldOn: addDays(today, -30),
    closesOn: addDays(today, 60),
    note: '教材（スライド）を読み、最後の確認問題に答えたら「受講完了」を押してください。',
  });

  const managers = await courses.create(tokyoChief, {
    kind: 'managers',
    title: '保護管理者・保護担当者研修（東京）',
    description: '管理区域、媒体の持出し、アクセス記録の分析、委託先の監督など、管理者の実務を扱います。',
    ownerUnitId: where.unitId('tokyo'),
    audience: { roles: ['protection_manager', 'protection_officer'] },
    recurrenceMonths: 12,
    dueDays: 60,
  });
  const held = await sessions.create(tokyoChief, managers.id, {
    mode: 'in_person',
    heldOn: addDays(today, -14),
    place: '東京工業高等専門学校 第2会議室',
    capacity: 30,
  });
  await sessions.record(tokyoChief, held.id, { personIds: ids(['E150007', 'E150008']) });
  // A10-4: the 保護管理者 of 東京 教務係 enrols its section in the next session of the general course.
  const next = await sessions.create(chiefManager, general.id, {
    mode: 'in_person',
    heldOn: addDays(today, 21),
    place: '東京工業高等専門学校 視聴覚室',
    capacity: 60,
  });
  const section = where.sectionId('tokyo/教務係');
  const view = await sessions.get(kyomuManager, next.id);
  const members = view.participants.filter((p) => p.status !== 'completed').map((p) => p.personId);
  if (section && members.length > 0) await sessions.enrol(kyomuManager, next.id, { personIds: members });
  return { courses: 2 };
}
