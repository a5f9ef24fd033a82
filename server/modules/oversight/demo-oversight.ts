import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { addDays } from '../incidents/law/deadlines.ts';
import { fiscalYearOf } from './common.ts';
import type { OversightModule } from './index.ts';

/**
 * The demo's oversight (issue 10): 東京 教務係's 保護管理者 (E150007) completed an inspection that
 * found a storage issue and reported it to 東京's 総括保護管理者 (E150001), who has yet to acknowledge
 * it; 東京 図書係's inspection is due today (its schedule was set, never inspected). The 総括管理者
 * (E000002) held a committee meeting with minutes, recorded a ministry's guidance, and decided the
 * evaluation of the previous fiscal year with one open action owned by E150007; 東京 has one
 * supplementary rule (A40-2). Every text and number is fictional.
 */
export async function loadDemoOversight(
  oversight: OversightModule,
  where: {
    ctxOf(employeeNumber: string): Promise<Ctx>;
    personId(employeeNumber: string): string;
    unitId(code: string): string;
    sectionId(path: string): string;
    clock: Clock;
  },
) {
  const today = where.clock.today();
  const manager = await where.ctxOf('E150007');
  const chief = await where.ctxOf('E150001');
  const chiefManager = await where.ctxOf('E000002');
  const kyomu = where.sectionId('tokyo/教務係');

  // A37: an inspection with an issue, reported to the 総括保護管理者.
  const inspection = await oversight.inspections.create(manager, {
    sectionId: kyomu,
    inspectedOn: addDays(today, -30),
    media: { result: 'ok', notes: 'USBメモリ等の管理台帳と現物を照合し、一致を確認した。' },
    routes: { result: 'ok', notes: '成績処理の経路（教員入力→教務システム→帳票出力）を確認した。' },
    storage: { result: 'issue', notes: '書庫の施錠記録に3日分の記入漏れがあった。' },
    remarks: null,
    issues: '書庫の施錠記録の記入漏れ',
    actions: '施錠記録を終業時に係長が確認することとした。',
  });
  await oversight.inspections.complete(manager, inspection.id, { report: true });
  // A37: 図書係's first inspection is due from today.
  try {
    await oversight.inspections.setSchedule(chief, where.sectionId('tokyo/図書係'), { intervalMonths: 6 });
  } catch {
    // A demo without 東京 図書係 handling personal information shows no due inspection.
  }

  // A9: a meeting held with its minutes.
  const meeting = await oversight.committee.schedule(chiefManager, {
    heldOn: addDays(today, -14),
    time: '14:00',
    place: '本部事務局 第1会議室',
    agenda: ['各学校等の点検結果について', '個人情報管理規則の運用の見直しについて'],
  });
  await oversight.committee.hold(chiefManager, meeting.id, {
    minutes:
      '各学校等の点検結果の報告を受け、記録媒体の保管方法について注意喚起を行うことを確認した。運用要領の改正案を次回までに作成する。',
    decisions: [{ text: '書庫の施錠記録の確認手順を全学校等に周知する', featureId: 'A37' }],
  });

  // A39: guidance from a ministry.
  await oversight.guidance.create(chiefManager, {
    receivedOn: addDays(today, -45),
    ministry: '文部科学省',
    subject: '保有個人情報の適切な管理について（通知）（架空）',
    summary: '教育機関における保有個人情報の漏えい等の防止のため、安全管理措置の点検を求めるもの。',
    response: '各学校等に点検の実施を依頼し、結果を委員会に報告した。',
  });

  // A40-2: 東京's supplementary rule.
  await oversight.localRules.create(chief, {
    unitId: where.unitId('tokyo'),
    title: '東京工業高等専門学校 保有個人情報管理細則（架空）',
    number: '東京高専規程第12号（架空）',
    effectiveOn: addDays(today, -200),
  });

  // A38: the evaluation of the previous fiscal year, decided with one open action.
  const evaluation = await oversight.evaluations.create(chiefManager, {
    fiscalYear: fiscalYearOf(today) - 1,
    unitId: null,
  });
  await oversight.evaluations.assess(chiefManager, evaluation.id, {
    assessment: '監査及び点検の結果、記録媒体の保管方法に改善の余地がある。措置は概ね有効に機能している。',
  });
  await oversight.evaluations.addAction(chiefManager, evaluation.id, {
    description: '書庫の施錠記録の確認手順を定め、各係に周知する',
    featureId: 'A37',
    ownerId: where.personId('E150007'),
    due: addDays(today, 60),
  });
  await oversight.evaluations.decide(chiefManager, evaluation.id);
}
