/**
 * The rule's chain over HTTP (A34-3, -4, -6, -7; issue 8 "the chain cannot skip a step except where
 * the rule allows 直ちに"): each step by its role, in order, after the investigation unless the
 * incident is 特に重大; only the steps left to judgement may be recorded as not needed, with a reason.
 * What a person outside the incident sees: 404. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { StepView } from '../../shared/api/incidents.ts';
import { databases } from '../support/databases.ts';
import { incidentHarness, viewOf } from '../support/incident-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const statusOf = (steps: StepView[]) => Object.fromEntries(steps.map((s) => [s.step, s.status]));

describe.each(databases)('the chain of an incident over HTTP on %s (A34)', (kind) => {
  it('cannot skip a step, takes each from its role, and keeps outsiders out', async () => {
    const h = await incidentHarness(kind);
    const { c } = h;
    const incident = await h.report();
    const id = incident.id;
    // Before the investigation, even the first step waits for it (A34-3).
    expect(statusOf(incident.steps)).toMatchObject({
      chief_protection: 'waiting',
      chief_manager: 'waiting',
      ministries: 'waiting',
      ppc_my_number: 'not_applicable',
    });

    // The 総括保護管理者 cannot report to the 総括管理者 before being told (A34-3 → A34-4).
    expectProblem(await h.step(id, 'chief_manager', c.chief), 409, 'incidents.step_out_of_order');
    // The 総括管理者 cannot tell the ministries before that either (A34-6).
    expectProblem(await h.step(id, 'ministries', c.chiefManager), 409, 'incidents.step_out_of_order');

    // Only the cause known: the investigation is not complete, and the incident is not 特に重大.
    viewOf(await c.manager.put(`/api/incidents/${id}/facts`, { cause: '置き忘れ' }));
    expectProblem(await h.step(id, 'chief_protection', c.manager), 409, 'incidents.investigation_incomplete');

    // The wrong role, among those who read it: 403. Those who do not read it: 404.
    expectProblem(await h.step(id, 'chief_protection', c.reporter), 403, 'auth.forbidden');
    expectProblem(await h.step(id, 'chief_protection', c.chief), 403, 'auth.forbidden');
    expectProblem(await h.step(id, 'chief_protection', c.chiefManager), 403, 'auth.forbidden');
    expectProblem(await h.step(id, 'chief_protection', c.outsider), 404, 'incidents.not_found');
    expectProblem(await h.step(id, 'chief_protection', c.stranger), 404, 'incidents.not_found');
    expectProblem(
      await c.outsider.put(`/api/incidents/${id}/facts`, { cause: '改ざん' }),
      404,
      'incidents.not_found',
    );
    expectProblem(
      await c.reporter.put(`/api/incidents/${id}/facts`, { cause: '改ざん' }),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await c.auditor.post(`/api/incidents/${id}/containment`, {
        at: '2026-11-29T09:00:00+09:00',
        text: 'x',
      }),
      403,
      'auth.forbidden',
    );
    // 403s are audit events naming the actor.
    const denied = await h.services.ledger.list(h.services.database.db, { type: 'authz.denied' });
    expect(denied.map((e) => e.actorId)).toContain(h.o.people.tokyoKyomuStaff1);

    // The investigation completed, the first step is never optional (A34-3).
    expect(statusOf((await h.facts(id)).steps).chief_protection).toBe('pending');
    expectProblem(
      await h.step(id, 'chief_protection', c.manager, { outcome: 'not_needed', note: '軽微なため' }),
      409,
      'incidents.step_not_optional',
    );
    // A step's time: not before 知った日時, not in the future.
    expectProblem(
      await h.step(id, 'chief_protection', c.manager, { at: '2026-11-27T09:00:00+09:00' }),
      400,
      'incidents.at_invalid',
    );
    expectProblem(
      await h.step(id, 'chief_protection', c.manager, { at: '2026-12-01T09:00:00+09:00' }),
      400,
      'incidents.at_invalid',
    );
    const told = viewOf(await h.step(id, 'chief_protection', c.manager, { note: '電話で報告' }));
    expect(told.steps.find((s) => s.step === 'chief_protection')).toMatchObject({
      status: 'done',
      byName: '佐藤 花子',
      note: '電話で報告',
    });
    expect(statusOf(told.steps).chief_manager).toBe('pending');
    expectProblem(await h.step(id, 'chief_protection', c.manager), 409, 'incidents.step_done');
    // The next step belongs to the 総括保護管理者, not to the 保護管理者.
    expectProblem(await h.step(id, 'chief_manager', c.manager), 403, 'auth.forbidden');
    // 事案の内容等に応じて (A34-4): may be judged not needed, but only with the reason.
    expectProblem(
      await h.step(id, 'chief_manager', c.chief, { outcome: 'not_needed' }),
      400,
      'incidents.reason_required',
    );
    const judged = viewOf(
      await h.step(id, 'chief_manager', c.chief, { outcome: 'not_needed', note: '影響が限定的なため' }),
    );
    expect(statusOf(judged.steps)).toMatchObject({
      chief_manager: 'not_needed',
      ministries: 'not_applicable',
      ppc_preliminary: 'not_applicable',
    });
    expect(judged.timeline.map((e) => e.kind)).toContain('step_not_needed');
    // Not applicable: the PPC's reports where the law does not require them.
    expectProblem(await h.step(id, 'ppc_preliminary', c.chiefManager), 409, 'incidents.step_not_applicable');
    expect(await h.audit('incident.step_recorded', id)).toHaveLength(2);
  });

  it('lets a 特に重大 incident go to the 総括保護管理者 直ちに, before the investigation ends (A34-3 ただし)', async () => {
    const h = await incidentHarness(kind);
    const { c } = h;
    const incident = await h.report();
    viewOf(await c.manager.put(`/api/incidents/${incident.id}/facts`, { serious: true, myNumber: true }));
    const told = viewOf(await h.step(incident.id, 'chief_protection', c.manager));
    expect(told.serious).toBe(true);
    expect(statusOf(told.steps)).toMatchObject({ chief_protection: 'done', ppc_my_number: 'pending' });
    // A My Number case (A34-7): the 総括管理者 tells the PPC 直ちに; it is never optional.
    expectProblem(
      await h.step(incident.id, 'ppc_my_number', c.chiefManager, { outcome: 'not_needed', note: '不要' }),
      409,
      'incidents.step_not_optional',
    );
    viewOf(await h.step(incident.id, 'ppc_my_number', c.chiefManager, { to: '個人情報保護委員会' }));
    // The chief sees it as theirs to act on next.
    const seen = viewOf(await c.chief.get(`/api/incidents/${incident.id}`));
    expect(seen.nextActions.map((a) => a.action)).toContain('chief_manager');
    expect(seen.mine).toBe(true);
  });
});
