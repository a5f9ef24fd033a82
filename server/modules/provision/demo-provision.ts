import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { addDays } from '../incidents/law/deadlines.ts';
import type { ProvisionModule } from './index.ts';

/**
 * The demo's outsourcing (issue 9; A19): 東京 教務係's 保護管理者 (E150007) keeps the maintenance
 * contract of the student information system with a fictional company, checked (A19-1), with the six
 * clauses and active; a second contract — for printing certificates — is a draft that lacks the
 * clause on the return of media, so the checklist, the refusal and the exception can be tried at
 * once. Companies, numbers and names are fictional.
 */
export async function loadDemoProvision(
  provision: ProvisionModule,
  where: {
    file(unit: string, name: string): string | undefined;
    ctxOf(n: string): Promise<Ctx>;
    clock: Clock;
    sectionId: string;
  },
) {
  const gakuseki = where.file('tokyo', '学籍ファイル');
  if (!gakuseki) return;
  const manager = await where.ctxOf('E150007');
  const today = where.clock.today();
  const vendor = await provision.parties.create(manager, {
    kind: 'company',
    name: '株式会社ミナト学務システム（架空）',
    address: '東京都八王子市（架空の所在地）',
    contacts: [
      {
        department: '保守サービス部',
        name: '保守窓口',
        phone: '042-000-0000',
        email: 'support@example.invalid',
      },
    ],
    contractor: true,
    managementStructure:
      '個人情報管理責任者（保守サービス部長）を置き、作業者を名簿で管理する。作業は本学の端末からのみ行う。',
  });
  await provision.parties.addCheck(manager, vendor.id, {
    checkedOn: addDays(today, -60),
    method: 'certification',
    certification: 'プライバシーマーク（架空の登録番号）',
    findings: '管理体制、作業者の教育記録及び入退室管理を書面で確認した。',
    result: 'pass',
  });
  const maintenance = await provision.contracts.create(manager, {
    partyId: vendor.id,
    sectionId: where.sectionId,
    title: '教務システム保守業務委託',
    work: '教務システム（学籍・成績）の保守、障害対応及びバックアップの運用',
    reference: '令和8年度 契約第12号（架空）',
    kind: 'outsourcing',
    fileIds: [gakuseki],
    startsOn: addDays(today, -240),
    endsOn: addDays(today, 120),
  });
  const clause = (c: string, ref: string) => ({ clause: c, present: true, reference: ref });
  await provision.contracts.saveClauses(manager, maintenance.id, {
    clauses: [
      clause('confidentiality', '第8条'),
      clause('subcontracting', '第9条'),
      clause('copying', '第10条'),
      clause('incidents', '第11条'),
      clause('erasure_return', '第12条'),
      clause('termination', '第15条'),
    ],
  });
  await provision.contracts.activate(manager, maintenance.id);
  const printing = await provision.contracts.create(manager, {
    partyId: vendor.id,
    sectionId: where.sectionId,
    title: '証明書印刷業務委託（案）',
    work: '卒業証明書・成績証明書の印刷及び封入',
    kind: 'outsourcing',
    fileIds: [gakuseki],
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 395),
  });
  await provision.contracts.saveClauses(manager, printing.id, {
    clauses: [
      clause('confidentiality', '第5条'),
      clause('subcontracting', '第6条'),
      clause('copying', '第7条'),
      clause('incidents', '第8条'),
      { clause: 'erasure_return', present: false },
      clause('termination', '第10条'),
    ],
  });
}
