/**
 * Suspension of use of a record (issue 12; 法98–103 利用停止): a record whose use is stopped for one
 * purpose of its file is refused under that purpose — viewed, revealed, updated, exported by name,
 * its change checked — with 403 vault.record_suspended and the refusal in the log (A22), left out of
 * lists, searches and bulk exports under it (the list says how many are withheld, never which), and
 * served as before under the file's other purposes. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { newId } from '../../server/platform/ids.ts';
import { databases } from '../support/databases.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

describe.each(databases)('suspension of use of records on %s', (kind) => {
  it('refuses a suspended record for the suspended purpose and serves it for the others', async () => {
    const api = await apiHarness(kind, { org: false });
    const { services } = api;
    const v = await buildVaultOrg(services);
    const ids: string[] = [];
    for (const s of students('S26', 4)) ids.push(await v.student(v.tokyoFile, s));
    const [stopped, other] = [ids[0]!, ids[1]!];
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staffCtx = await v.as('tokyoKyomuStaff1');
    const staff = await sessionClient(api.app, services, v.people.tokyoKyomuStaff1);
    const base = `/api/vault/files/${v.tokyoFile}`;
    const requestId = newId();

    // 法98-1: the use for 学籍管理 (enrolment) stops; 証明書の発行 (certificates) goes on.
    const made = await services.database.transaction((tx) =>
      services.vault.suspensions.suspend(tx, {
        fileId: v.tokyoFile,
        recordId: stopped,
        purposeCodes: ['enrolment'],
        requestId,
      }),
    );
    expect(made).toBe(1);
    expect((await services.vault.suspensions.active([stopped, other])).map((s) => s.purpose_code)).toEqual([
      'enrolment',
    ]);

    // Viewed, revealed, updated under the suspended purpose: 403 with the code, in Japanese.
    const viewed = expectProblem(
      await staff.request('GET', `${base}/records/${stopped}?purpose=enrolment`),
      403,
      'vault.record_suspended',
    );
    expect(viewed.detail).toBe(ERRORS['vault.record_suspended'].ja);
    expect(JSON.stringify(viewed)).not.toContain('S260001');
    expectProblem(
      await staff.request('POST', `${base}/records/${stopped}/reveal`, {
        purpose: 'enrolment',
        fields: ['health'],
      }),
      403,
      'vault.record_suspended',
    );
    await expect(
      services.vault.records.update(staffCtx, v.tokyoFile, stopped, {
        purpose: 'enrolment',
        values: { phone: '090-1111-2222' },
      }),
    ).rejects.toMatchObject({ code: 'vault.record_suspended' });

    // Left out of the list and the search under it; the list says one is withheld (no id).
    const list = await services.vault.records.list(staffCtx, v.tokyoFile, { purpose: 'enrolment' });
    expect(list.records.map((r) => r.id).sort()).toEqual(ids.slice(1).sort());
    expect(list.withheld).toBe(1);
    const found = await services.vault.records.search(staffCtx, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'student_number',
      value: 'S260001',
    });
    expect(found.records).toEqual([]);
    const csv = await staff.request('GET', `${base}/export.csv?purpose=enrolment`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('S260001');
    expect(csv.body).toContain('S260002');

    // Under the file's other purpose it is served as before.
    const ok = await staff.request('GET', `${base}/records/${stopped}?purpose=certificates`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ values: Record<string, unknown> }>().values.student_number).toBe('S260001');
    const revealed = await services.vault.records.reveal(staffCtx, v.tokyoFile, stopped, {
      purpose: 'certificates',
      fields: ['health'],
    });
    expect(revealed.values.health).toBe('食物アレルギー（架空）');
    const all = await services.vault.records.list(staffCtx, v.tokyoFile, { purpose: 'certificates' });
    expect(all.records.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(all.withheld).toBe(0);
    const byNumber = await services.vault.records.search(staffCtx, v.tokyoFile, {
      purpose: 'certificates',
      field: 'student_number',
      value: 'S260001',
    });
    expect(byNumber.records.map((r) => r.id)).toEqual([stopped]);
    const updated = await services.vault.records.update(staffCtx, v.tokyoFile, stopped, {
      purpose: 'certificates',
      values: { phone: '090-1111-2222' },
    });
    expect(updated.revision).toBe(2);
    // Another record is untouched by the suspension, under the suspended purpose too.
    const another = await services.vault.records.view(staffCtx, v.tokyoFile, other, { purpose: 'enrolment' });
    expect(another.values.student_number).toBe('S260002');

    // Each refusal is in the log as authz.denied with the code, the record and the purpose.
    const denied = (await services.ledger.list(services.database.db, { type: 'authz.denied' })).filter(
      (e) => e.payload?.code === 'vault.record_suspended',
    );
    expect(denied.map((e) => e.payload?.action).sort()).toEqual(['read', 'reveal', 'update']);
    for (const e of denied) {
      expect(e.subjectId).toBe(v.tokyoFile);
      expect(e.outcome).toBe('denied');
      expect(e.payload).toMatchObject({ recordIds: [stopped], purposeCode: 'enrolment' });
    }
    expect(
      (await services.ledger.list(services.database.db, { type: 'vault.record_suspended' }))[0],
    ).toMatchObject({ subjectId: stopped, payload: { fileId: v.tokyoFile, purposeCodes: ['enrolment'] } });

    // Lifted: served again under the purpose.
    await services.database.transaction((tx) => services.vault.suspensions.lift(tx, { requestId }));
    const back = await services.vault.records.view(staffCtx, v.tokyoFile, stopped, { purpose: 'enrolment' });
    expect(back.values.student_number).toBe('S260001');
    expect(
      (await services.vault.records.list(staffCtx, v.tokyoFile, { purpose: 'enrolment' })).withheld,
    ).toBe(0);
  });

  it('refuses the check of a suspended record’s change under the suspended purpose', async () => {
    const api = await apiHarness(kind, { org: false });
    const { services } = api;
    const v = await buildVaultOrg(services, { important: true });
    const [s] = students('C26', 1);
    const created = await services.vault.records.create(v.sys, v.tokyoFile, {
      purpose: 'enrolment',
      values: s!,
    });
    const pending = await services.vault.changes.pending(v.sys, v.tokyoFile, { purpose: 'enrolment' });
    const change = pending.changes.find((c) => c.recordId === created.id)!;
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read', 'verify'] });
    const checker = await v.as('tokyoKyomuStaff1');
    await services.database.transaction((tx) =>
      services.vault.suspensions.suspend(tx, {
        fileId: v.tokyoFile,
        recordId: created.id,
        purposeCodes: ['enrolment'],
        requestId: newId(),
      }),
    );
    const listed = await services.vault.changes.pending(checker, v.tokyoFile, { purpose: 'enrolment' });
    expect(listed.changes.map((c) => c.recordId)).not.toContain(created.id);
    await expect(
      services.vault.changes.verify(checker, v.tokyoFile, change.id, { purpose: 'enrolment', reason: '' }),
    ).rejects.toMatchObject({ code: 'vault.record_suspended' });
    const verified = await services.vault.changes.verify(checker, v.tokyoFile, change.id, {
      purpose: 'certificates',
      reason: '',
    });
    expect(verified.status).toBe('verified');
  });
});
