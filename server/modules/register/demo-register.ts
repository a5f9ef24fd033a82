/**
 * The demo's register (../shared/spec/demo-data.md, "Files"): the 24 synthetic files of a college and
 * of the headquarters in 別紙様式1, for 東京 (every file) and the 学籍ファイル of two more colleges,
 * in every state of A20 — published, exempt (法74②), drafted, submitted, returned, being amended,
 * struck (A20-4), and My Number files approved or awaiting approval (A20-5). Loaded through the
 * register's own service, so every entry passes its rules.
 */
import type { EntryFieldsInput } from '../../../shared/api/register.ts';
import type { Ctx } from '../../platform/context.ts';
import type { RegisterService } from './register.service.ts';

type Stage = 'draft' | 'submitted' | 'returned' | 'registered' | 'amending' | 'struck';

interface DemoFile {
  no: number;
  /** Section of the unit ('' = the unit given by `hq`). */
  section: string;
  hq?: boolean;
  fields: Omit<EntryFieldsInput, 'department' | 'requestOffice'>;
  stage?: Stage;
  approve?: boolean;
}

const REQUEST_OFFICE = '独立行政法人国立高等専門学校機構 本部事務局総務課（東京都八王子市東浅川町701-2）';

const items = (list: string) => list.split(',');

