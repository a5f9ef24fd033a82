/**
 * The compliance overview over HTTP (issue 10), scripted with the records of earlier modules:
 * - incidents (A34): a reported incident is amber on its unit; once an internal due date passes it
 *   is red (incident_deadline_overdue); closed, the cell is green;
 * - training (A10-4): a section whose staff pass a required course's due date is red until their
 *   attendance is recorded;
 * - oversight (A37): a section whose scheduled inspection is past due is amber until its
 *   保護管理者 completes an inspection;
 * - handling (A11-1): a grant whose periodic review is overdue (the clock moved past its review day)
 *   is amber on its unit until the section's 保護管理者 reviews it.
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { CellDetailView } from '../../shared/api/compliance.ts';
import type { ArticleFamily } from '../../shared/compliance/articles.ts';
import { databases } from '../support/databases.ts';
import { buildOrg } from '../support/org-fixture.ts';
import { incidentHarness, viewOf } from '../support/incident-fixture.ts';
import { buildVaultOrg } from '../support/vault-fixture.ts';
import { apiHarness, sessionClient, type HttpClient } from './support/http-client.ts';
import { MutableClock } from './support/mutable-clock.ts';

const DAY = 24 * 60;

async function cell(by: HttpClient, unitId: string, family: ArticleFamily) {
  const res = await by.get(`/api/compliance/cells?unitId=${unitId}&family=${family}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CellDetailView>();
}

describe.each(databases)('compliance: cells from incidents and handling on %s (issue 10)', (kind) => {
  it('incidents (A34): reported → amber, a due date passed → red, closed → green', async () => {
    const clock = new MutableClock();
    const h = await incidentHarness(kind, { clock });
    const tokyo = h.o.units.tokyo;
    expect((await cell(h.c.chiefManager, tokyo, 'incidents')).colour).toBe('green');

    const incident = await h.report({ awareAt: '2026-11-30T09:00:00+09:00' });
    const open = await cell(h.c.chiefManager, tokyo, 'incidents');
    expect(open.colour).toBe('amber');
    expect(open.gaps).toEqual([
      expect.objectContaining({
        kind: 'incident_open',
        article: 'A34',
        severity: 'amber',
        path: `/incidents/${incident.number}`,
        label: incident.number,
      }),
    ]);

    // Two days later the report to the 総括保護管理者 (A34-3, within 24 hours) is late.
    clock.advanceMinutes(2 * DAY);
    const as = (person: Parameters<typeof h.as>[0]) => h.as(person);
    const [chiefManager, manager, chief] = [
      await as('director1'),
      await as('tokyoKyomuHead'),
      await as('tokyoPrincipal'),
    ];
    const late = await cell(chiefManager, tokyo, 'incidents');
    expect(late.colour).toBe('red');
    expect(late.gaps.map((g) => g.kind).sort()).toEqual(['incident_deadline_overdue', 'incident_open']);

    // Investigated, reported up the chain, publication decided, closed (A34-3, A34-5, A35).
    const url = `/api/incidents/${incident.id}`;
    const at = clock.now().toISOString();
    await h.facts(incident.id, {}, manager);
    viewOf(await manager.post(`${url}/steps`, { step: 'chief_protection', at }));
    viewOf(await chief.put(`${url}/publication`, { publish: false, reason: '影響が限定的であるため' }));
    viewOf(await chief.post(`${url}/close`, { summary: '対応を終えた' }));
    const closed = await cell(chiefManager, tokyo, 'incidents');
    expect(closed).toMatchObject({ colour: 'green', gaps: [] });
  });

  it('handling (A11-1): a grant past its review day is amber until its 保護管理者 reviews it', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { org: false, clock });
    const o = await buildVaultOrg(api.services);
    await o.appoint('president', 'chief_manager', 'director1');
    const grant = await o.grant(o.tokyoFile, 'tokyoKyomuStaff1', {
      validFrom: '2026-11-30',
      validUntil: '2027-11-29',
    });
    const as = (person: keyof typeof o.people) => sessionClient(api.app, api.services, o.people[person]);
    expect((await cell(await as('director1'), o.units.tokyo, 'handling')).colour).toBe('green');

    // The review falls due 180 days on (A11-1: 定期に見直す); three days after it, the cell is amber.
    clock.advanceMinutes(183 * DAY);
    const chiefManager = await as('director1');
    const manager = await as('tokyoKyomuHead');
    // The months of the usage ledger (A16) are signed, so that only the grant is behind the cell.
    const months = ['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04'];
    for (const month of months) {
      const signed = await manager.post(`/api/handling/files/${o.tokyoFile}/ledger/reviews`, { month });
      expect(signed.statusCode, signed.body).toBe(201);
    }
    const late = await cell(chiefManager, o.units.tokyo, 'handling');
    expect(late.colour).toBe('amber');
    expect(late.gaps).toEqual([
      expect.objectContaining({
        kind: 'grant_review_overdue',
        article: 'A11-1',
        sectionId: o.sections.tokyoKyomu,
        path: '/vault',
      }),
    ]);
    const reviewed = await manager.post(`/api/vault/grants/${grant.id}/review`);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((await cell(chiefManager, o.units.tokyo, 'handling')).colour).toBe('green');
  });

  it('training (A10-4): a section overdue on a required course is red until its attendance is recorded', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { org: false, clock });
    const o = await buildOrg(api.services);
    await o.appoint('president', 'chief_manager', 'director1');
    const t = api.services.training;
    const as = (person: keyof typeof o.people) => sessionClient(api.app, api.services, o.people[person]);
    // 東京 教務係's course, due 10 days after it starts (A10-3, A10-4).
    const course = await t.courses.create(await o.as('director1'), {
      kind: 'section',
      title: '教務係 個人情報取扱研修',
      audience: { sectionIds: [o.sections.tokyoKyomu] },
      dueDays: 10,
    });
    expect((await cell(await as('director1'), o.units.tokyo, 'training')).colour).toBe('green');

    clock.advanceMinutes(11 * DAY);
    const chiefManager = await as('director1');
    const late = await cell(chiefManager, o.units.tokyo, 'training');
    expect(late.colour).toBe('red');
    expect(late.gaps).toEqual([
      expect.objectContaining({
        kind: 'training_overdue',
        sectionId: o.sections.tokyoKyomu,
        path: `/training/overdue?sectionId=${o.sections.tokyoKyomu}`,
      }),
    ]);
    // The session is held and the section's 保護管理者 records its people's attendance (A10-4).
    const session = await t.sessions.create(await o.as('director1'), course.id, {
      mode: 'in_person',
      heldOn: clock.today(),
    });
    const kyomu = [o.people.tokyoKyomuHead, o.people.tokyoKyomuStaff1, o.people.tokyoKyomuStaff2];
    await t.sessions.record(await o.as('tokyoKyomuHead'), session.id, { personIds: kyomu });
    expect((await cell(chiefManager, o.units.tokyo, 'training')).colour).toBe('green');
  });

  it('oversight (A37): a section past its inspection day is amber until its 保護管理者 inspects it', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { org: false, clock });
    const o = await buildOrg(api.services);
    await o.appoint('president', 'chief_manager', 'director1');
    const as = (person: keyof typeof o.people) => sessionClient(api.app, api.services, o.people[person]);
    const base = '/api/oversight/inspections';
    const kyomu = o.sections.tokyoKyomu;
    // A schedule set today makes the first inspection due today (A37 「定期に」).
    const set = await (await as('tokyoKyomuHead')).put(`${base}/schedules/${kyomu}`, { intervalMonths: 6 });
    expect(set.statusCode, set.body).toBe(200);
    expect((await cell(await as('director1'), o.units.tokyo, 'oversight')).gaps).toEqual([]);

    clock.advanceMinutes(DAY);
    const chiefManager = await as('director1');
    const late = await cell(chiefManager, o.units.tokyo, 'oversight');
    expect(late.colour).toBe('amber');
    expect(late.gaps).toEqual([
      expect.objectContaining({ kind: 'inspection_overdue', article: 'A37', sectionId: kyomu }),
    ]);
    const manager = await as('tokyoKyomuHead');
    const ok = { result: 'ok' };
    const draft = await manager.post(base, {
      sectionId: kyomu,
      inspectedOn: clock.today(),
      media: ok,
      routes: ok,
      storage: ok,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const done = await manager.post(`${base}/${draft.json<{ id: string }>().id}/complete`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect((await cell(chiefManager, o.units.tokyo, 'oversight')).colour).toBe('green');
  });
});
