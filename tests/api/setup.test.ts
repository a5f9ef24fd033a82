import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../shared/api/identity.ts';
import type { UnitView } from '../../shared/api/organisation.ts';
import { prepareDatabase } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, type ApiHarness } from './support/http-client.ts';
import { expectProblem, sessionCookie } from './support/expect-problem.ts';
import { createMinimalOrg } from './support/minimal-org.ts';

// A fictional first administrator.
const admin = {
  employeeNumber: 'S1001',
  familyName: '初期',
  givenName: '設定子',
  familyNameKana: 'ショキ',
  givenNameKana: 'セッテイコ',
  email: 's1001@example.invalid',
  password: 'first-admin-passphrase',
};

async function counts(api: ApiHarness) {
  return {
    units: await api.count('units'),
    people: await api.count('people'),
    appointments: await api.count('appointments'),
    credentials: await api.count('credentials'),
    sessions: await api.count('sessions'),
  };
}
const EMPTY = { units: 0, people: 0, appointments: 0, credentials: 0, sessions: 0 };

async function emptyInstance(kind: (typeof databases)[number]) {
  const api = await apiHarness(kind, { org: false });
  expect(api.services.config.demo).toBe(false);
  const prepared = await prepareDatabase(api.services);
  expect(prepared.demoLoaded).toBe(false);
  expect(prepared.setupToken).toEqual(expect.any(String));
  return { api, token: prepared.setupToken! };
}

describe.each(databases)('first-run setup over HTTP on %s', (kind) => {
  it('on an empty database issues a one-time token and reports that setup is needed', async () => {
    const { api, token } = await emptyInstance(kind);
    expect(token.length).toBeGreaterThanOrEqual(16);
    const res = await api.client().get('/api/setup');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needed: true });
    // Only a hash of the token is stored.
    const settings = await api.services.database.db.selectFrom('settings').selectAll().execute();
    expect(JSON.stringify(settings)).not.toContain(token);
  });

  it('refuses a wrong token with 403 setup.invalid_token and creates nothing', async () => {
    const { api } = await emptyInstance(kind);
    const client = api.client();
    const res = await client.post('/api/setup', { ...admin, token: 'not-the-token' });
    expectProblem(res, 403, 'setup.invalid_token');
    expect(sessionCookie(res)).toBeUndefined();
    expect(await counts(api)).toEqual(EMPTY);
    expect((await client.get('/api/setup')).json()).toEqual({ needed: true });
  });

  it('with the right token creates the システム管理者 at a new 本部事務局 and signs in (201)', async () => {
    const { api, token } = await emptyInstance(kind);
    const client = api.client();
    expectProblem(await client.post('/api/setup', { ...admin, token: 'wrong' }), 403, 'setup.invalid_token');

    const res = await client.post('/api/setup', { ...admin, token });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<SessionView>();
    expect(view.roles).toEqual([{ role: 'system_administrator', unitId: null, sectionId: null }]);
    expect(view.person.employeeNumber).toBe(admin.employeeNumber);
    expect(view.permissions.importStaff).toBe(true);
    expect(client.cookies.has('mamori_session')).toBe(true);

    const session = await client.get('/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json<SessionView>().person.id).toBe(view.person.id);
    const units = (await client.get('/api/units')).json<UnitView[]>();
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ id: view.person.unitId, name: '本部事務局', kind: 'headquarters' });
    const person = await api.services.organisation.people.get(view.person.id);
    expect(person).toMatchObject({ title: 'システム管理者', family_name: admin.familyName, kind: 'staff' });

    expect((await client.get('/api/setup')).json()).toEqual({ needed: false });
    expect(await counts(api)).toEqual({ units: 1, people: 1, appointments: 1, credentials: 1, sessions: 1 });
    // The new administrator signs in with the password chosen.
    await api.client().login(admin.employeeNumber, admin.password);
  });

  it('answers a second attempt with 409 setup.already_done and writes nothing', async () => {
    const { api, token } = await emptyInstance(kind);
    expect((await api.client().post('/api/setup', { ...admin, token })).statusCode).toBe(201);
    const before = await counts(api);

    const other = api.client();
    const again = { ...admin, employeeNumber: 'S1002', email: 's1002@example.invalid', token };
    expectProblem(await other.post('/api/setup', again), 409, 'setup.already_done');
    expectProblem(await other.post('/api/setup', { ...again, token: 'anything' }), 409, 'setup.already_done');
    expect(other.cookies.has('mamori_session')).toBe(false);
    expect(await counts(api)).toEqual(before);
  });

  it('refuses a weak password (400, or 422 by the password policy) and creates nothing; the token stays usable', async () => {
    const { api, token } = await emptyInstance(kind);
    const client = api.client();

    const short = expectProblem(
      await client.post('/api/setup', { ...admin, token, password: 'short' }),
      400,
      'request.invalid',
    );
    expect(short.errors?.map((e) => e.path)).toContain('password');
    expect(JSON.stringify(short)).not.toContain('short"');
    expectProblem(
      await client.post('/api/setup', { ...admin, token, password: `xx-${admin.employeeNumber}-yyyyyy` }),
      422,
      'password.rejected',
    );
    expect(await counts(api)).toEqual(EMPTY);

    expect((await client.post('/api/setup', { ...admin, token })).statusCode).toBe(201);
  });

  it('refuses invalid fields with 400 request.invalid naming each, and needs the CSRF token', async () => {
    const { api, token } = await emptyInstance(kind);
    const client = api.client();
    const bad = await client.post('/api/setup', {
      ...admin,
      token,
      familyNameKana: 'Shoki',
      email: 'not-a-mail',
    });
    const body = expectProblem(bad, 400, 'request.invalid');
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['familyNameKana', 'email']));
    const missing = expectProblem(await client.post('/api/setup', { token }), 400, 'request.invalid');
    expect(missing.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['employeeNumber', 'password']),
    );
    expectProblem(await client.post('/api/setup', { ...admin, token }, { csrf: false }), 403, 'request.csrf');
    expect(await counts(api)).toEqual(EMPTY);
  });

  it('issues no token once an administrator exists', async () => {
    const api = await apiHarness(kind);
    const prepared = await prepareDatabase(api.services);
    expect(prepared).toMatchObject({ setupToken: null, demoLoaded: false });
    expect((await api.client().get('/api/setup')).json()).toEqual({ needed: false });
  });

  it('with no active administrator left, refuses a taken employee number (409) and writes nothing', async () => {
    const api = await apiHarness(kind, { org: false });
    const org = await createMinimalOrg(api.services);
    const [held] = await api.services.organisation.appointments.list(systemCtx('test'), {
      role: 'system_administrator',
      status: 'current',
    });
    // The only administrator has left: setup is open again (the appointment itself cannot be ended).
    await api.services.organisation.people.update(systemCtx('test'), held!.personId, { active: false });
    const { setupToken } = await prepareDatabase(api.services);
    expect(setupToken).toEqual(expect.any(String));
    const before = await counts(api);

    const res = await api
      .client()
      .post('/api/setup', { ...admin, token: setupToken, employeeNumber: org.staff.employeeNumber });
    expectProblem(res, 409, 'organisation.employee_number_taken');
    expect(await counts(api)).toEqual(before);
  });
});
