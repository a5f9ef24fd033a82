/**
 * The administration of accounts (A21): the システム管理者 sees locked accounts and those whose
 * password must change, a person's sign-ins and sessions, ends a session, sets a temporary password
 * that must be changed at the next sign-in, and unlocks. Audited; others are refused.
 */
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../shared/api/identity.ts';
import type { AccountAlert, AccountDetail } from '../../shared/api/password.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, type ApiHarness } from './support/http-client.ts';
import { TEST_PASSWORD } from './support/minimal-org.ts';
import { MutableClock } from './support/mutable-clock.ts';

const TEMPORARY = 'Harbour-Maple-Signal-58';

async function lock(api: ApiHarness, clock: MutableClock, employeeNumber: string) {
  const anon = api.client();
  for (let i = 0; i < 5; i++) {
    await anon.post('/api/auth/login', { employeeNumber, password: `wrong-${i}` });
    clock.advanceMinutes(1);
  }
  expectProblem(
    await anon.post('/api/auth/login', { employeeNumber, password: TEST_PASSWORD }),
    423,
    'auth.locked',
  );
}

describe.each(databases)('administration of accounts (A21) on %s', (kind) => {
  it('lists a locked account, shows it, and unlocks it (audited)', async () => {
    const clock = new MutableClock();
    const api = await apiHarness(kind, { clock });
    await lock(api, clock, api.org.staff.employeeNumber);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const alerts = (await admin.get('/api/accounts/alerts')).json<AccountAlert[]>();
    expect(alerts).toEqual([
      expect.objectContaining({ personId: api.org.staff.id, locked: true, passwordChangeRequired: false }),
    ]);
    const detail = (await admin.get(`/api/people/${api.org.staff.id}/account/detail`)).json<AccountDetail>();
    expect(detail).toMatchObject({ locked: true, hasPassword: true, passwordChangeRequired: false });
    expect(detail.signIns.map((s) => s.result)).toContain('locked');

    expect((await admin.post(`/api/people/${api.org.staff.id}/unlock`)).statusCode).toBe(204);
    expect((await admin.get('/api/accounts/alerts')).json<AccountAlert[]>()).toEqual([]);
    expect((await api.client().login(api.org.staff.employeeNumber)).statusCode).toBe(200);
  });

  it('lists a person’s sessions and ends one of them, audited; an unknown session is 404', async () => {
    const api = await apiHarness(kind);
    const first = await api.signedIn(api.org.staff.employeeNumber);
    const second = await api.signedIn(api.org.staff.employeeNumber);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const url = `/api/people/${api.org.staff.id}/account/detail`;
    const detail = (await admin.get(url)).json<AccountDetail>();
    expect(detail.sessions).toHaveLength(2);
    expect(detail.signIns.filter((s) => s.result === 'success')).toHaveLength(2);
    const ends = await admin.post(`/api/people/${api.org.staff.id}/sessions/${detail.sessions[0]!.id}/end`);
    expect(ends.statusCode).toBe(204);
    const statuses = [
      (await first.get('/api/session')).statusCode,
      (await second.get('/api/session')).statusCode,
    ];
    expect(statuses.sort()).toEqual([200, 401]);
    expect((await admin.get(url)).json<AccountDetail>().sessions).toHaveLength(1);
    const [audit] = await api.services.ledger.list(api.services.database.db, {
      type: 'identity.session_ended',
    });
    expect(audit).toMatchObject({ actorId: api.org.admin.id, subjectId: api.org.staff.id });
    expectProblem(
      await admin.post(`/api/people/${api.org.staff.id}/sessions/${detail.sessions[0]!.id}/end`),
      404,
      'request.not_found',
    );
    // Another person's session id under this person is not found either.
    const adminSessions = (
      await admin.get(`/api/people/${api.org.admin.id}/account/detail`)
    ).json<AccountDetail>();
    expectProblem(
      await admin.post(`/api/people/${api.org.staff.id}/sessions/${adminSessions.sessions[0]!.id}/end`),
      404,
      'request.not_found',
    );
  });

  it('sets a temporary password that must be changed at the next sign-in; their sessions end; audited', async () => {
    const api = await apiHarness(kind);
    const before = await api.signedIn(api.org.staff.employeeNumber);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const reset = await admin.post(`/api/people/${api.org.staff.id}/password`, {
      temporaryPassword: TEMPORARY,
    });
    expect(reset.statusCode).toBe(204);
    expect((await before.get('/api/session')).statusCode).toBe(401);
    expectProblem(
      await api
        .client()
        .post('/api/auth/login', { employeeNumber: api.org.staff.employeeNumber, password: TEST_PASSWORD }),
      401,
      'auth.invalid_credentials',
    );
    const staff = api.client();
    await staff.login(api.org.staff.employeeNumber, TEMPORARY);
    expect((await staff.get('/api/session')).json<SessionView>().passwordChangeRequired).toBe(true);
    expectProblem(await staff.get('/api/me/sessions'), 403, 'auth.password_change_required');
    expect((await admin.get('/api/accounts/alerts')).json<AccountAlert[]>()).toEqual([
      expect.objectContaining({ personId: api.org.staff.id, passwordChangeRequired: true, locked: false }),
    ]);
    expect(
      (
        await staff.post('/api/me/password', {
          currentPassword: TEMPORARY,
          newPassword: 'Quiet-Lantern-Orbit-71',
        })
      ).statusCode,
    ).toBe(204);
    expect((await staff.get('/api/me/sessions')).statusCode).toBe(200);
    const [audit] = await api.services.ledger.list(api.services.database.db, { type: 'password.reset' });
    expect(audit).toMatchObject({ actorId: api.org.admin.id, subjectId: api.org.staff.id });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|Harbour/);
  });

  it('changing one’s own password ends one’s other sessions, not this one', async () => {
    const api = await apiHarness(kind);
    const other = await api.signedIn(api.org.staff.employeeNumber);
    const here = await api.signedIn(api.org.staff.employeeNumber);
    const res = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Quiet-Lantern-Orbit-71',
    });
    expect(res.statusCode).toBe(204);
    expect((await here.get('/api/session')).statusCode).toBe(200);
    expect((await other.get('/api/session')).statusCode).toBe(401);
    const [audit] = await api.services.ledger.list(api.services.database.db, { type: 'password.changed' });
    expect(audit!.payload).toMatchObject({ otherSessionsEnded: 1 });
  });

  it('refuses the account administration to anyone but a システム管理者; 404 for an unknown person', async () => {
    const api = await apiHarness(kind);
    for (const who of [api.org.president, api.org.chiefManager, api.org.chiefProtection, api.org.candidate]) {
      const client = await api.signedIn(who.employeeNumber);
      expectProblem(await client.get('/api/accounts/alerts'), 403, 'auth.forbidden');
      expectProblem(
        await client.get(`/api/people/${api.org.staff.id}/account/detail`),
        403,
        'auth.forbidden',
      );
      expectProblem(
        await client.post(`/api/people/${api.org.staff.id}/password`, { temporaryPassword: TEMPORARY }),
        403,
        'auth.forbidden',
      );
      expectProblem(
        await client.post(`/api/people/${api.org.staff.id}/sessions/x/end`),
        403,
        'auth.forbidden',
      );
    }
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(
      await admin.get(`/api/people/${unknown}/account/detail`),
      404,
      'organisation.person_not_found',
    );
    expectProblem(
      await admin.post(`/api/people/${unknown}/password`, { temporaryPassword: TEMPORARY }),
      404,
      'organisation.person_not_found',
    );
    expect(await api.services.ledger.count(api.services.database.db, { type: 'password.reset' })).toBe(0);
  });
});
