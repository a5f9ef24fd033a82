import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { AuditsModule } from './index.ts';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's audits (issue 10; A36), by the 監査責任者 (E000006): an earlier ad hoc audit of 東京 over
 * 第10条 (training), reported and delivered to 東京's 総括保護管理者 (E150001), whose acknowledgement
 * is still due; and this year's regular audit of 東京 in progress, with some items answered, the open
 * incident linked as evidence when there is one, and a finding whose corrective action is owned by
 * 東京 教務係's 保護管理者 (E150007). Everything in it is fictional and organisational.
 */
export async function loadDemoAudits(
  m: AuditsModule,
  where: {
    ctxOf(employeeNumber: string): Promise<Ctx>;
    personId(employeeNumber: string): string;
    unitId(code: string): string;
    sectionId(path: string): string;
    clock: Clock;
  },
) {
  const auditor = await where.ctxOf('E000006');
  const today = where.clock.today();
  const tokyo = where.unitId('tokyo');

  // An earlier audit, reported (A36: the report goes to the 総括保護管理者 with a record of delivery).
  const earlier = await m.plans.create(auditor, {
    title: '研修の実施状況に関する随時監査',
    kind: 'ad_hoc',
    unitIds: [tokyo],
    articles: [10],
    periodFrom: addDays(today, -240),
    periodTo: addDays(today, -60),
    plannedStart: addDays(today, -30),
    plannedEnd: addDays(today, -20),
    note: '前年度の研修計画の実施状況を確認する。',
  });
  const e = await m.plans.start(auditor, earlier.id);
  for (const [i, item] of e.checklist.entries())
    await m.checklist.answer(auditor, earlier.id, item.id, {
      answer: i === 2 ? 'partly' : 'conforms',
      note: i === 2 ? '管理者向け研修の受講記録に一部漏れがあった。' : '受講記録により確認した。',
    });
  await m.report.issue(auditor, earlier.id);

  // This year's regular audit, in progress.
  const current = await m.plans.create(auditor, {
    title: '令和8年度 定期監査（東京）',
    kind: 'regular',
    unitIds: [tokyo],
    periodFrom: addDays(today, -180),
    periodTo: today,
    plannedStart: addDays(today, -7),
    plannedEnd: addDays(today, 14),
    note: '第3条から第19条まで及び第21条から第35条までの措置の状況を監査する。',
  });
  const c = await m.plans.start(auditor, current.id);
  const byFeature = new Map(c.checklist.map((i) => [i.featureId, i]));
  const answers: [string, 'conforms' | 'partly' | 'does_not', string][] = [
    ['A3', 'conforms', '教職員の登録と規則の周知記録を確認した。'],
    ['A5', 'conforms', '総括保護管理者の任命を確認した。'],
    ['A6', 'conforms', '各係の保護管理者の任命を確認した。'],
    ['A34', 'partly', '事案の報告は速やかだったが、媒体の持出し記録が付けられていなかった。'],
  ];
  for (const [feature, answer, note] of answers) {
    const item = byFeature.get(feature);
    if (item) await m.checklist.answer(auditor, current.id, item.id, { answer, note });
  }
  const a34 = byFeature.get('A34');
  if (a34) {
    const [incident] = (await m.checklist.candidates(auditor, current.id, 'incident')).items;
    if (incident)
      await m.checklist.link(auditor, current.id, a34.id, { kind: 'incident', ref: incident.ref });
    await m.findings.add(auditor, current.id, {
      itemId: a34.id,
      severity: 'medium',
      description: '教務係で、USBメモリの持出し・返却の記録が付けられていなかった。',
      action: '媒体の持出し・返却簿を整備し、係内で運用を周知する。',
      ownerId: where.personId('E150007'),
      due: addDays(today, 30),
    });
  }
}
