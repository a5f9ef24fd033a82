import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../shared/api/identity.ts';
import { ERRORS } from '../../shared/errors.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, problemOf } from './support/http-client.ts';
import { expectProblem, sessionCookie } from './support/expect-problem.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

describe.each(databases)('sign-in over HTTP on %s', (kind) => {
  it('answers protected routes without a session with 401 auth.required', async () => {
    const api = await apiHarness(kind);
    const client = api.client();
    const answers = [
      await client.get('/api/session'),
      await client.get('/api/units'),
      await client.get(`/api/units/${api.org.hq.id}`),
      await client.get(`/api/people/${api.org.staff.id}`),
      await client.get('/api/appointments'),
      await client.get('/api/organisation/gaps'),
      await client.get('/api/people/import/template'),
      await client.post('/api/people/search', { q: api.org.staff.familyName }),
      await client.put('/api/preferences', { locale: 'en', calendar: 'gregorian' }),
      await client.post('/api/sections', {
        unitId: api.org.hq.id,
        name: '新設課',
        handlesPersonalInfo: false,
      }),
    ];
    for (const res of answers) {
      const body = expectProblem(res, 401, 'auth.required');
      expect(body.message).toEqual({ ja: ERRORS['auth.required'].ja, en: ERRORS['auth.required'].en });
      expect(body.detail).toBe(body.message.ja);
    }
    expect(await api.count('sections')).toBe(1);
  });

  it('refuses a state-changing request without a valid CSRF token (403 request.csrf) and writes nothing', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const other = api.client();
    const section = { unitId: api.org.hq.id, name: '新設課', handlesPersonalInfo: false };

    expectProblem(await admin.post('/api/sections', section, { csrf: false }), 403, 'request.csrf');
    expectProblem(
      await admin.post('/api/sections', section, { headers: { 'x-csrf-token': 'forged' } }),
      403,
      'request.csrf',
    );
    expectProblem(
      await admin.post('/api/sections', section, { headers: { 'x-csrf-token': await other.csrf() } }),
      403,
      'request.csrf',
    );
    expectProblem(
      await admin.put('/api/preferences', { locale: 'en', calendar: 'gregorian' }, { csrf: false }),
      403,
      'request.csrf',
    );
    expectProblem(await admin.post('/api/auth/logout', undefined, { csrf: false }), 403, 'request.csrf');
    expectProblem(
      await other.post(
        '/api/auth/login',
        { employeeNumber: api.org.admin.employeeNumber, password: TEST_PASSWORD },
        { csrf: false },
      ),
      403,
      'request.csrf',
    );
    expect(await api.count('sections')).toBe(1);
    expect(await api.count('sessions')).toBe(1);
    expect((await admin.get('/api/session')).json<SessionView>().preferences.locale).toBe('ja');

    expect((await admin.post('/api/sections', section)).statusCode).toBe(201);
    expect(await api.count('sections')).toBe(2);
  });

  it('answers a wrong password and an unknown employee number alike: 401 auth.invalid_credentials', async () => {
    const api = await apiHarness(kind);
    const client = api.client();
    const wrong = await client.post('/api/auth/login', {
      employeeNumber: api.org.staff.employeeNumber,
      password: 'not-the-password',
    });
    const unknown = await client.post('/api/auth/login', {
      employeeNumber: 'Z9999',
      password: 'not-the-password',
    });
    const a = expectProblem(wrong, 401, 'auth.invalid_credentials');
    const b = expectProblem(unknown, 401, 'auth.invalid_credentials');
    expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
    expect(sessionCookie(wrong)).toBeUndefined();
    expect(await api.count('sessions')).toBe(0);
  });

  it('locks the account after 5 failures: 423 auth.locked, even with the right password', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    const client = api.client();
    const employeeNumber = api.org.staff.employeeNumber;
    for (let i = 1; i <= 4; i++) {
      expectProblem(
        await client.post('/api/auth/login', { employeeNumber, password: `wrong-${i}` }),
        401,
        'auth.invalid_credentials',
      );
      clock.advanceMinutes(1); // past the growing wait between attempts (password-throttle.test.ts)
    }
    expectProblem(
      await client.post('/api/auth/login', { employeeNumber, password: 'wrong-5' }),
      423,
      'auth.locked',
    );
    const locked = await client.post('/api/auth/login', { employeeNumber, password: TEST_PASSWORD });
    expectProblem(locked, 423, 'auth.locked');
    expect(sessionCookie(locked)).toBeUndefined();
    expect(await api.count('sessions')).toBe(0);
    // Someone else is not affected; the lock lifts after a while (15 minutes).
    await api.client().login(api.org.admin.employeeNumber);
    clock.advanceMinutes(14);
    expectProblem(
      await client.post('/api/auth/login', { employeeNumber, password: TEST_PASSWORD }),
      423,
      'auth.locked',
    );
    clock.advanceMinutes(2);
    expect((await client.login(employeeNumber)).statusCode).toBe(200);
  });

  it('the lockout follows the configuration (LOCKOUT_FAILURES, LOCKOUT_MINUTES)', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock, env: { LOCKOUT_FAILURES: '2', LOCKOUT_MINUTES: '60' } });
    const client = api.client();
    const employeeNumber = api.org.staff.employeeNumber;
    expectProblem(
      await client.post('/api/auth/login', { employeeNumber, password: 'wrong-1' }),
      401,
      'auth.invalid_credentials',
    );
    expectProblem(
      await client.post('/api/auth/login', { employeeNumber, password: 'wrong-2' }),
      423,
      'auth.locked',
    );
    clock.advanceMinutes(59);
    expectProblem(
      await client.post('/api/auth/login', { employeeNumber, password: TEST_PASSWORD }),
      423,
      'auth.locked',
    );
    clock.advanceMinutes(2);
    expect((await client.login(employeeNumber)).statusCode).toBe(200);
  });

  it('signs in with an HttpOnly SameSite cookie; the database keeps only a hash of it', async () => {
    const api = await apiHarness(kind);
    const client = api.client();
    const res = await client.login(api.org.staff.employeeNumber);
    const setCookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('mamori_session='));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(setCookie).toMatch(/;\s*Path=\//i);

    const token = sessionCookie(res)!.value;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const rows = await api.services.database.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.person_id).toBe(api.org.staff.id);

    const view = res.json<SessionView>();
    expect(view.person).toMatchObject({
      id: api.org.staff.id,
      employeeNumber: api.org.staff.employeeNumber,
      unitId: api.org.hq.id,
    });
    // The csrfToken of the session answer works as well as the one of GET /api/csrf.
    const put = await client.put(
      '/api/preferences',
      { locale: 'ja', calendar: 'gregorian' },
      { headers: { 'x-csrf-token': view.csrfToken } },
    );
    expect(put.statusCode, put.body).toBe(200);
  });

  it('derives roles and permissions of the session from current appointments', async () => {
    const api = await apiHarness(kind);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const chief = await api.signedIn(api.org.chiefProtection.employeeNumber);

    const plain = (await staff.get('/api/session')).json<SessionView>();
    expect(plain.roles).toEqual([]);
    expect(plain.permissions).toEqual({
      viewGaps: false,
      manageSections: false,
      managePeople: false,
      importStaff: false,
      manageAccounts: false,
      managePasswordPolicy: false,
      approveTerminals: false,
      appointRoles: [],
    });

    const sysadmin = (await admin.get('/api/session')).json<SessionView>();
    expect(sysadmin.roles).toEqual([{ role: 'system_administrator', unitId: null, sectionId: null }]);
    expect(sysadmin.permissions).toMatchObject({
      importStaff: true,
      manageSections: true,
      managePeople: true,
      manageAccounts: true,
      managePasswordPolicy: true,
    });
    expect(sysadmin.permissions.appointRoles).toEqual(
      expect.arrayContaining(['president', 'system_administrator']),
    );

    const cpm = (await chief.get('/api/session')).json<SessionView>();
    expect(cpm.roles).toEqual([{ role: 'chief_protection_manager', unitId: api.org.hq.id, sectionId: null }]);
    expect(cpm.permissions.viewGaps).toBe(true);
    expect(cpm.permissions.appointRoles).toEqual(['protection_manager']);

    // The same session follows a new appointment, and its end, on the next request.
    const appointment = await api.services.organisation.appointments.appoint(systemCtx('test'), {
      role: 'protection_manager',
      sectionId: api.org.section.id,
      personId: api.org.staff.id,
      basis: 'テスト用の任命',
    });
    const manager = (await staff.get('/api/session')).json<SessionView>();
    expect(manager.roles).toEqual([
      { role: 'protection_manager', unitId: api.org.hq.id, sectionId: api.org.section.id },
    ]);
    expect(manager.permissions.appointRoles).toEqual(
      expect.arrayContaining(['protection_officer', 'mynumber_handler']),
    );
    expect(manager.permissions.viewGaps).toBe(false);

    await api.services.organisation.appointments.end(systemCtx('test'), appointment.id, {
      reason: 'テスト終了',
    });
    expect((await staff.get('/api/session')).json<SessionView>().roles).toEqual([]);
  });

  it('gives detail in the language of Accept-Language, or of the signed-in person’s preference', async () => {
    const api = await apiHarness(kind);
    const anonymous = api.client();
    expect(expectProblem(await anonymous.get('/api/session'), 401, 'auth.required').detail).toBe(
      ERRORS['auth.required'].ja,
    );
    const en = await anonymous.get('/api/session', { headers: { 'accept-language': 'en-US,en;q=0.8' } });
    expect(expectProblem(en, 401, 'auth.required').detail).toBe(ERRORS['auth.required'].en);

    const client = await api.signedIn(api.org.staff.employeeNumber);
    const missing = `/api/units/${randomUUID()}`;
    expect(problemOf(await client.get(missing)).detail).toBe(ERRORS['organisation.unit_not_found'].ja);

    const put = await client.put('/api/preferences', { locale: 'en', calendar: 'gregorian' });
    expect(put.statusCode).toBe(200);
    expect(put.json<SessionView>().preferences).toEqual({ locale: 'en', calendar: 'gregorian' });
    expect((await client.get('/api/session')).json<SessionView>().preferences).toEqual({
      locale: 'en',
      calendar: 'gregorian',
    });
    const pref = await client.get(missing, { headers: { 'accept-language': 'ja' } });
    expect(expectProblem(pref, 404, 'organisation.unit_not_found').detail).toBe(
      ERRORS['organisation.unit_not_found'].en,
    );

    await client.put('/api/preferences', { locale: 'ja', calendar: 'japanese' });
    const ja = await client.get(missing, { headers: { 'accept-language': 'en' } });
    expect(problemOf(ja).detail).toBe(ERRORS['organisation.unit_not_found'].ja);

    expectProblem(
      await client.put('/api/preferences', { locale: 'fr', calendar: 'japanese' }),
      400,
      'request.invalid',
    );
  });
});
