import type { Ctx } from '../../platform/context.ts';
import type { ApprovalsService } from '../approvals/index.ts';
import type { DemoStudent } from '../vault/demo/demo-vault.ts';
import { addDays } from './core/periods.ts';
import type { RequestsModule } from './index.ts';

/** What the demo loader gives the whole-flow demo: people, the clock's today, the approval engine. */
export interface DemoFlowWhere {
  ctxOf(employeeNumber: string): Promise<Ctx>;
  sectionId(path: string): string;
  unitId(code: string): string;
  today: string;
  approvals: ApprovalsService;
  /** A member of staff reads the record for one of its file's purposes (shown in the access history). */
  readAsStaff(fileId: string, recordId: string): Promise<void>;
}

/**
 * A whole request of the demo (issue 12), for every tab to show something real: a fictional student
 * of 東京 asked for disclosure of their records three weeks ago; the 保護管理者 of 教務係 (E150007)
 * found them in the 学籍, 健康診断 and 成績 files and confirmed them, withheld the guarantor's
 * particulars (法78-1-2: another person's information), the 校長 (E150001, 総括保護管理者) approved
 * the partial disclosure, and it was carried out. The student then asked that their record no longer
 * be used to contact the guarantor (利用停止, 法98): approved, so the 学籍ファイル refuses it for that
 * purpose and serves it for the others. Every access is in the log under the requests' numbers, so
 * the access history lists them with proofs.
 */
export async function loadDemoRequestFlow(m: RequestsModule, student: DemoStudent, where: DemoFlowWhere) {
  const handler = await where.ctxOf('E150007');
  const principal = await where.ctxOf('E150001');
  const approve = async (approvalId: string | null) => {
    const row = approvalId ? await where.approvals.row(approvalId) : undefined;
    if (!row) throw new Error('demo: the decision was not submitted for approval');
    await where.approvals.decide(principal, row.id, { decision: 'approve', revision: row.revision });
  };
  const files = (await m.core.deps.registerFiles()).filter((f) => f.unitId === where.unitId('tokyo'));

  const disclosure = await m.core.create(handler, {
    kind: 'disclosure',
    sectionId: where.sectionId('tokyo/教務係'),
    channel: 'counter',
    receivedOn: addDays(where.today, -21),
    requesterKind: 'self',
    requester: {
      name: student.name,
      nameKana: student.nameKana,
      birthDate: student.birthDate,
      studentNumber: student.number,
    },
    content: '在学中の学籍、健康診断及び成績に関する記録',
    fileIds: files.filter((f) => /学籍|健康診断|成績/.test(f.name)).map((f) => f.id),
    identityMethod: 'student_or_staff_card',
    feeMethod: 'revenue_stamp',
    feePaidOn: addDays(where.today, -21),
    preferredMethod: 'paper_copy',
  });
  const found = await m.search.service.search(handler, disclosure.id, {});
  for (const match of found.matches) {
    // Earlier, 教務係 read the record to issue a certificate: the history shows it beside the request's own.
    if (match.matchedOn.includes('studentNumber') && /学籍/.test(match.fileName))
      await where.readAsStaff(match.fileId, match.recordId);
    if (match.matchedOn.includes('studentNumber'))
      await m.search.service.confirm(handler, disclosure.id, match.id, { note: '学生番号・氏名が一致' });
    else
      await m.search.service.reject(handler, disclosure.id, match.id, {
        reason: '学生番号が異なる同姓同名の別人',
      });
  }
  const decision = await m.decision.view(handler, disclosure.id);
  const enrolment = decision.records.find((r) => r.fields.some((f) => f.key === 'guardian'));
  if (enrolment)
    await m.decision.setWithheld(handler, disclosure.id, {
      items: [
        {
          matchId: enrolment.matchId,
          fieldKey: 'guardian',
          ground: 'third_party',
          reason: '保証人の氏名・住所は本人以外の個人に関する情報であるため',
        },
      ],
    });
  const submitted = await m.decision.submit(handler, disclosure.id, {
    decision: enrolment ? 'partial' : 'full',
    reason: '保証人に関する記載を除き開示する',
  });
  await approve(submitted.approvalId);
  await m.decision.notice(handler, disclosure.id, { sentOn: where.today });
  await m.decision.method(handler, disclosure.id, { method: 'paper_copy', chosenOn: where.today });
  await m.decision.carriedOut(handler, disclosure.id, { carriedOutOn: where.today });

  // 利用停止 (法98): no more contact with the guarantor through the 学籍ファイル.
  if (!enrolment) return;
  const suspension = await m.core.create(handler, {
    kind: 'suspension',
    parentId: disclosure.id,
    sectionId: where.sectionId('tokyo/教務係'),
    channel: 'counter',
    receivedOn: where.today,
    requesterKind: 'self',
    requester: { name: student.name, nameKana: student.nameKana, birthDate: student.birthDate },
    content: '学籍の記録を保証人への連絡に利用することの停止',
    identityMethod: 'student_or_staff_card',
    feeMethod: 'none',
  });
  const items = await m.remedies.setItems(handler, suspension.id, {
    items: [{ matchId: enrolment.matchId, purposeCodes: ['guidance'] }],
  });
  const remedy = await m.remedies.submit(handler, suspension.id, {
    decision: 'suspend',
    outcomes: items.items.map((i) => ({ itemId: i.id, outcome: 'accepted' })),
    reason: '保証人への連絡への利用を停止する（法第100条）',
  });
  await approve(remedy.approval?.id ?? null);
}
