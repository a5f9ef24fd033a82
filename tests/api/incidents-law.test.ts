/**
 * The law's side of incidents over HTTP (法68①, 規則43–44; issue 8): the decision whether the report
 * to the 個人情報保護委員会 is mandatory (100 persons is not, 101 is), the 速報 and 確報 due dates counted
 * from 知った日時 on Japan's calendar (+5 / +30 days; +60 where 不正の目的 may be involved), the settings
 * that change them, the board ordered by the nearest deadline, the counts and the internal report PDF.
 * SQLite and PostgreSQL; the clock stands at 2026-11-30 09:30 JST.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INCIDENT_SETTINGS,
  type DeadlineView,
  type IncidentSettings,
  type IncidentSummaryView,
} from '../../shared/api/incidents.ts';
import { databases } from '../support/databases.ts';
import { incidentHarness, viewOf } from '../support/incident-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { MutableClock } from './support/mutable-clock.ts';

const due = (deadlines: DeadlineView[], what: DeadlineView['what']) =>
  deadlines.find((d) => d.what === what)?.due ?? null;

describe.each(databases)('incidents and the law over HTTP on %s (法68)', (kind) => {
  it('decides the PPC report from the facts (100 vs 101 persons) and dates it from 知った日時', async () => {
    const h = await incidentHarness(kind, { clock: new MutableClock() });
    // Known late in the evening of 11-28 in Tokyo (14:30 UTC): day 0 is 11-28 (JST).
    const incident = await h.report({ awareAt: '2026-11-28T14:30:00Z' });
    // Nothing known yet: undecided.
    expect(incident.ppc).toEqual({ required: null, cases: [], myNumber: false });

    const hundred = await h.facts(incident.id, { personsCount: 100 });
    expect(hundred.ppc).toEqual({ required: false, cases: [], myNumber: false });
    expect(due(hundred.deadlines, 'ppc_preliminary')).toBeNull();

    const over = await h.facts(incident.id, { personsCount: 101 });
    expect(over.ppc).toEqual({ required: true, cases: ['over_threshold'], myNumber: false });
    expect(due(over.deadlines, 'ppc_preliminary')).toBe('2026-12-03'); // +5
    expect(due(over.deadlines, 'ppc_final')).toBe('2026-12-28'); // +30
    expect(over.ppcReport.length).toBeGreaterThan(0);

    // 不正の目的 (case 3): the 確報 is due in 60 days.
    const wrongful = await h.facts(incident.id, { personsCount: 3, wrongfulPurpose: true });
    expect(wrongful.ppc).toEqual({ required: true, cases: ['wrongful'], myNumber: false });
    expect(due(wrongful.deadlines, 'ppc_preliminary')).toBe('2026-12-03');
    expect(due(wrongful.deadlines, 'ppc_final')).toBe('2027-01-27'); // +60

    // 要配慮個人情報 under strong encryption is not case 1; without it, it is.
    const encrypted = await h.facts(incident.id, {
      personsCount: 3,
      sensitive: true,
      strongEncryption: true,
    });
    expect(encrypted.ppc.required).toBe(false);
    const sensitive = await h.facts(incident.id, { personsCount: 3, sensitive: true, myNumber: true });
    expect(sensitive.ppc).toEqual({ required: true, cases: ['sensitive'], myNumber: true });

    // One minute later in Tokyo it is 11-29: the dates move by a day.
    const next = await h.report({ awareAt: '2026-11-28T15:00:00Z' });
    const nextOver = await h.facts(next.id, { personsCount: 101 });
    expect(due(nextOver.deadlines, 'ppc_preliminary')).toBe('2026-12-04');
    expect(due(nextOver.deadlines, 'ppc_final')).toBe('2026-12-29');
  });

  it('lets the 総括管理者 change the due dates; staff read them but may not change them', async () => {
    const h = await incidentHarness(kind);
    const { c } = h;
    const incident = await h.report();
    await h.facts(incident.id, { personsCount: 101 });

    expect((await c.reporter.get('/api/incidents/settings')).json<IncidentSettings>()).toEqual(
      DEFAULT_INCIDENT_SETTINGS,
    );
    const changed: IncidentSettings = { ...DEFAULT_INCIDENT_SETTINGS, preliminaryDays: 3, finalDays: 20 };
    expectProblem(await c.reporter.put('/api/incidents/settings', changed), 403, 'auth.forbidden');
    expectProblem(await c.chief.put('/api/incidents/settings', changed), 403, 'auth.forbidden');
    expectProblem(
      await c.chiefManager.put('/api/incidents/settings', { ...changed, finalDays: 0 }),
      400,
      'request.invalid',
    );
    expect(await h.audit('incident.settings_changed')).toEqual([]);

    const saved = await c.chiefManager.put('/api/incidents/settings', changed);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<IncidentSettings>()).toEqual(changed);
    expect(await h.audit('incident.settings_changed')).toHaveLength(1);
    const after = viewOf(await c.manager.get(`/api/incidents/${incident.id}`));
    expect(due(after.deadlines, 'ppc_preliminary')).toBe('2026-12-01'); // 11-28 + 3
    expect(due(after.deadlines, 'ppc_final')).toBe('2026-12-18'); // 11-28 + 20
    // The threshold too: 101 persons are not over 200.
    viewOf(await c.chiefManager.put('/api/incidents/settings', { ...changed, personsThreshold: 200 }), 200);
    expect(viewOf(await c.manager.get(`/api/incidents/${incident.id}`)).ppc.required).toBe(false);
  });

  it('orders the board by the nearest deadline, shows each what they read, and counts what is theirs', async () => {
    const h = await incidentHarness(kind);
    const { c } = h;
    // Internal steps far off (720 h), so the law's dates decide the order.
    viewOf(
      await c.chiefManager.put('/api/incidents/settings', {
        ...DEFAULT_INCIDENT_SETTINGS,
        internalHours: 720,
      }),
      200,
    );
    const late = await h.report({ awareAt: '2026-11-29T10:00:00+09:00' });
    await h.facts(late.id, { personsCount: 5 });
    const soon = await h.report({ awareAt: '2026-11-28T10:00:00+09:00' });
    await h.facts(soon.id, { personsCount: 500 }); // 速報 due 12-03
    const overdue = await h.report({ awareAt: '2026-11-20T10:00:00+09:00' });
    await h.facts(overdue.id, { financialRisk: true }); // 速報 due 11-25: overdue

    const board = (await c.chief.get('/api/incidents?state=open')).json<{
      incidents: IncidentSummaryView[];
      canConfigure: boolean;
    }>();
    expect(board.incidents.map((i) => i.id)).toEqual([overdue.id, soon.id, late.id]);
    expect(board.canConfigure).toBe(false);
    expect(board.incidents[0]!.nextDeadline).toMatchObject({
      what: 'ppc_preliminary',
      due: '2026-11-25',
      met: false,
      overdue: true,
    });
    expect(board.incidents[1]!.nextDeadline).toMatchObject({ what: 'ppc_preliminary', due: '2026-12-03' });
    const dues = board.incidents.map((i) => i.nextDeadline?.due ?? '9999');
    expect(dues).toEqual([...dues].sort());

    // The 総括管理者 sees all and may configure; the outsider sees none.
    const all = (await c.chiefManager.get('/api/incidents?state=all')).json<{
      incidents: IncidentSummaryView[];
      canConfigure: boolean;
    }>();
    expect(all.incidents).toHaveLength(3);
    expect(all.canConfigure).toBe(true);
    expect((await c.outsider.get('/api/incidents')).json<{ incidents: unknown[] }>().incidents).toEqual([]);
    expectProblem(await c.chief.get('/api/incidents?state=everything'), 400, 'request.invalid');

    // Counts for the navigation: the 保護管理者 must act on all three; the reporter on none.
    expect((await c.manager.get('/api/incidents/counts')).json()).toEqual({ toAct: 3, open: 3 });
    expect((await c.reporter.get('/api/incidents/counts')).json()).toEqual({ toAct: 0, open: 3 });
    expect((await c.stranger.get('/api/incidents/counts')).json()).toEqual({ toAct: 0, open: 0 });
  });

  it('prints the internal report as a PDF for those who read the incident, and logs it', async () => {
    const h = await incidentHarness(kind);
    const { c } = h;
    const incident = await h.report();
    await h.facts(incident.id, { personsCount: 101 });
    const url = `/api/incidents/${incident.id}/report.pdf`;
    for (const reader of [c.reporter, c.manager, c.chief, c.auditor]) {
      const res = await reader.get(url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/pdf/);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expectProblem(await c.outsider.get(url), 404, 'incidents.not_found');
    expectProblem(await c.stranger.get(url), 404, 'incidents.not_found');
    expect(await h.audit('incident.report_printed', incident.id)).toHaveLength(4);
  });
});