const FILES: DemoFile[] = [
  {
    no: 1,
    section: '教務係',
    fields: {
      name: '学籍ファイル',
      purpose: '学生の入学、在学、休学、退学、卒業等の学籍に関する事務に利用する。',
      recordItems: items(
        '学生番号,氏名,フリガナ,性別,生年月日,本籍地（都道府県）,現住所,電話番号,保証人氏名・住所・続柄,出身中学校,入学年月日,学科・学年・クラス,異動（休学・退学・転科）年月日,卒業年月日',
      ),
      recordRange: '在籍する（した）本科学生',
      collectionMethod: '本人・保証人の届出',
      sensitive: false,
      kind: 'computer',
      sensitivity: 'sensitive',
      importance: 'high',
      retentionBasis: '法人文書管理規則',
      retentionYears: 30,
    },
  },
  {
    no: 2,
    section: '教務係',
    fields: {
      name: '成績ファイル',
      purpose: '学生の成績評価、進級及び卒業の認定に関する事務に利用する。',
      recordItems: items('学生番号,学科,氏名,年度,学期,科目コード,評点,評価,単位,GPA'),
      recordRange: '在籍する（した）学生',
      collectionMethod: '教員のWeb入力',
      sensitive: false,
      kind: 'computer',
      importance: 'high',
    },
  },
  {
    no: 3,
    section: '教務係',
    fields: {
      name: '学生指導要録',
      purpose: '学生の学籍及び指導の過程と結果を記録し、指導及び外部に対する証明に利用する。',
      recordItems: items('学籍の記録,各教科の評定,出欠の記録,特別活動の記録,総合所見'),
      recordRange: '在籍した学生',
      collectionMethod: '教員の記入',
      sensitive: false,
      regularRecipients: '転学先の学校長（写し）',
      kind: 'manual',
    },
  },
  {
    no: 4,
    section: '教務係',
    fields: {
      name: '出席簿ファイル',
      purpose: '授業の出欠を管理し、成績評価及び修学指導に利用する。',
      recordItems: items('学生番号,氏名,授業科目,日付,出欠区分,欠席理由'),
      recordRange: '在籍学生',
      collectionMethod: '教員入力',
      sensitive: true,
      kind: 'computer',
      sensitivity: 'sensitive',
    },
  },
  {
    no: 5,
    section: '入試係',
    fields: {
      name: '入学者選抜（本科）志願者ファイル',
      purpose: '本科の入学者選抜及び合否の通知に関する事務に利用する。',
      recordItems: items('受験番号,氏名,性別,生年月日,住所,出身中学校,調査書評定,学力検査得点,面接評価,合否'),
      recordRange: '志願者',
      collectionMethod: '願書・調査書',
      sensitive: false,
      regularRecipients: '出身中学校長（合否）',
      kind: 'computer',
    },
  },
  {
    no: 6,
    section: '入試係',
    fields: {
      name: '編入学・専攻科入学者選抜ファイル',
      purpose: '編入学及び専攻科の入学者選抜に関する事務に利用する。',
      recordItems: items('受験番号,氏名,生年月日,出身学校,成績証明,得点,合否'),
      recordRange: '志願者',
      collectionMethod: '願書',
      sensitive: false,
      kind: 'computer',
      exemption: 'under_1000',
    },
  },
  {
    no: 7,
    section: '保健室・学生相談室',
    fields: {
      name: '学生定期健康診断ファイル',
      purpose: '学生の健康の保持増進及び健康診断の事後措置に利用する。',
      recordItems: items('学生番号,氏名,身長・体重,視力・聴力,尿検査,胸部X線所見,心電図所見,既往歴,事後措置'),
      recordRange: '在籍学生',
      collectionMethod: '健康診断・本人申告',
      sensitive: true,
      regularRecipients: '学校医',
      kind: 'computer',
      sensitivity: 'highly_sensitive',
      importance: 'high',
    },
  },
  {
    no: 8,
    section: '保健室・学生相談室',
    fields: {
      name: '学生相談記録ファイル',
      purpose: '学生からの相談に応じ、必要な支援を行うために利用する。',
      recordItems: items('学生番号,氏名,相談日時,相談者区分,相談内容,対応,関係機関'),
      recordRange: '相談した学生',
      collectionMethod: '面談',
      sensitive: true,
      kind: 'manual',
      sensitivity: 'highly_sensitive',
      exemption: 'under_1000',
    },
  },
  {
    no: 9,
    section: '学生係',
    fields: {
      name: '特別な配慮（合理的配慮）ファイル',
      purpose: '障害のある学生への合理的配慮の提供に関する事務に利用する。',
      recordItems: items('学生番号,氏名,障害の状況,診断書等,配慮内容,合意記録'),
      recordRange: '申請学生',
      collectionMethod: '本人・保証人の申請',
      sensitive: true,
      kind: 'manual',
      sensitivity: 'highly_sensitive',
      exemption: 'under_1000',
    },
  },
  {
    no: 10,
    section: '学生係',
    fields: {
      name: '授業料免除・徴収猶予申請ファイル',
      purpose: '授業料の免除及び徴収猶予の選考に関する事務に利用する。',
      recordItems: items('学生番号,氏名,家計支持者,所得,家族構成,減免区分'),
      recordRange: '申請学生',
      collectionMethod: '申請書・所得証明',
      sensitive: false,
      kind: 'computer',
      sensitivity: 'sensitive',
    },
  },
  {
    no: 11,
    section: '学生係',
    fields: {
      name: '修学支援新制度（給付奨学金）ファイル',
      purpose: '高等教育の修学支援新制度による授業料等減免及び給付奨学金に関する事務に利用する。',
      recordItems: items('学生番号,氏名,奨学生番号,支援区分,適格認定結果'),
      recordRange: '対象学生',
      collectionMethod: '申請書',
      sensitive: false,
      regularRecipients: '独立行政法人日本学生支援機構',
      kind: 'computer',
    },
  },
  {
    no: 12,
    section: '寮務係',
    fields: {
      name: '学生寮（寄宿舎）入寮者ファイル',
      purpose: '学生寮の入退寮及び寮生の生活指導に関する事務に利用する。',
      recordItems: items('学生番号,氏名,居室番号,保証人連絡先,食事区分,アレルギー,外泊届'),
      recordRange: '入寮学生',
      collectionMethod: '入寮願',
      sensitive: true,
      kind: 'computer',
      sensitivity: 'sensitive',
    },
  },
  {
    no: 13,
    section: '学生係',
    stage: 'returned',
    fields: {
      name: '課外活動・大会参加者ファイル',
      purpose: '課外活動団体の管理及び大会参加の手続に利用する。',
      recordItems: items('学生番号,氏名,部・団体名,大会名,成績'),
      recordRange: '参加学生',
      collectionMethod: '届出',
      sensitive: false,
      regularRecipients: '大会主催者（高体連等）',
      kind: 'computer',
    },
  },
  {
    no: 14,
    section: '学生係',
    stage: 'draft',
    fields: {
      name: '進路・就職状況ファイル',
      purpose: '卒業予定者の進路指導及び就職支援に利用する。',
      recordItems: items('学生番号,氏名,学科,進路区分,就職先・進学先,内定日'),
      recordRange: '卒業（予定）者',
      collectionMethod: '本人届出',
      sensitive: false,
      kind: 'computer',
    },
  },
  {
    no: 15,
    section: '総務課',
    fields: {
      name: '卒業生名簿ファイル',
      purpose: '卒業生への連絡及び同窓会活動への協力に利用する。',
      recordItems: items('卒業年度,学科,氏名,旧姓,連絡先'),
      recordRange: '卒業生',
      collectionMethod: '学籍から作成・本人届出',
      sensitive: false,
      regularRecipients: '同窓会（本人の同意がある場合に限る）',
      kind: 'computer',
    },
  },
  {
    no: 16,
    section: '教務係',
    stage: 'submitted',
    fields: {
      name: '証明書発行ファイル',
      purpose: '在学証明書、成績証明書等の発行に関する事務に利用する。',
      recordItems: items('申請日,学生番号／卒業年度,氏名,証明書種別,部数,提出先'),
      recordRange: '申請者',
      collectionMethod: '申請書',
      sensitive: false,
      kind: 'computer',
    },
  },
  {
    no: 17,
    section: '図書係',
    fields: {
      name: '図書館利用者ファイル',
      purpose: '図書館資料の貸出及び返却の管理に利用する。',
      recordItems: items('利用者番号,氏名,所属,貸出履歴,延滞'),
      recordRange: '利用登録者',
      collectionMethod: '登録申込',
      sensitive: false,
      kind: 'computer',
    },
  },
  {
    no: 18,
    section: '情報基盤センター',
    stage: 'amending',
    fields: {
      name: '情報システムアカウントファイル',
      purpose: '学内情報システムの利用者アカウントの発行及び管理に利用する。',
      recordItems: items('アカウントID,氏名,所属,メールアドレス,権限,利用ログ'),
      recordRange: '学生・教職員',
      collectionMethod: '学籍・人事から連携',
      sensitive: false,
      regularRecipients: 'クラウドサービス事業者（委託）',
      kind: 'computer',
      linkedSystems: ['学生情報システム', '人事給与システム'],
    },
  },
  {
    no: 19,
    section: '総務課',
    fields: {
      name: '公開講座・出前授業受講者ファイル',
      purpose: '公開講座及び出前授業の受講者の受付及び連絡に利用する。',
      recordItems: items('氏名,年齢,住所,連絡先,受講講座'),
      recordRange: '受講者',
      collectionMethod: '申込書',
      sensitive: false,
      kind: 'computer',
      exemption: 'under_1000',
    },
  },
  {
    no: 20,
    section: '総務課',
    stage: 'struck',
    fields: {
      name: '共同研究・受託研究相手方担当者ファイル',
      purpose: '共同研究及び受託研究の契約及び連絡に利用する。',
      recordItems: items('企業名,担当者氏名,連絡先,契約番号'),
      recordRange: '相手方担当者',
      collectionMethod: '契約書',
      sensitive: false,
      kind: 'computer',
      exemption: 'under_1000',
    },
  },
  {
    no: 21,
    section: '人事課',
    hq: true,
    fields: {
      name: '教職員人事記録ファイル',
      purpose: '役職員の任免、昇給、懲戒等の人事管理に利用する。',
      recordItems: items('職員番号,氏名,生年月日,学歴,職歴,発令,懲戒'),
      recordRange: '役職員',
      collectionMethod: '本人・発令',
      sensitive: true,
      kind: 'computer',
      sensitivity: 'highly_sensitive',
      exemption: 'personnel',
    },
  },
  {
    no: 22,
    section: '給与係',
    hq: true,
    approve: true,
    fields: {
      name: '給与・源泉徴収ファイル',
      purpose: '役職員の給与の支給及び源泉徴収に関する事務に利用する。',
      recordItems: items('職員番号,氏名,俸給,手当,控除,扶養親族,個人番号'),
      recordRange: '役職員',
      collectionMethod: '届出',
      sensitive: false,
      regularRecipients: '税務署・市町村',
      kind: 'computer',
      sensitivity: 'highly_sensitive',
      importance: 'high',
      myNumber: true,
      exemption: 'personnel',
    },
  },
  {
    no: 23,
    section: '総務課',
    hq: true,
    fields: {
      name: '職員定期健康診断ファイル',
      purpose: '役職員の健康管理及び健康診断の事後措置に利用する。',
      recordItems: items('職員番号,氏名,健診結果,事後措置'),
      recordRange: '役職員',
      collectionMethod: '健診機関',
      sensitive: true,
      regularRecipients: '産業医',
      kind: 'computer',
      sensitivity: 'highly_sensitive',
      exemption: 'personnel',
    },
  },
  {
    no: 24,
    section: '会計課',
    fields: {
      name: '非常勤講師・謝金支払ファイル',
      purpose: '非常勤講師等への謝金の支払及び支払調書の作成に利用する。',
      recordItems: items('氏名,住所,口座,支払額,個人番号'),
      recordRange: '外部講師等',
      collectionMethod: '届出',
      sensitive: false,
      regularRecipients: '税務署（支払調書）',
      kind: 'computer',
      sensitivity: 'highly_sensitive',
      myNumber: true,
      exemption: 'under_1000',
    },
  },
];

