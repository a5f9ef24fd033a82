/**
 * The decision on a disclosure request over HTTP (issue 12; law-2022.md 法78–82, 法87; features §10):
 * a request of 架空 花子 with two records confirmed in 学籍ファイル (matches inserted as the search
 * part's confirm would), one field withheld on the ground of 法78-1-2 (a third party's words), the
 * partial decision submitted and approved by the unit's 総括保護管理者 through the approval engine,
 * the notice and the disclosed information as PDFs (the withheld value absent, the disclosed values
 * present), the method chosen (法87-3) and the disclosure carried out. The clock stands at
 * 2026-11-30 09:30 (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionView, RecordValuesView } from '../../shared/api/requests-decision.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { inbox } from './facility-fixture.ts';
import { decisionHarness, RECORD_A, RECORD_B } from './requests-decision-fixture.ts';
import { pdfText } from './requests-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

describe.each(databases)('requests: the decision on a disclosure request on %s (法78–82, 法87)', (kind) => {
  it('withholds a third party’s words, is approved, and discloses the rest in the method chosen', async () => {
    const h = await decisionHarness(kind);
    const { c, url } = h;
    const r = await h.receive();
    const a = await h.confirm(r.id, await h.record(RECORD_A));
    const b = await h.confirm(r.id, await h.record(RECORD_B));

    // The view: the confirmed records with their field labels, never a value; readers see it too.
    const v0 = await h.view(r.id);
    expect(v0).toMatchObject({ number: r.number, state: 'draft', decision: null, withheld: [] });
    expect(v0.records.map((x) => x.matchId).sort()).toEqual([a, b].sort());
    expect(v0.records[0]!.fields.map((f) => f.label)).toContain('健康上の配慮');
    expect(JSON.stringify(v0)).not.toContain(RECORD_A.health);
    expect(JSON.stringify(v0)).not.toContain('T24001');
    expect(v0.can).toMatchObject({
      readValues: true,
      editWithheld: true,
      submit: true,
      downloadNotice: false,
    });
    const seen = await h.view(r.id, c.auditor);
    expect(seen.can).toMatchObject({ readValues: false, editWithheld: false, submit: false });
    // Nobody else learns the request exists; the 監査責任者 reads but never sees values.
    expectProblem(await c.staff.get(url(r.id)), 404, 'requests.not_found');
    expectProblem(await c.stranger.get(url(r.id)), 404, 'requests.not_found');
    expectProblem(await c.auditor.get(url(r.id, `/records/${a}`)), 403, 'requests.not_handler');

    // A handler reads a record's values to decide; the read is logged with the request as purpose.
    const values = bodyOf<RecordValuesView>(await c.manager.get(url(r.id, `/records/${a}`)));
    expect(values.fields.find((f) => f.key === 'health')?.value).toBe(RECORD_A.health);
    const reads = await h.services.ledger.list(h.services.database.db, { type: 'vault.subject_read' });
    expect(reads.at(-1)).toMatchObject({ purpose: `保有個人情報開示請求への対応（${r.number}）` });
    expect(JSON.stringify(reads)).not.toContain(RECORD_A.health);

    // The health note of record A is withheld: 法78-1-2 (本人以外の個人に関する情報).
    const item = {
      matchId: a,
      fieldKey: 'health',
      ground: 'third_party',
      reason: '同級生に関する記述を含むため',
    };
    const set = bodyOf<DecisionView>(await c.manager.put(url(r.id, '/withheld'), { items: [item] }));
    expect(set.withheld).toMatchObject([{ matchId: a, fieldKey: 'health', fieldLabel: '健康上の配慮' }]);
    expectProblem(
      await c.auditor.put(url(r.id, '/withheld'), { items: [item] }),
      403,
      'requests.not_handler',
    );

    const submitted = bodyOf<DecisionView>(
      await c.manager.post(url(r.id, '/submit'), { decision: 'partial', reason: null }),
    );
    expect(submitted).toMatchObject({ status: 'deciding', state: 'deciding', decision: 'partial' });
    expect(submitted.approvalStatus).toBe('submitted');
    // Once submitted the items stay as approved; nothing is printed before the decision.
    expectProblem(
      await c.manager.put(url(r.id, '/withheld'), { items: [] }),
      409,
      'requests.decision_locked',
    );
    expectProblem(await c.manager.get(url(r.id, '/notice.pdf')), 409, 'requests.decision_not_made');

    await h.decide(r.id);
    const decided = await h.view(r.id);
    expect(decided).toMatchObject({ status: 'decided', state: 'decided', decidedOn: '2026-11-30' });
    expect(decided.approvalStatus).toBe('done');
    expect(await inbox(c.manager, 'request.decided')).toHaveLength(1);
    const events = await h.audit('requests.decided', r.id);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('架空');

    // The notice: their letter, with the grounds and the 教示; printing it is an audit event.
    const notice = await c.auditor.get(url(r.id, '/notice.pdf'));
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toBe('application/pdf');
    const noticeText = await pdfText(notice);
    for (const t of [
      '保有個人情報部分開示決定通知書',
      r.number,
      '架空花子様',
      '法第78条第1項第2号',
      '審査請求',
      '3か月以内',
    ])
      expect(noticeText).toContain(t);
    expect(noticeText).not.toContain(RECORD_A.health);
    expect(await h.audit('requests.notice_printed', r.id)).toHaveLength(1);

    // The disclosed information: every value but the withheld one, which reads 不開示（法第78条第1項第2号）.
    expectProblem(await c.auditor.get(url(r.id, '/disclosure.pdf')), 403, 'requests.not_handler');
    const before = (await h.services.ledger.list(h.services.database.db, { type: 'vault.subject_read' }))
      .length;
    const doc = await pdfText(await c.manager.get(url(r.id, '/disclosure.pdf')));
    for (const t of ['T24001', 'T23999', '架空花子', '情報工学科3年', '不開示（法第78条第1項第2号）'])
      expect(doc).toContain(t);
    expect(doc).not.toContain(RECORD_A.health.replace(/\s+/g, ''));
    const after = await h.services.ledger.list(h.services.database.db, { type: 'vault.subject_read' });
    expect(after.length).toBeGreaterThan(before);
    expect(await h.audit('requests.disclosure_printed', r.id)).toHaveLength(1);

    // The method (法87-3) only after the notice; then the carrying out.
    const method = { method: 'paper_copy', chosenOn: '2026-11-30', lateReason: null };
    expectProblem(await c.manager.post(url(r.id, '/method'), method), 409, 'requests.notice_not_sent');
    expectProblem(
      await c.manager.post(url(r.id, '/carried-out'), { carriedOutOn: '2026-11-30' }),
      409,
      'requests.method_not_chosen',
    );
    expectProblem(
      await c.manager.post(url(r.id, '/notice'), { sentOn: '2026-12-01' }),
      400,
      'requests.date_in_future',
    );
    const sent = bodyOf<DecisionView>(await c.manager.post(url(r.id, '/notice'), { sentOn: '2026-11-30' }));
    expect(sent).toMatchObject({
      status: 'decided',
      noticeSentOn: '2026-11-30',
      methodChoiceUntil: '2026-12-30',
    });
    const chosen = bodyOf<DecisionView>(await c.manager.post(url(r.id, '/method'), method));
    expect(chosen).toMatchObject({ methodChosen: 'paper_copy', methodChosenOn: '2026-11-30' });
    const done = bodyOf<DecisionView>(
      await c.manager.post(url(r.id, '/carried-out'), { carriedOutOn: '2026-11-30' }),
    );
    expect(done).toMatchObject({ status: 'carried_out', carriedOutOn: '2026-11-30' });
    for (const t of [
      'requests.withheld_set',
      'requests.decision_submitted',
      'requests.notice_sent',
      'requests.method_chosen',
      'requests.carried_out',
    ])
      expect(await h.audit(t, r.id), t).toHaveLength(1);
  });
});
