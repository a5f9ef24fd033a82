import type { Clock } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { addDays } from './periods.ts';
import type { RequestsCore } from './index.ts';

/** What the demo loader gives `loadDemoRequests`: people, places and the clock. */
export interface DemoRequestsWhere {
  ctxOf(employeeNumber: string): Promise<Ctx>;
  personId(employeeNumber: string): string;
  unitId(code: string): string;
  sectionId(path: string): string;
  clock: Clock;
}

/**
 * The demo's individuals' requests (issue 12; law-2022.md 法76–107) at 東京 教務係, received by its
 * 保護管理者 (E150007): a disclosure received 27 days ago and due in three days; one whose 補正 is
 * still unanswered (法77-3: the clock stands still, 「補正中」); one extended by 30 days with the
 * written reason told (法83-2). Every requester is fictional.
 */
export async function loadDemoRequests(core: RequestsCore, where: DemoRequestsWhere) {
  const manager = await where.ctxOf('E150007');
  const sectionId = where.sectionId('tokyo/教務係');
  const today = where.clock.today();
  const files = (await core.deps.registerFiles()).filter((f) => f.sectionId === sectionId);
  const fileNamed = (name: string) => files.filter((f) => f.name === name).map((f) => f.id);
  const common = {
    kind: 'disclosure' as const,
    sectionId,
    requesterKind: 'self' as const,
    identityMethod: 'driver_licence' as const,
    feeMethod: 'revenue_stamp' as const,
    preferredMethod: 'paper_copy' as const,
  };

  // Due in three days: the board shows it first.
  await core.create(manager, {
    ...common,
    channel: 'counter',
    receivedOn: addDays(today, -27),
    requester: {
      name: '架空 花子',
      nameKana: 'カクウ ハナコ',
      birthDate: '2007-05-14',
      address: '東京都八王子市架空町1-2-3',
      studentNumber: 'T22017',
    },
    content: '在学中（令和4年度から令和6年度）の学籍に関する記録の一切',
    fileIds: fileNamed('学籍ファイル'),
    feePaidOn: addDays(today, -27),
  });

  // 補正中: the request did not say which records; the clock stopped three days ago.
  const unclear = await core.create(manager, {
    ...common,
    channel: 'mail',
    receivedOn: addDays(today, -10),
    identityMethod: 'certificate_of_residence',
    requester: {
      name: '見本 太郎',
      nameKana: 'ミホン タロウ',
      birthDate: '1999-11-02',
      address: '東京都日野市見本町4-5-6',
    },
    content: '本科在籍時の記録',
    fileIds: [],
    feePaidOn: addDays(today, -10),
  });
  await core.pause(manager, unclear.id, {
    askedOn: addDays(today, -3),
    reason: '請求する保有個人情報の特定が不十分なため、対象期間と記録の種類の記載を求めた（法第77条第3項）。',
  });

  // Extended by 30 days (法83-2), the reason told in writing yesterday.
  const wide = await core.create(manager, {
    ...common,
    channel: 'counter',
    receivedOn: addDays(today, -25),
    requesterKind: 'legal_representative',
    requester: {
      name: '試験 一郎',
      nameKana: 'シケン イチロウ',
      birthDate: '2009-01-20',
      studentNumber: 'T24105',
      representativeName: '試験 良子',
      representativeRelation: '親権者',
    },
    content: '入学以降の成績、出欠及び指導に関する記録',
    fileIds: files.map((f) => f.id),
    feePaidOn: addDays(today, -25),
  });
  await core.extend(manager, wide.id, {
    days: 30,
    reason:
      '対象となる記録が複数の個人情報ファイル（紙の指導要録を含む）にわたり、不開示情報の有無の確認に時間を要するため（法第83条第2項）。',
    notifiedOn: addDays(today, -1),
  });
}