/** The files of the demo; returns how many were made. */
export async function loadDemoRegister(
  files: RegisterService,
  system: Ctx,
  where: {
    /** Code, short and full name of the featured college and of two more (their 学籍ファイル). */
    featured: { code: string; fullName: string };
    others: { code: string; fullName: string }[];
    hq: { code: string; fullName: string };
    unitId(code: string): string;
    sectionId(code: string, name: string): string;
  },
): Promise<number> {
  let made = 0;
  const make = async (unit: { code: string; fullName: string }, f: DemoFile) => {
    const department = `${unit.fullName} ${f.section}`;
    const { id } = await files.create(system, {
      unitId: where.unitId(unit.code),
      sectionId: where.sectionId(unit.code, f.section),
      fields: { ...f.fields, department, requestOffice: REQUEST_OFFICE },
    });
    made += 1;
    const stage = f.stage ?? 'registered';
    if (stage === 'draft') return;
    await files.submit(system, id);
    if (stage === 'submitted') return;
    if (stage === 'returned') {
      await files.returnForCorrection(system, id, {
        reason: '大会主催者への提供について、本人の同意の取り方を備考に記載してください。',
      });
      return;
    }
    await files.accept(system, id);
    if (f.approve) await files.approveMyNumber(system, id);
    if (stage === 'amending')
      await files.amend(system, id, {
        ...f.fields,
        department,
        requestOffice: REQUEST_OFFICE,
        regularRecipients: 'クラウドサービス事業者（委託）、学術認証フェデレーション',
      });
    if (stage === 'struck')
      await files.discontinue(system, id, {
        reason: '研究推進課の契約管理システムへ移行し、保有を終了した。',
      });
  };
  for (const f of FILES) await make(f.hq ? where.hq : where.featured, f);
  for (const other of where.others) await make(other, FILES[0]!);
  return made;
}
