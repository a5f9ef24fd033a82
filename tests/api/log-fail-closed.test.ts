/**
 * Log before serve, fail closed (A22-1, A22-2): a read of held personal information whose access
 * record cannot be written is refused — the data is not sent — and the failure shows on the log's
 * status page. When the log can be written again, reads are served and recorded again.
 */
import { describe, expect, it } from 'vitest';
import type { LogStatusView } from '../../shared/api/logs.ts';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { apiHarness } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';
import { refuseAccessEntries } from '../support/refuse-log.ts';

describe.each(databases)('fail closed on %s', (kind) => {
  it('refuses a profile read with 503 log.unavailable when its access record cannot be written', async () => {
    const api = await apiHarness(kind);
    const db = api.services.database.db;
    const chief = await api.signedIn(api.org.chiefManager.employeeNumber);
    const path = `/api/people/${api.org.staff.id}`;

    // Served and recorded while the log works.
    expect((await chief.get(path)).statusCode).toBe(200);
    const recorded = await api.services.ledger.list(db, { type: 'organisation.person_viewed' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      kind: 'access',
      subjectId: api.org.staff.id,
      purpose: 'staff_administration',
    });

    // The log's table refuses writes (a full disk, a revoked grant, …).
    const allowLog = await refuseAccessEntries(db, kind);
    const refused = await chief.get(path);
    const body = expectProblem(refused, 503, 'log.unavailable');
    expect(body.detail).toBe(ERRORS['log.unavailable'].ja);
    // Nothing of the person was sent.
    expect(refused.body).not.toContain(api.org.staff.employeeNumber);
    expect(await api.services.ledger.list(db, { type: 'organisation.person_viewed' })).toHaveLength(1);

    // The 総括管理者 sees the failure on the status page.
    const status = (await chief.get('/api/log/status')).json<LogStatusView>();
    expect(status.writer.failing).toBe(true);
    expect(status.writer.lastFailureAt).not.toBeNull();

    await allowLog();
    expect((await chief.get(path)).statusCode).toBe(200);
    expect(await api.services.ledger.list(db, { type: 'organisation.person_viewed' })).toHaveLength(2);
    const after = (await chief.get('/api/log/status')).json<LogStatusView>();
    expect(after.writer).toMatchObject({ failing: false, lastFailureAt: status.writer.lastFailureAt });
  });
});
