/**
 * Writing to the vault and keeping its grants (issue 6): values checked field by field and never
 * echoed in errors; one record per identifying value; a stale edit refused; in an important file
 * a second person checks each entry against its source before it takes effect (A26); grants that
 * expire stop working, one's own grant is refused, an overdue review is a compliance gap (A11-1).
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import { isAppError, type AppError } from '../../server/platform/errors.ts';
import { createServices } from '../../server/app.ts';
import { fixedClock } from '../../server/platform/clock.ts';
import { createMemoryKekProvider } from '../../server/platform/crypto/index.ts';
import { databases } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg } from '../support/vault-fixture.ts';

async function refusal(call: () => Promise<unknown>): Promise<AppError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}
async function refused(code: ErrorCode, call: () => Promise<unknown>) {
  expect((await refusal(call)).code).toBe(code);
}

describe.each(databases)('writing to the vault on %s', (kind) => {
  it('names each invalid field without its value, refuses a second record of the same student, and a stale edit', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const create = (values: Record<string, unknown>) =>
      services.vault.records.create(staff, v.tokyoFile, { purpose: 'enrolment', values });

    const bad = await refusal(() =>
      create({ student_number: 'T1', name: '', kana: 'Yamada', birth_date: '平成31年5月1日', phone: '12' }),
    );
    expect(bad.code).toBe('vault.invalid_values');
    expect(bad.status).toBe(422);
    expect(bad.details).toEqual([
      { path: 'name', code: 'required' },
      { path: 'kana', code: 'kana_only' },
      { path: 'birth_date', code: 'era_out_of_range' },
      { path: 'phone', code: 'invalid_phone' },
    ]);
    expect(JSON.stringify(bad)).not.toContain('Yamada');
    await refused('vault.field_unknown', () =>
      create({ student_number: 'T1', name: '山田 太郎', shoe_size: 26 }),
    );
    expect(await services.database.db.selectFrom('vault_records').selectAll().execute()).toEqual([]);

    const made = await create({ student_number: 'T0001', name: '山田 太郎', phone: '090-1111-2222' });
    expect(made).toMatchObject({ status: 'active', revision: 1, values: { phone: '09011112222' } });
    await refused('vault.duplicate_key', () => create({ student_number: 'Ｔ０００１', name: '別人 花子' }));

    const edited = await services.vault.records.update(staff, v.tokyoFile, made.id, {
      purpose: 'enrolment',
      values: { phone: '03-1234-5678' },
      revision: 1,
    });
    expect(edited).toMatchObject({ revision: 2, values: { phone: '0312345678', name: '山田 太郎' } });
    await refused('vault.stale_revision', () =>
      services.vault.records.update(staff, v.tokyoFile, made.id, {
        purpose: 'enrolment',
        values: { name: '山田 次郎' },
        revision: 1,
      }),
    );
    // The old phone no longer finds the record, the new one does.
    const search = (value: string) =>
      services.vault.records.search(staff, v.tokyoFile, { purpose: 'enrolment', field: 'phone', value });
    expect((await search('09011112222')).records).toEqual([]);
    expect((await search('0312345678')).records.map((r) => r.id)).toEqual([made.id]);
    const audits = await services.ledger.list(services.database.db, { subjectId: made.id });
    expect(audits.map((e) => e.type).sort()).toEqual(['vault.record_created', 'vault.record_updated']);
    expect(JSON.stringify(audits)).not.toContain('0312345678');
  });

  it('lets an entry of an important file take effect only once another person has checked it (A26)', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services, { important: true });
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read', 'create', 'update', 'verify'] });
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff2', { permissions: ['read', 'verify'] });
    const maker = await v.as('tokyoKyomuStaff1');
    const checker = await v.as('tokyoKyomuStaff2');
    const list = async () =>
      (await services.vault.records.list(checker, v.tokyoFile, { purpose: 'enrolment' })).records.map(
        (r) => r.id,
      );

    const made = await services.vault.records.create(maker, v.tokyoFile, {
      purpose: 'enrolment',
      values: { student_number: 'T0100', name: '確認 待子' },
    });
    expect(made).toMatchObject({ status: 'pending', pendingChange: true });
    expect(await list()).toEqual([]);
    const pending = (await services.vault.changes.pending(checker, v.tokyoFile, { purpose: 'enrolment' }))
      .changes;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'create', recordId: made.id, values: { name: '確認 待子' } });
    await refused('vault.own_change', () =>
      services.vault.changes.verify(maker, v.tokyoFile, pending[0]!.id, { purpose: 'enrolment' }),
    );
    await services.vault.changes.verify(checker, v.tokyoFile, pending[0]!.id, { purpose: 'enrolment' });
    expect(await list()).toEqual([made.id]);

    // A change waits too; the record keeps its value until the check.
    await services.vault.records.update(maker, v.tokyoFile, made.id, {
      purpose: 'enrolment',
      values: { name: '確認 済子' },
    });
    const view = () => services.vault.records.view(checker, v.tokyoFile, made.id, { purpose: 'enrolment' });
    expect(await view()).toMatchObject({ values: { name: '確認 待子' }, pendingChange: true });
    await refused('vault.change_pending', () =>
      services.vault.records.update(maker, v.tokyoFile, made.id, {
        purpose: 'enrolment',
        values: { name: '三度目' },
      }),
    );
    const [change] = (await services.vault.changes.pending(checker, v.tokyoFile, { purpose: 'enrolment' }))
      .changes;
    expect(change).toMatchObject({ kind: 'update', fields: ['name'], values: { name: '確認 済子' } });
    await services.vault.changes.verify(checker, v.tokyoFile, change!.id, { purpose: 'enrolment' });
    expect(await view()).toMatchObject({ values: { name: '確認 済子' }, pendingChange: false, revision: 2 });

    // A rejected new entry is erased with its key, and a reason is required.
    const wrong = await services.vault.records.create(maker, v.tokyoFile, {
      purpose: 'enrolment',
      values: { student_number: 'T0101', name: '誤入 力男' },
    });
    const [toReject] = (await services.vault.changes.pending(checker, v.tokyoFile, { purpose: 'enrolment' }))
      .changes;
    await refused('request.invalid', () =>
      services.vault.changes.reject(checker, v.tokyoFile, toReject!.id, { purpose: 'enrolment' }),
    );
    await services.vault.changes.reject(checker, v.tokyoFile, toReject!.id, {
      purpose: 'enrolment',
      reason: '学生番号が原本と異なる',
    });
    const erased = await services.database.db
      .selectFrom('vault_records')
      .selectAll()
      .where('id', '=', wrong.id)
      .executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ status: 'rejected', key_wrapped: null, sealed_normal: null });
    await refused('vault.record_not_found', () =>
      services.vault.records.view(checker, v.tokyoFile, wrong.id, { purpose: 'enrolment' }),
    );
  });

  it('refuses one’s own grant, stops an expired or revoked one, and reports an overdue review as a gap', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    const manager = await v.as('tokyoKyomuHead');
    const grantInput = (person: string, over = {}) => ({
      personId: person,
      permissions: ['read'],
      validFrom: '2026-04-01',
      validUntil: '2027-03-31',
      reason: '学籍事務',
      ...over,
    });
    await refused('vault.self_grant', () =>
      services.vault.grants.grant(manager, v.tokyoFile, grantInput(v.people.tokyoKyomuHead)),
    );
    await refused('vault.grant_dates', () =>
      services.vault.grants.grant(
        manager,
        v.tokyoFile,
        grantInput(v.people.tokyoKyomuStaff1, { validUntil: '2028-03-31' }),
      ),
    );
    await refused('vault.person_not_found', () =>
      services.vault.grants.grant(manager, v.tokyoFile, grantInput(v.people.tokyoRetired)),
    );
    // The 長岡 file is not this manager's to grant.
    await refused('auth.forbidden', () =>
      services.vault.grants.grant(manager, v.nagaokaFile, grantInput(v.people.tokyoKyomuStaff1)),
    );
    const g = await services.vault.grants.grant(manager, v.tokyoFile, grantInput(v.people.tokyoKyomuStaff1));
    expect(g).toMatchObject({ state: 'in_force', reviewDue: '2027-03-31', grantedBy: '佐藤 花子' });
    await refused('vault.grant_exists', () =>
      services.vault.grants.grant(manager, v.tokyoFile, grantInput(v.people.tokyoKyomuStaff1)),
    );
    const staff = await v.as('tokyoKyomuStaff1');
    const read = (s = services) => s.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' });
    await read();

    // Revoked: it stops at once.
    await services.vault.grants.revoke(manager, g.id, { reason: '担当替え' });
    await refused('vault.no_grant', () => read());
    // Expired: a grant whose period has ended stops working.
    const short = await services.vault.grants.grant(
      manager,
      v.tokyoFile,
      grantInput(v.people.tokyoKyomuStaff1, {
        validFrom: '2026-04-01',
        validUntil: '2026-11-29',
      }),
    );
    expect(short.state).toBe('expired');
    await refused('vault.no_grant', () => read());
  });

  it('reports a grant whose review is overdue as a compliance gap of the file’s section, until reviewed', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { validFrom: '2026-11-30', validUntil: '2027-11-29' });
    expect(await services.vault.grants.gaps()).toEqual([]);
    const manager = await v.as('tokyoKyomuHead');
    expect((await services.vault.grants.list(manager, v.tokyoFile)).grants[0]).toMatchObject({
      state: 'in_force',
      reviewDue: '2027-05-29',
    });
    // Half a year later nobody has reviewed it: it still works, but it is a gap of the 保護管理者.
    const later = at(services, '2027-06-15T00:30:00.000Z');
    expect(await later.vault.grants.gaps()).toEqual([
      expect.objectContaining({
        kind: 'grant_review_overdue',
        role: 'protection_manager',
        sectionId: v.sections.tokyoKyomu,
        sectionName: '教務係',
        article: 'A11-1',
      }) as unknown,
    ]);
    const [grant] = (await later.vault.grants.list(manager, v.tokyoFile)).grants;
    expect(grant!.state).toBe('review_overdue');
    expect((await later.organisation.gaps.allGaps()).map((g) => g.kind)).toContain('grant_review_overdue');
    const reviewed = await later.vault.grants.review(manager, grant!.id);
    expect(reviewed).toMatchObject({ state: 'in_force', reviewDue: '2027-11-29' });
    expect(await later.vault.grants.gaps()).toEqual([]);
  });
});

/** The same database seen on another day (grants and gaps only: no record is opened). */
function at(base: Awaited<ReturnType<typeof testServices>>, iso: string) {
  return createServices({
    config: base.config,
    database: base.database,
    clock: fixedClock(iso),
    keys: base.keys,
    kek: createMemoryKekProvider(),
  });
}
