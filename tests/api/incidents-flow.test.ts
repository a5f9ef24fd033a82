/**
 * Incidents over HTTP (issue 8), the path of one incident: a staff member reports at once (A34-1),
 * the section's 保護管理者 is told and contains and investigates (A34-2, -3), the chain and the law's
 * reports are recorded (A34-3, -4, 法68①), the persons are told (法68②), the decision on publication
 * is made (A35-1, -2), and the incident closes only when its measures are done (A34-5). Every change
 * is an audit event. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { IncidentView, ReportFormView } from '../../shared/api/incidents.ts';
import { databases } from '../support/databases.ts';
import { AWARE_AT, incidentHarness, LATER, reportBody, viewOf } from '../support/incident-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

describe.each(databases)('incidents: report, contain, escalate, close over HTTP on %s (A34–A35)', (kind) => {
  it('lets any staff member report; 知った日時 is kept and the section’s 保護管理者 is told at once (A34-1)', async () => {
    const h = await incidentHarness(kind);
    const { c, o } = h;

    // The form offers the files and sections of the reporter's unit only.
    const form = (await c.reporter.get('/api/incidents/form')).json<ReportFormView>();
    expect(form.files.map((f) => f.id).sort()).toEqual([o.tokyoFile, o.toshoFile].sort());
    expect(form.sections.map((s) => s.id)).toContain(o.sections.tokyoKyomu);
    expect(form.sections.map((s) => s.id)).not.toContain(o.sections.nagaokaKyomu);
    expect(form.defaultSectionId).toBe(o.sections.tokyoKyomu);

    // Signed out: 401.
    expectProblem(await h.client().post('/api/incidents', reportBody()), 401, 'auth.required');
    // 知った日時 in the future, a file of another unit, a section of another unit: 400, nothing written.
    expectProblem(
      await c.reporter.post('/api/incidents', reportBody({ awareAt: '2026-11-30T10:00:00+09:00' })),
      400,
      'incidents.aware_in_future',
    );
    expectProblem(
      await c.reporter.post('/api/incidents', reportBody({ fileIds: [o.nagaokaFile] })),
      400,
      'incidents.file_invalid',
    );
    expectProblem(
      await c.reporter.post('/api/incidents', reportBody({ sectionId: o.sections.nagaokaKyomu })),
      400,
      'incidents.section_invalid',
    );
    expect(await h.audit('incident.reported')).toEqual([]);

    const incident = await h.report({ awareAt: '2026-11-28T10:00:00+09:00' });
    expect(incident).toMatchObject({
      number: 'I2026-0001',
      status: 'open',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      reportedByName: '清水 大輔',
      systems: '教務係 USBメモリ No.1',
      actionsTaken: '係内の机・キャビネットを捜索した',
      closedAt: null,
    });
    expect(new Date(incident.awareAt).toISOString()).toBe(new Date(AWARE_AT).toISOString());
    expect(incident.timeline.map((e) => e.kind)).toEqual(['reported']);
    // The manager must act next (investigate); the reporter is not one who acts.
    expect(incident.nextActions.map((a) => a.actor)).toContain('protection_manager');
    expect(incident.mine).toBe(false);
    expect(incident.can).toMatchObject({ contain: false, investigate: false, close: false });

    // The 保護管理者 is told with the incident's number and where to find it; nobody else in the unit.
    const told = await c.manager.get('/api/notifications');
    const notices = told.json<{ notifications: NotificationView[] }>().notifications;
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'incident.reported',
        number: 'I2026-0001',
        path: `/incidents/${incident.id}`,
      }),
    ]);
    expect(JSON.stringify(notices)).not.toContain('USBメモリ');
    for (const other of [c.outsider, c.reporter])
      expect(
        (await other.get('/api/notifications'))
          .json<{ notifications: NotificationView[] }>()
          .notifications.filter((n) => n.kind === 'incident.reported'),
      ).toEqual([]);

    // The manager sees it as theirs; the reporter still reads it; the outsider does not.
    const seen = viewOf(await c.manager.get(`/api/incidents/${incident.id}`));
    expect(seen).toMatchObject({ mine: true, can: { contain: true, investigate: true, link: true } });
    // Notice, publication and closing are the 総括保護管理者's (法68②, A35, A34-5), not the 保護管理者's.
    expect(seen.can).toMatchObject({ notice: false, publication: false, close: false });
    viewOf(await c.reporter.get(`/api/incidents/${incident.id}`));
    expectProblem(await c.outsider.get(`/api/incidents/${incident.id}`), 404, 'incidents.not_found');
    expectProblem(await c.stranger.get(`/api/incidents/${incident.id}`), 404, 'incidents.not_found');

    // The audit event names the incident by id and number, never its free texts.
    const [event] = await h.audit('incident.reported', incident.id);
    expect(event).toMatchObject({ actorId: o.people.tokyoKyomuStaff1, subjectId: incident.id });
    expect(JSON.stringify(event!.payload)).toContain('I2026-0001');
    expect(JSON.stringify(event!.payload)).not.toContain('USBメモリ');

    // Without a file the reporter's own section is told; the second incident takes the next number.
    const second = await h.report({ fileIds: [] });
    expect(second).toMatchObject({ number: 'I2026-0002', sectionId: o.sections.tokyoKyomu });
    // A file decides the section: 図書係's file goes to 図書係 (no 保護管理者: 東京's 校長 acts, A5).
    const tosho = await h.report({ fileIds: [o.toshoFile] });
    expect(tosho.sectionId).toBe(o.sections.tokyoTosho);
    expect(viewOf(await c.chief.get(`/api/incidents/${tosho.id}`)).can.investigate).toBe(true);
  });

  it('contains, investigates, escalates, tells the persons, publishes, and closes only when the measures are done (A34-5)', async () => {
    const h = await incidentHarness(kind);
    const { c, o } = h;
    const incident = await h.report();
    const url = `/api/incidents/${incident.id}`;
    const expectAudit = async (type: string, n = 1) =>
      expect(await h.audit(type, incident.id), type).toHaveLength(n);

    // Contain (A34-2): a time before 知った日時 is refused.
    expectProblem(
      await c.manager.post(`${url}/containment`, { at: '2026-11-27T10:00:00+09:00', text: 'x' }),
      400,
      'incidents.at_invalid',
    );
    const contained = viewOf(
      await c.manager.post(`${url}/containment`, { at: LATER, text: '該当アカウントを停止した' }),
    );
    // The timeline is in the order things happened: the containment (as told) came before the report was recorded.
    expect(contained.timeline.map((e) => e.kind).sort()).toEqual(['containment', 'reported']);
    expect(contained.timeline.find((e) => e.kind === 'containment')).toMatchObject({
      byName: '佐藤 花子',
      text: '該当アカウントを停止した',
    });
    await expectAudit('incident.containment_recorded');

    // Investigate (A34-3): 101 persons make the report to the PPC mandatory (法68①).
    const investigated = await h.facts(incident.id, { personsCount: 101 });
    expect(investigated.ppc).toEqual({ required: true, cases: ['over_threshold'], myNumber: false });
    await expectAudit('incident.facts_updated');

    // Links (A34-3 影響の範囲): added and removed.
    const linked = viewOf(await c.manager.post(`${url}/links`, { kind: 'file', ref: o.tokyoFile }));
    expect(linked.links).toEqual([expect.objectContaining({ kind: 'file', ref: o.tokyoFile })]);
    const unlinked = viewOf(await c.manager.request('DELETE', `${url}/links/${linked.links[0]!.id}`));
    expect(unlinked.links).toEqual([]);
    await expectAudit('incident.link_added');
    await expectAudit('incident.link_removed');

    // Nothing is recorded yet: closing is blocked (the chain, the PPC, the notice, the publication).
    expectProblem(await c.chief.post(`${url}/close`, { summary: '終結' }), 409, 'incidents.close_blocked');

    // The chain (A34-3, -4) and the law's reports (法68①).
    viewOf(await h.step(incident.id, 'chief_protection', c.manager));
    viewOf(await h.step(incident.id, 'chief_manager', c.chief));
    viewOf(await h.step(incident.id, 'ppc_preliminary', c.chiefManager, { to: '個人情報保護委員会' }));
    const reported = viewOf(await h.step(incident.id, 'ppc_final', c.chiefManager, { to: '受付番号 0001' }));
    const status = Object.fromEntries(reported.steps.map((s) => [s.step, s.status]));
    expect(status).toMatchObject({
      chief_protection: 'done',
      chief_manager: 'done',
      ppc_preliminary: 'done',
      ppc_final: 'done',
      ppc_my_number: 'not_applicable',
    });
    expect(reported.deadlines.filter((d) => d.what.startsWith('ppc')).every((d) => d.met)).toBe(true);
    await expectAudit('incident.step_recorded', 4);

    // Notice to the persons (法68②): a date, method and count, or a substitute measure.
    expectProblem(await c.chief.put(`${url}/notice`, {}), 400, 'incidents.notice_invalid');
    const noticed = viewOf(
      await c.chief.put(`${url}/notice`, { notifiedOn: '2026-11-29', method: 'letter', count: 101 }),
    );
    expect(noticed.notice).toMatchObject({ notifiedOn: '2026-11-29', method: 'letter', count: 101 });
    await expectAudit('incident.notice_recorded');

    // Publication (A35-1): the text is required when publishing; then 総務省 is to be informed (A35-2).
    expectProblem(
      await c.chief.put(`${url}/publication`, { publish: true }),
      400,
      'incidents.publication_invalid',
    );
    const published = viewOf(
      await c.chief.put(`${url}/publication`, {
        publish: true,
        text: '本校において個人情報を含む記録媒体の紛失事案が発生しました。',
        publishedOn: '2026-11-30',
      }),
    );
    expect(published.steps.find((s) => s.step === 'mic_informed')!.status).toBe('pending');
    await expectAudit('incident.publication_recorded');
    viewOf(await h.step(incident.id, 'mic_informed', c.chiefManager, { to: '総務省' }));

    // A measure with its owner (A34-5); while it is open the incident does not close.
    expectProblem(
      await c.manager.post(`${url}/measures`, {
        text: 'x',
        ownerId: o.people.nagaokaStaff,
        due: '2026-12-20',
      }),
      400,
      'incidents.owner_invalid',
    );
    const measured = viewOf(
      await c.manager.post(`${url}/measures`, {
        text: '記録媒体の持ち出し手順を見直す',
        ownerId: o.people.tokyoKyomuStaff1,
        due: '2026-12-20',
      }),
    );
    const measure = measured.measures[0]!;
    expect(measure).toMatchObject({ ownerName: '清水 大輔', doneAt: null, overdue: false });
    await expectAudit('incident.measure_added');
    expectProblem(await c.chief.post(`${url}/close`, { summary: '終結' }), 409, 'incidents.measures_open');
    expect(await h.audit('incident.closed', incident.id)).toEqual([]);

    // Its owner completes it (the reporter, who reads the incident); done twice: 409.
    const done = viewOf(
      await c.reporter.post(`${url}/measures/${measure.id}/done`, { note: '手順書を改訂した' }),
    );
    expect(done.measures[0]).toMatchObject({ doneByName: '清水 大輔', note: '手順書を改訂した' });
    expectProblem(
      await c.reporter.post(`${url}/measures/${measure.id}/done`, { note: '再度' }),
      409,
      'incidents.measure_done',
    );
    await expectAudit('incident.measure_done');

    // Only the 総括保護管理者 closes; then it is closed.
    expectProblem(await c.manager.post(`${url}/close`, { summary: '終結' }), 403, 'auth.forbidden');
    const closed = viewOf(await c.chief.post(`${url}/close`, { summary: '再発防止策を完了し終結した' }));
    expect(closed).toMatchObject({ status: 'closed', closeSummary: '再発防止策を完了し終結した' });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.nextActions).toEqual([]);
    await expectAudit('incident.closed');
    const kinds = closed.timeline.map((e) => e.kind);
    expect(kinds.at(-1)).toBe('closed');
    expect(new Set(kinds)).toEqual(
      new Set([
        'reported',
        'containment',
        'facts_updated',
        'link_added',
        'link_removed',
        'step_done',
        'notice_recorded',
        'publication_recorded',
        'measure_added',
        'measure_done',
        'closed',
      ]),
    );

    // A closed incident refuses every change (409), whoever asks.
    const refusals = [
      () => c.manager.post(`${url}/containment`, { at: LATER, text: '追加措置' }),
      () => c.manager.put(`${url}/facts`, { cause: '追記' }),
      () => c.manager.post(`${url}/links`, { kind: 'file', ref: o.tokyoFile }),
      () => h.step(incident.id, 'ministries', c.chiefManager, { to: '文部科学省' }),
      () => c.chief.put(`${url}/notice`, { substitute: '公表による' }),
      () => c.chief.put(`${url}/publication`, { publish: false, reason: '取消' }),
      () =>
        c.manager.post(`${url}/measures`, {
          text: '追加',
          ownerId: o.people.tokyoKyomuStaff1,
          due: '2026-12-25',
        }),
      () => c.chief.post(`${url}/close`, { summary: '再度' }),
    ];
    for (const send of refusals) expectProblem(await send(), 409, 'incidents.closed');
    expect(await h.audit('incident.closed', incident.id)).toHaveLength(1);

    // The closed list holds it; the open board no longer does.
    const list = (state: string) =>
      c.chief.get(`/api/incidents?state=${state}`).then((r) => r.json<{ incidents: IncidentView[] }>());
    expect((await list('closed')).incidents.map((i) => i.id)).toEqual([incident.id]);
    expect((await list('open')).incidents).toEqual([]);
  });
});
