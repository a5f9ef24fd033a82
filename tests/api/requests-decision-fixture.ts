/**
 * What the tests of the decision on a disclosure request share (issue 12; 法78–82, 法87): the
 * requests harness with its 学籍ファイル opened in the vault (tests/support/vault-fixture.ts's student
 * schema), the requester's records in it, matches confirmed by inserting subject_request_matches
 * rows (as the search part's confirm would), the approval by the unit's 総括保護管理者 through the
 * approval engine's route, and the text of a PDF. Every person and value is fictional.
 */
import type { ApprovalView } from '../../shared/api/approvals.ts';
import type { DecisionView } from '../../shared/api/requests-decision.ts';
import { newId } from '../../server/platform/ids.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import { requestsHarness } from './requests-fixture.ts';
import type { HttpClient } from './support/http-client.ts';

/** The requester's two records (a third party's words sit in the health note: 法78-1-2). */
export const RECORD_A = {
  student_number: 'T24001',
  name: '架空 花子',
  kana: 'カクウ ハナコ',
  birth_date: '2008-04-02',
  class: '情報工学科3年',
  health: '同級生の架空次郎からの相談記録',
};
export const RECORD_B = { ...RECORD_A, student_number: 'T23999', class: '情報工学科2年', health: '' };

export async function decisionHarness(kind: DatabaseKind) {
  const h = await requestsHarness(kind);
  const { services, o } = h;
  await services.vault.files.open(o.sys, h.fileId, {
    fields: STUDENT_FIELDS,
    purposes: STUDENT_PURPOSES,
    important: false,
    keyField: 'student_number',
    scopeField: 'class',
    expectedRecords: 200,
  });
  const record = async (values: Record<string, unknown>) =>
    (await services.vault.records.create(o.sys, h.fileId, { purpose: 'enrolment', values })).id;

  /** A confirmed match of the request (the search part's row, inserted as its confirm would). */
  async function confirm(requestId: string, recordId: string): Promise<string> {
    const id = newId();
    const at = services.clock.now().toISOString();
    await services.database.db
      .insertInto('subject_request_matches')
      .values({
        id,
        request_id: requestId,
        file_id: h.fileId,
        record_id: recordId,
        matched_on: JSON.stringify(['name', 'birthDate']),
        status: 'confirmed',
        reason: '生年月日・学籍番号が一致',
        found_at: at,
        found_by: o.people.tokyoKyomuHead,
        decided_at: at,
        decided_by: o.people.tokyoKyomuHead,
      })
      .execute();
    return id;
  }

  const url = (id: string, tail = '') => `/api/requests/${id}/decision${tail}`;
  const view = async (id: string, c: HttpClient = h.c.manager) => bodyOf<DecisionView>(await c.get(url(id)));

  /** The unit's 総括保護管理者 decides the request's approval (approve, or deny with a comment). */
  async function decide(id: string, decision: 'approve' | 'deny' = 'approve') {
    const v = await view(id);
    const a = bodyOf<ApprovalView>(await h.c.chief.get(`/api/approvals/${v.approvalId}`));
    return bodyOf<ApprovalView>(
      await h.c.chief.post(`/api/approvals/${v.approvalId}/decision`, {
        decision,
        comment: decision === 'deny' ? '不開示の理由が不十分です' : '',
        revision: a.revision,
      }),
    );
  }
  return { ...h, record, confirm, url, view, decide };
}
