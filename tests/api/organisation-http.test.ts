import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentView, GapReportView, PersonView } from '../../shared/api/organisation.ts';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, type ApiHarness } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';

/** Everything an appointment request could write: appointments and audit events. */
async function writes(api: ApiHarness) {
  const db = api.services.database.db;
  return {
    appointments: await api.count('appointments'),
    audit: await api.services.ledger.count(db),
    people: await api.count('people'),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(databases)('organisation rules over HTTP on %s', (kind) => {
  it('refuses a second 総括保護管理者 for a unit with 409 appointment.role_already_filled, in Japanese, writing nothing', async () => {
    const api = await apiHarness(kind);
    const president = await api.signedIn(api.org.president.employeeNumber);
    const before = await writes(api);
    const second = {
      role: 'chief_protection_manager',
      unitId: api.org.hq.id,
      personId: api.org.candidate.id,
      basis: '理事長決定',
    };

    const body = expectProblem(
      await president.post('/api/appointments', second),
      409,
      'appointment.role_already_filled',
    );
    expect(body.detail).toBe(ERRORS['appointment.role_already_filled'].ja);
    expect(body.detail).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    expect(body.message.en).toBe(ERRORS['appointment.role_already_filled'].en);
    expect(await writes(api)).toEqual(before);

    // Ending the current appointment frees the seat; history is kept.
    const [current] = (
      await president.get(
        `/api/appointments?role=chief_protection_manager&unitId=${api.org.hq.id}&status=current`,
      )
    ).json<AppointmentView[]>();
    expect(current?.personId).toBe(api.org.chiefProtection.id);
    const ended = await president.post(`/api/appointments/${current!.id}/end`, { reason: '異動' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<AppointmentView>().status).toBe('terminated');
    expectProblem(
      await president.post(`/api/appointments/${current!.id}/end`, { reason: '重ねて' }),
      409,
      'appointment.already_ended',
    );

    const created = await president.post('/api/appointments', second);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<AppointmentView>()).toMatchObject({
      personId: api.org.candidate.id,
      appointedBy: api.org.president.id,
      status: 'current',
    });
    const all = (
      await president.get(`/api/appointments?role=chief_protection_manager&unitId=${api.org.hq.id}`)
    ).json<AppointmentView[]>();
    expect(all.map((a) => a.status).sort()).toEqual(['current', 'terminated']);
  });

  it('answers an invalid body with 400 request.invalid naming each field, writing nothing', async () => {
    const api = await apiHarness(kind);
    const president = await api.signedIn(api.org.president.employeeNumber);
    const before = await writes(api);

    const res = await president.post('/api/appointments', {
      role: 'chief_protection_manager',
      unitId: api.org.hq.id,
      personId: 'not-a-uuid',
    });
    const body = expectProblem(res, 400, 'request.invalid');
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['basis', 'personId']));
    for (const e of body.errors ?? []) expect(e.code).toBeTruthy();

    const role = expectProblem(
      await president.post('/api/appointments', {
        role: 'emperor',
        personId: api.org.candidate.id,
        basis: 'x',
      }),
      400,
      'request.invalid',
    );
    expect(role.errors?.map((e) => e.path)).toContain('role');
    const date = await president.post('/api/appointments', {
      role: 'committee_member',
      personId: api.org.candidate.id,
      basis: 'x',
      startsOn: '2026/12/01',
    });
    expect(expectProblem(date, 400, 'request.invalid').errors?.map((e) => e.path)).toContain('startsOn');
    const notJson = await president.post('/api/appointments', undefined, {
      payload: '{"role":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(notJson, 400, 'request.invalid');
    expectProblem(await president.get('/api/units/not-a-uuid'), 400, 'request.invalid');
    expect(await writes(api)).toEqual(before);
  });

  it('answers 403 auth.forbidden when the caller may not appoint, writing no appointment', async () => {
    const api = await apiHarness(kind);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const chief = await api.signedIn(api.org.chiefProtection.employeeNumber);
    const before = await api.count('appointments');

    const officer = {
      role: 'protection_officer',
      sectionId: api.org.section.id,
      personId: api.org.candidate.id,
      basis: '指名',
    };
    expectProblem(await staff.post('/api/appointments', officer), 403, 'auth.forbidden');
    const committee = { role: 'committee_member', personId: api.org.staff.id, basis: '自薦' };
    expectProblem(await staff.post('/api/appointments', committee), 403, 'auth.forbidden');
    // A 総括保護管理者 appoints 保護管理者, not the 監査責任者 (only the 理事長 does: A8).
    const audit = { role: 'audit_officer', personId: api.org.chiefManager.id, basis: '指名' };
    expectProblem(await chief.post('/api/appointments', audit), 403, 'auth.forbidden');
    expectProblem(
      await staff.post('/api/sections', { unitId: api.org.hq.id, name: '新設課', handlesPersonalInfo: true }),
      403,
      'auth.forbidden',
    );
    expect(await api.count('appointments')).toBe(before);
    expect(await api.count('sections')).toBe(1);

    const manager = {
      role: 'protection_manager',
      sectionId: api.org.section.id,
      personId: api.org.staff.id,
      basis: '課長として',
    };
    expect((await chief.post('/api/appointments', manager)).statusCode).toBe(201);
  });

  it('answers 404 with the right code for an unknown unit, section, person or appointment', async () => {
    const api = await apiHarness(kind);
    const president = await api.signedIn(api.org.president.employeeNumber);
    const missing = randomUUID();
    expectProblem(await president.get(`/api/units/${missing}`), 404, 'organisation.unit_not_found');
    expectProblem(await president.get(`/api/sections/${missing}`), 404, 'organisation.section_not_found');
    expectProblem(await president.get(`/api/people/${missing}`), 404, 'organisation.person_not_found');
    expectProblem(
      await president.post(`/api/appointments/${missing}/end`, { reason: '終了' }),
      404,
      'appointment.not_found',
    );

    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const before = await writes(api);
    const cpm = { role: 'chief_protection_manager', basis: '決定' };
    expectProblem(
      await president.post('/api/appointments', { ...cpm, unitId: missing, personId: api.org.candidate.id }),
      404,
      'organisation.unit_not_found',
    );
    expectProblem(
      await president.post('/api/appointments', {
        role: 'committee_member',
        personId: missing,
        basis: '決定',
      }),
      404,
      'organisation.person_not_found',
    );
    expectProblem(
      await admin.patch(`/api/sections/${missing}`, { name: '改称' }),
      404,
      'organisation.section_not_found',
    );
    expectProblem(
      await admin.patch(`/api/people/${missing}`, { title: '課長' }),
      404,
      'organisation.person_not_found',
    );
    const person = {
      employeeNumber: 'N0001',
      familyName: '新規',
      givenName: '一',
      familyNameKana: 'シンキ',
      givenNameKana: 'ハジメ',
      kind: 'staff',
      unitId: missing,
    };
    expectProblem(await admin.post('/api/people', person), 404, 'organisation.unit_not_found');
    expect(await writes(api)).toEqual(before);
  });

  it('lists a vacancy in the gap view for the 総括管理者, and refuses it to ordinary staff', async () => {
    const api = await apiHarness(kind);
    const chiefManager = await api.signedIn(api.org.chiefManager.employeeNumber);
    const res = await chiefManager.get('/api/organisation/gaps');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<GapReportView>();
    expect(report.asOf).toBe('2026-11-30');
    expect(report.gaps).toContainEqual(
      expect.objectContaining({ kind: 'vacancy', role: 'audit_officer', unitId: null }),
    );
    expect(report.gaps).toContainEqual(
      expect.objectContaining({
        kind: 'vacancy',
        role: 'protection_manager',
        sectionId: api.org.section.id,
        sectionName: '総務課',
      }),
    );
    expect(
      report.gaps.some(
        (g) => g.role === 'chief_protection_manager' || g.role === 'president' || g.role === 'chief_manager',
      ),
    ).toBe(false);
    expect(report.byUnit.reduce((n, u) => n + u.count, 0)).toBe(report.gaps.length);

    const chief = await api.signedIn(api.org.chiefProtection.employeeNumber);
    const own = (await chief.get(`/api/organisation/gaps?unitId=${api.org.hq.id}`)).json<GapReportView>();
    expect(own.gaps.length).toBeGreaterThan(0);
    expect(own.gaps.every((g) => g.unitId === api.org.hq.id)).toBe(true);

    const staff = await api.signedIn(api.org.staff.employeeNumber);
    expectProblem(await staff.get('/api/organisation/gaps'), 403, 'auth.forbidden');
  });
});

describe.each(databases)('people search keeps names out of the log on %s', (kind) => {
  it('finds the person by name or kana, and no name reaches the server log', async () => {
    const captured: string[] = [];
    const api = await apiHarness(kind, {
      env: { LOG_LEVEL: 'info' },
      // pino picks its stream when the app is built: capture stdout before that.
      beforeApp: () => {
        vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
          captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
          return true;
        });
      },
    });
    const person = api.org.staff;
    const client = await api.signedIn(api.org.admin.employeeNumber);

    for (const q of [
      person.familyName,
      `${person.familyName} ${person.givenName}`,
      person.familyNameKana,
      `${person.familyNameKana}${person.givenNameKana}`,
    ]) {
      const res = await client.post('/api/people/search', { q });
      expect(res.statusCode, res.body).toBe(200);
      const found = res.json<{ items: PersonView[]; total: number }>();
      expect(
        found.items.map((p) => p.id),
        q,
      ).toEqual([person.id]);
      expect(found.total).toBe(1);
    }
    await client.post('/api/people/search', { q: person.givenName.repeat(60) }); // 400: too long
    await client.get(`/api/people/search?q=${encodeURIComponent(person.familyName)}`); // a name in a URL
    await client.get(`/api/people/${person.id}`);
    vi.restoreAllMocks();

    const log = captured.join('');
    // The capture works: requests were logged.
    expect(log).toContain('/api/people/search');
    expect(log).toContain('"reqId"');
    for (const secret of [
      person.familyName,
      person.givenName,
      person.familyNameKana,
      person.givenNameKana,
      encodeURIComponent(person.familyName),
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain('correct-horse');
  });
});
