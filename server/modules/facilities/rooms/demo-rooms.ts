import { SAFEGUARD_ITEMS, type InspectionInput } from '../../../../shared/api/facility-rooms.ts';
import { toTokyoDate } from '../../../platform/clock.ts';
import { addDays } from '../common/days.ts';
import type { DemoWhere } from '../common/demo.ts';
import type { RoomsPart } from './index.ts';

/**
 * The demo's rooms (issue 11; A32, A33): 東京's サーバ室, kept by 東京 教務係's 保護管理者 (E150007),
 * its authorised persons E150007, E150008 and the システム管理者 (E000036), inspected a month ago,
 * with today's entries — E150008 in and out, and a fictional visitor escorted by E150007, both still
 * inside — and a 媒体の保管施設 never inspected, so the gap room_inspection_overdue (A33) shows.
 * Every person and company is fictional.
 */
export async function loadDemoRooms(part: RoomsPart, where: DemoWhere) {
  const manager = await where.ctxOf('E150007');
  const sectionId = where.sectionId('tokyo/教務係');
  const today = where.clock.today();
  const now = where.clock.now().getTime();
  // Times earlier today when the day is an hour old (corrections must be within today), else now.
  const early = toTokyoDate(new Date(now - 60 * 60_000)) === today;
  const ago = (minutes: number) => (early ? new Date(now - minutes * 60_000).toISOString() : null);

  const room = await part.create(manager, {
    name: '東京高専 サーバ室',
    kind: 'server_room',
    sectionId,
    locationNote: '管理棟2階（室名表示なし）。鍵は教務係長が保管する。',
    entryAuth: 'card',
    inspectionIntervalDays: 365,
    notes: '教務システム等のサーバを設置する情報システム室（第32条第1項）。',
  });
  for (const employeeNumber of ['E150007', 'E150008', 'E000036'])
    await part.authorise(manager, room.id, { personId: where.personId(employeeNumber) });

  const items = Object.fromEntries(
    SAFEGUARD_ITEMS.map((i) => [i, { status: 'in_place' as const, note: null }]),
  ) as InspectionInput['items'];
  items.monitoring = { status: 'partial', note: '監視カメラは出入口の1台のみ。増設を検討する。' };
  items.water = { status: 'in_place', note: '床上30cmのラックに設置。' };
  await part.inspections.record(manager, room.id, {
    inspectedOn: addDays(today, -30),
    items,
    notes: '年次点検（第33条）。予備電源（UPS）の自己診断は正常。',
  });

  // Today's log: E150008 came to change the backup media and left; a visitor is inside with E150007.
  const officer = await where.ctxOf('E150008');
  const first = await part.entries.enter(officer, room.id, {
    kind: 'staff',
    personId: where.personId('E150008'),
    purpose: 'バックアップ媒体の交換',
    enteredAt: ago(50),
  });
  await part.entries.exit(officer, room.id, first.id, { exitedAt: ago(35) });
  await part.entries.enter(manager, room.id, {
    kind: 'staff',
    personId: where.personId('E150007'),
    purpose: '保守作業の立会い',
    enteredAt: ago(20),
  });
  await part.entries.enter(manager, room.id, {
    kind: 'visitor',
    visitor: {
      name: '架空 保守一郎',
      organisation: '株式会社サンプル情報システム',
      idKind: 'staff_card',
      badgeNumber: '来訪者 1',
    },
    escortPersonId: where.personId('E150007'),
    purpose: '教務システム サーバのディスク交換（保守契約）',
    enteredAt: ago(20),
  });

  // A storage facility for media (A32-1 後段), never inspected: the gap shows (A33).
  const storage = await part.create(manager, {
    name: '東京高専 教務係 媒体保管庫',
    kind: 'storage',
    sectionId,
    locationNote: '教務係事務室内の耐火キャビネット室。',
    entryAuth: 'none',
    inspectionIntervalDays: 365,
    notes: null,
  });
  await part.authorise(manager, storage.id, { personId: where.personId('E150008') });
}
