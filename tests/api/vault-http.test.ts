/**
 * The vault over HTTP (issue 6) as a browser or a script meets it: problems in Japanese with a stable
 * code, field errors by name without the values, the export as a download that is not cached, a
 * read refused with 503 when its access record cannot be written (A22-1). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';
import { refuseAccessEntries } from '../support/refuse-log.ts';

describe.each(databases)('the vault over HTTP on %s', (kind) => {
  it('answers in Japanese with stable codes, downloads without caching, and refuses a read it cannot log', async () => {
    const api = await apiHarness(kind, { org: false });
    const v = await buildVaultOrg(api.services);
    const ids: string[] = [];
    for (const s of students('H26', 3)) ids.push(await v.student(v.tokyoFile, s));
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await sessionClient(api.app, api.services, v.people.tokyoKyomuStaff1);
    const outsider = await sessionClient(api.app, api.services, v.people.tokyoToshoHead);
    const base = `/api/vault/files/${v.tokyoFile}`;

    const ok = await staff.request('GET', `${base}/records/${ids[0]}?purpose=enrolment`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ values: Record<string, unknown> }>().values.student_number).toBe('H260001');

    const noGrant = expectProblem(
      await outsider.request('GET', `${base}/records/${ids[0]}?purpose=enrolment`),
      403,
      'vault.no_grant',
    );
    expect(noGrant.detail).toBe(ERRORS['vault.no_grant'].ja);
    expectProblem(
      await staff.request('GET', `${base}/records?purpose=advertising`),
      400,
      'vault.purpose_not_registered',
    );

    const invalid = await staff.request('POST', `${base}/records`, {
      purpose: 'enrolment',
      values: { student_number: 'H269999', name: '検証 太郎', phone: 'でんわ0120' },
    });
    const problem = expectProblem(invalid, 422, 'vault.invalid_values');
    expect(problem.detail).toBe(ERRORS['vault.invalid_values'].ja);
    expect(invalid.body).toContain('phone');
    expect(invalid.body).not.toContain('でんわ0120');

    const csv = await staff.request('GET', `${base}/export.csv?purpose=certificates`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="vault-/);
    expect(csv.body).toContain('H260003');

    // The log refuses access entries: the record is not sent.
    const db = api.services.database.db;
    await refuseAccessEntries(db, kind);
    const refused = await staff.request('GET', `${base}/records/${ids[1]}?purpose=enrolment`);
    expectProblem(refused, 503, 'log.unavailable');
    expect(refused.body).not.toContain('H260002');
    const exportRefused = await staff.request('GET', `${base}/export.csv?purpose=enrolment`);
    expectProblem(exportRefused, 503, 'log.unavailable');
    expect(exportRefused.body).not.toContain('H260001');
  });
});
