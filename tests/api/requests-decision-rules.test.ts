/**
 * The decision on a disclosure request over HTTP — what is refused and what goes back (issue 12;
 * 法78–82, 法87-3): each combination of decision and withheld items that does not hold together is
 * refused with its code; a denial by the 総括保護管理者 sends the request back to received with the
 * decision cleared and the items kept; 保有していない closes with the notice; a method chosen after
 * the 30 days is refused unless a good reason is given (法87-3 ただし書). The clock stands at
 * 2026-11-30 09:30 (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionView } from '../../shared/api/requests-decision.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { decisionHarness, RECORD_A, RECORD_B } from './requests-decision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const reason = '行列外の理由';
const LATE = '災害による郵便の遅延のため';

describe.each(databases)('requests: decisions refused and sent back on %s (法78–82, 法87-3)', (kind) => {
  it('refuses each decision that does not fit the records and items, with its code', async () => {
    const h = await decisionHarness(kind);
    const { c, url } = h;
    const r = await h.receive();
    const a = await h.confirm(r.id, await h.record(RECORD_A));
    const b = await h.confirm(r.id, await h.record(RECORD_B));
    const submit = (decision: string, why: string | null = null) =>
      c.manager.post(url(r.id, '/submit'), { decision, reason: why });
    const put = (items: object[]) => c.manager.put(url(r.id, '/withheld'), { items });
    const whole = (matchId: string) => ({ matchId, fieldKey: null, ground: 'life', reason });

    expectProblem(await submit('partial'), 400, 'requests.partial_needs_withheld');
    expectProblem(await submit('none'), 400, 'requests.none_needs_all_withheld');
    expectProblem(await submit('not_held'), 400, 'requests.not_held_has_records');
    expectProblem(await submit('refuse_existence'), 400, 'requests.refusal_needs_reason');
    // Items must name a confirmed record and one of its fields, once each.
    expectProblem(await put([whole(MISSING_ID)]), 400, 'requests.match_not_confirmed');
    expectProblem(await put([{ ...whole(a), fieldKey: 'salary' }]), 400, 'requests.withheld_field_unknown');
    expectProblem(await put([whole(a), whole(a)]), 400, 'requests.withheld_duplicate');
    expectProblem(await put([{ ...whole(a), ground: 'rumour' }]), 400, 'request.invalid');

    bodyOf<DecisionView>(await put([{ ...whole(a), fieldKey: 'class', ground: 'administration' }]));
    expectProblem(await submit('full'), 400, 'requests.full_has_withheld');
    expectProblem(await submit('none'), 400, 'requests.none_needs_all_withheld');
    bodyOf<DecisionView>(await put([whole(a), whole(b)]));
    expectProblem(await submit('partial'), 400, 'requests.partial_needs_disclosed');
    expect(await h.audit('requests.decision_submitted', r.id)).toHaveLength(0);

    // 不開示 with every record withheld whole holds; the 監査責任者 cannot submit it.
    expectProblem(
      await c.auditor.post(url(r.id, '/submit'), { decision: 'none' }),
      403,
      'requests.not_handler',
    );
    const v = bodyOf<DecisionView>(await submit('none'));
    expect(v).toMatchObject({ state: 'deciding', decision: 'none' });
    expectProblem(await submit('none'), 409, 'requests.decision_state');
  });

  it('goes back to received when the 総括保護管理者 denies it, and is decided once approved', async () => {
    const h = await decisionHarness(kind);
    const { c, url } = h;
    const r = await h.receive();
    await h.confirm(r.id, await h.record(RECORD_A));
    bodyOf<DecisionView>(await c.manager.post(url(r.id, '/submit'), { decision: 'full', reason: null }));
    // The submitter is not the decider (ADR 0008); the unit's 総括保護管理者 denies with a comment.
    await h.decide(r.id, 'deny');
    const back = await h.view(r.id);
    expect(back).toMatchObject({
      status: 'received',
      state: 'draft',
      decision: null,
      approvalStatus: 'denied',
    });
    expect(back.can.submit).toBe(true);
    expect(await h.audit('requests.decision_returned', r.id)).toHaveLength(1);
    // Submitted again and approved: decided.
    bodyOf<DecisionView>(await c.manager.post(url(r.id, '/submit'), { decision: 'full', reason: null }));
    await h.decide(r.id);
    expect(await h.view(r.id)).toMatchObject({
      status: 'decided',
      decision: 'full',
      decidedOn: '2026-11-30',
    });
  });

  it('closes a 保有していない decision with its notice; a method after 30 days needs a good reason', async () => {
    const h = await decisionHarness(kind);
    const { c, url } = h;
    const none = await h.receive();
    expectProblem(
      await c.manager.post(url(none.id, '/submit'), { decision: 'full' }),
      400,
      'requests.decision_no_records',
    );
    bodyOf<DecisionView>(await c.manager.post(url(none.id, '/submit'), { decision: 'not_held' }));
    await h.decide(none.id);
    expectProblem(
      await c.manager.get(url(none.id, '/disclosure.pdf')),
      409,
      'requests.decision_discloses_nothing',
    );
    expectProblem(
      await c.manager.post(url(none.id, '/notice'), { sentOn: '2026-11-29' }),
      400,
      'requests.notice_before_decision',
    );
    const closed = bodyOf<DecisionView>(
      await c.manager.post(url(none.id, '/notice'), { sentOn: '2026-11-30' }),
    );
    expect(closed).toMatchObject({ status: 'closed', noticeSentOn: '2026-11-30' });
    expect((await c.manager.get(url(none.id, '/notice.pdf'))).statusCode).toBe(200);

    // A full disclosure approved, its dates moved back to 10-01: the 30 days ended on 10-31.
    const r = await h.receive({ receivedOn: '2026-09-20' });
    await h.confirm(r.id, await h.record(RECORD_A));
    bodyOf<DecisionView>(await c.manager.post(url(r.id, '/submit'), { decision: 'full' }));
    await h.decide(r.id);
    await h.move(r.id, ['decided'], { decided_on: '2026-10-01', notice_sent_on: '2026-10-01' });
    const method = { method: 'mail', chosenOn: '2026-11-30', lateReason: null };
    expectProblem(await c.manager.post(url(r.id, '/method'), method), 400, 'requests.method_choice_late');
    expectProblem(
      await c.manager.post(url(r.id, '/method'), { ...method, chosenOn: '2026-09-30' }),
      400,
      'requests.method_before_notice',
    );
    const late = bodyOf<DecisionView>(
      await c.manager.post(url(r.id, '/method'), {
        ...method,
        lateReason: LATE,
      }),
    );
    expect(late).toMatchObject({ methodChosen: 'mail', methodChoiceUntil: '2026-10-31' });
    expect(late.methodLateReason).toBe(LATE);
    expect(JSON.stringify(await h.audit('requests.method_chosen', r.id))).not.toContain(LATE);
  });
});
