/**
 * The vault's records as staff reach them (issue 6): no grant, no access (A11-2); a registered
 * purpose on every request (A11-3); field subsets and record scopes in list, search, view and
 * export (A11-1); 要配慮 fields masked until revealed; My Numbers only for handlers on a handling-area
 * terminal with a My Number purpose (A7の2, A11の2); every read in the log before it is served
 * (A22-1); ciphertext altered in the database detected, never shown (A25). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import { isAppError } from '../../server/platform/errors.ts';
import { databases } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg, MY_NUMBERS, students, type VaultOrg } from '../support/vault-fixture.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { refuseAccessEntries } from '../support/refuse-log.ts';

async function refused(code: ErrorCode, call: () => Promise<unknown>) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

/** The vault org with ten students in 東京 (5 per class) and three in 長岡. */
async function withStudents(kind: (typeof databases)[number], opts: { important?: boolean } = {}) {
  const services = await testServices(kind);
  const v = await buildVaultOrg(services, opts);
  const tokyo: string[] = [];
  for (const s of students('T26')) tokyo.push(await v.student(v.tokyoFile, s));
  const nagaoka: string[] = [];
  for (const s of students('N26', 3)) nagaoka.push(await v.student(v.nagaokaFile, s));
  return { services, v, tokyo, nagaoka };
}

/** Entries of a type, oldest first. */
const entries = async (v: VaultOrg, type: string) =>
  (await v.services.ledger.list(v.services.database.db, { type })).reverse();

describe.each(databases)('the vault’s records on %s', (kind) => {
  it('refuses a person without a grant, and an unregistered purpose, and logs each refusal', async () => {
    const { v, tokyo } = await withStudents(kind);
    const staff = await v.as('tokyoKyomuStaff1');
    await refused('vault.no_grant', () =>
      v.services.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' }),
    );
    await refused('vault.no_grant', () =>
      v.services.vault.records.view(staff, v.tokyoFile, tokyo[0]!, { purpose: 'enrolment' }),
    );
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read'] });
    await refused('vault.purpose_not_registered', () =>
      v.services.vault.records.list(staff, v.tokyoFile, { purpose: 'marketing' }),
    );
    await refused('vault.permission_missing', () =>
      v.services.vault.records.create(staff, v.tokyoFile, { purpose: 'enrolment', values: { name: 'x' } }),
    );
    const denials = (await entries(v, 'authz.denied')).filter((e) => e.subjectId === v.tokyoFile);
    expect(denials.map((e) => e.payload?.code).sort()).toEqual([
      'vault.no_grant',
      'vault.no_grant',
      'vault.permission_missing',
      'vault.purpose_not_registered',
    ]);
  });

  it('logs every list, search and view with the purpose and the ids served, before serving them', async () => {
    const { v, tokyo } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read'] });
    const staff = await v.as('tokyoKyomuStaff1');
    const page = await v.services.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment', limit: 4 });
    expect(page.records).toHaveLength(4);
    expect(page.next).toBe(page.records[3]!.id);
    const rest = await v.services.vault.records.list(staff, v.tokyoFile, {
      purpose: 'enrolment',
      after: page.next,
    });
    // In id order (records made in one millisecond have no fixed order of creation).
    expect([...page.records, ...rest.records].map((r) => r.id)).toEqual([...tokyo].sort());
    expect(page.records[0]!.values).toMatchObject({ student_number: 'T260001', class: '情報工学科3年' });

    const found = await v.services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'certificates',
      field: 'student_number',
      value: 'Ｔ２６０００３',
    });
    expect(found.records.map((r) => r.id)).toEqual([tokyo[2]]);
    // A phone typed with hyphens finds the digits it was stored as; a prefix finds several names.
    const byPhone = await v.services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'phone',
      value: '090-0000-1004',
    });
    expect(byPhone.records.map((r) => r.id)).toEqual([tokyo[4]]);
    const byName = await v.services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'name',
      value: '山川',
    });
    expect(byName.records.map((r) => r.id).sort()).toEqual([tokyo[1]!, tokyo[6]!].sort());
    // A longer prefix is narrowed on the decrypted values; one character is refused, not guessed at.
    const byLonger = await v.services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'name',
      value: '山川　花子6',
    });
    expect(byLonger.records.map((r) => r.id)).toEqual([tokyo[6]]);
    await expect(
      v.services.vault.records.search(staff, v.tokyoFile, {
        purpose: 'enrolment',
        field: 'name',
        value: '山',
      }),
    ).rejects.toMatchObject({ code: 'vault.search_term_short' });
    const one = await v.services.vault.records.view(staff, v.tokyoFile, tokyo[5]!, { purpose: 'enrolment' });
    expect(one.values.student_number).toBe('T260006');

    const listed = await entries(v, 'vault.records_listed');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      kind: 'access',
      purpose: '学籍管理',
      actorId: v.people.tokyoKyomuStaff1,
    });
    expect(listed[0]!.payload).toMatchObject({ records: [...tokyo].sort().slice(0, 4) });
    const searched = await entries(v, 'vault.records_searched');
    expect(searched.map((e) => e.payload?.records)).toEqual([
      [tokyo[2]],
      [tokyo[4]],
      [tokyo[1], tokyo[6]],
      [tokyo[6]],
    ]);
    expect(searched[0]!.purpose).toBe('証明書の発行');
    // The search term itself is never in the log.
    expect(JSON.stringify(searched)).not.toContain('260003');
    expect(JSON.stringify(searched)).not.toContain('山川');
    expect(await entries(v, 'vault.record_viewed')).toHaveLength(1);
  });

  it('answers 404 for a record of another unit’s or another file’s, whatever the grant', async () => {
    const { v, tokyo, nagaoka } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    await refused('vault.record_not_found', () =>
      v.services.vault.records.view(staff, v.tokyoFile, nagaoka[0]!, { purpose: 'enrolment' }),
    );
    await refused('vault.record_not_found', () =>
      v.services.vault.records.reveal(staff, v.tokyoFile, nagaoka[0]!, {
        purpose: 'enrolment',
        fields: ['health'],
      }),
    );
    await refused('vault.record_not_found', () =>
      v.services.vault.records.update(staff, v.tokyoFile, nagaoka[0]!, {
        purpose: 'enrolment',
        values: { name: 'x' },
      }),
    );
    await refused('vault.record_not_found', () =>
      v.services.vault.records.view(staff, v.tokyoFile, '01930000-0000-7000-8000-000000000000', {
        purpose: 'enrolment',
      }),
    );
    // Their own grant does not reach the other college's file at all.
    await refused('vault.no_grant', () =>
      v.services.vault.records.view(staff, v.nagaokaFile, nagaoka[0]!, { purpose: 'enrolment' }),
    );
    expect(
      (await v.services.vault.records.view(staff, v.tokyoFile, tokyo[0]!, { purpose: 'enrolment' })).id,
    ).toBe(tokyo[0]);
  });

  it('keeps a grant’s field subset and record scope in list, search, view and export', async () => {
    const { v, tokyo } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff2', {
      permissions: ['read', 'export'],
      fields: ['student_number', 'name', 'class'],
      scope: { groups: ['情報工学科３年'] },
    });
    const staff = await v.as('tokyoKyomuStaff2');
    const inClass = tokyo.filter((_, i) => i % 2 === 0);
    const list = await v.services.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' });
    expect(list.records.map((r) => r.id)).toEqual(inClass);
    for (const r of list.records) {
      expect(Object.keys(r.values).sort()).toEqual(['class', 'name', 'student_number']);
      expect(r.masked).toEqual([]);
    }
    // Search: outside the class finds nothing, a field outside the subset is refused.
    const outside = await v.services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'student_number',
      value: 'T260002',
    });
    expect(outside.records).toEqual([]);
    await refused('vault.field_not_granted', () =>
      v.services.vault.records.search(staff, v.tokyoFile, {
        purpose: 'enrolment',
        field: 'phone',
        value: '09000001001',
      }),
    );
    await refused('vault.record_not_found', () =>
      v.services.vault.records.view(staff, v.tokyoFile, tokyo[1]!, { purpose: 'enrolment' }),
    );
    const view = await v.services.vault.records.view(staff, v.tokyoFile, tokyo[2]!, { purpose: 'enrolment' });
    expect(view.values).toEqual({ student_number: 'T260003', name: '海野 次郎2', class: '情報工学科3年' });
    await refused('vault.permission_missing', () =>
      v.services.vault.records.reveal(staff, v.tokyoFile, tokyo[2]!, {
        purpose: 'enrolment',
        fields: ['name'],
      }),
    );

    const csv = (await v.services.vault.records.exportCsv(staff, v.tokyoFile, { purpose: 'enrolment' })).body
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('学生番号,氏名,学科・学年・クラス');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'T260001',
      'T260003',
      'T260005',
      'T260007',
      'T260009',
    ]);
    expect(csv).not.toContain('090');
    const exported = await entries(v, 'vault.records_exported');
    expect(exported[0]!.payload).toMatchObject({
      records: inClass,
      fields: ['student_number', 'name', 'class'],
    });
  });

  it('masks 要配慮 fields until revealed with the reveal permission, and logs the reveal by field', async () => {
    const { v, tokyo } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read', 'reveal'] });
    const staff = await v.as('tokyoKyomuStaff1');
    const view = await v.services.vault.records.view(staff, v.tokyoFile, tokyo[0]!, { purpose: 'enrolment' });
    expect(view.masked).toEqual(['health']);
    expect(view.values).not.toHaveProperty('health');
    expect(JSON.stringify(view)).not.toContain('アレルギー');
    const revealed = await v.services.vault.records.reveal(staff, v.tokyoFile, tokyo[0]!, {
      purpose: 'enrolment',
      fields: ['health'],
    });
    expect(revealed.values).toEqual({ health: '食物アレルギー（架空）' });
    const log = await entries(v, 'vault.fields_revealed');
    expect(log).toHaveLength(1);
    expect(log[0]!.payload).toMatchObject({ records: [tokyo[0]], fields: ['health'], myNumber: false });
  });

  it('shows My Numbers only to a handler of the section, on a handling-area terminal, for a My Number purpose', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    const id = (
      await services.vault.records.create(v.sys, v.payrollFile, {
        purpose: 'withholding',
        values: { employee_number: 'E900001', name: '架空 太郎', my_number: MY_NUMBERS[0] },
      })
    ).id;
    await v.grant(v.payrollFile, 'kyuyoStaff', { permissions: ['read', 'reveal'] });
    const reveal = (ctx: Ctx, purpose: string) =>
      services.vault.records.reveal(ctx, v.payrollFile, id, { purpose, fields: ['my_number'] });

    // Not a handler: masked in the view, refused on reveal.
    let staff = await v.as('kyuyoStaff');
    const view = await services.vault.records.view(staff, v.payrollFile, id, { purpose: 'withholding' });
    expect(view.masked).toEqual(['my_number']);
    expect(JSON.stringify(view)).not.toContain(MY_NUMBERS[0]);
    await refused('vault.not_my_number_handler', () => reveal(staff, 'withholding'));

    // A handler (A7の2), but off a handling-area terminal, or for payroll rather than the Act's purpose.
    await v.appoint('system', 'mynumber_handler', 'kyuyoStaff', {
      sectionId: v.sections.kyuyo,
      duties: '源泉徴収票の作成',
      handlingRange: '役職員の個人番号',
    });
    staff = await v.as('kyuyoStaff');
    await refused('vault.not_my_number_handler', () => reveal(staff, 'withholding'));
    const area = await services.terminals.areas.create(v.sys, {
      unitId: v.units.hq,
      sectionId: v.sections.kyuyo,
      kind: 'handling_area',
      name: '給与係 取扱区域',
    });
    const { terminal } = await services.terminals.terminals.request(staff, {
      areaId: area.id,
      label: '給与係PC',
      reason: '源泉徴収事務',
    });
    // Approved by the section's 保護管理者, who manages its areas (A29).
    await v.appoint('system', 'protection_manager', 'kyuyoHead', { sectionId: v.sections.kyuyo });
    await services.terminals.terminals.approve(await v.as('kyuyoHead'), terminal.id, {});
    const onTerminal: Ctx = { ...staff, terminal: terminal.id };
    await refused('vault.purpose_not_my_number', () => reveal(onTerminal, 'payroll'));
    expect((await reveal(onTerminal, 'withholding')).values).toEqual({ my_number: MY_NUMBERS[0] });
    // Searching by a My Number is using it: the same conditions.
    await refused('vault.purpose_not_my_number', () =>
      services.vault.records.search(onTerminal, v.payrollFile, {
        purpose: 'payroll',
        field: 'my_number',
        value: MY_NUMBERS[0]!,
      }),
    );
    const found = await services.vault.records.search(onTerminal, v.payrollFile, {
      purpose: 'withholding',
      field: 'my_number',
      value: MY_NUMBERS[0]!,
    });
    expect(found.records.map((r) => r.id)).toEqual([id]);
    const log = await entries(v, 'vault.fields_revealed');
    expect(log.map((e) => e.payload?.myNumber)).toEqual([true]);
    expect(log[0]!.terminalId).toBe(terminal.id);
  });

  it('detects a ciphertext altered or moved in the database, logs it, and never shows it', async () => {
    const { v, tokyo } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const db = v.services.database.db;
    const row = await db
      .selectFrom('vault_records')
      .selectAll()
      .where('id', '=', tokyo[3]!)
      .executeTakeFirstOrThrow();
    // One character of the ciphertext changed.
    const sealed = row.sealed_normal!;
    const i = sealed.length - 5;
    const altered = sealed.slice(0, i) + (sealed[i] === 'A' ? 'B' : 'A') + sealed.slice(i + 1);
    await db.updateTable('vault_records').set({ sealed_normal: altered }).where('id', '=', row.id).execute();
    await refused('vault.record_damaged', () =>
      v.services.vault.records.view(staff, v.tokyoFile, tokyo[3]!, { purpose: 'enrolment' }),
    );
    // Another record's (valid) ciphertext copied over this one does not open either.
    const other = await db
      .selectFrom('vault_records')
      .select('sealed_normal')
      .where('id', '=', tokyo[4]!)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('vault_records')
      .set({ sealed_normal: other.sealed_normal })
      .where('id', '=', tokyo[5]!)
      .execute();
    const list = await v.services.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' });
    const damaged = list.records.filter((r) => r.damaged);
    expect(damaged.map((r) => r.id).sort()).toEqual([tokyo[3]!, tokyo[5]!].sort());
    for (const d of damaged) expect(d.values).toEqual({});
    expect(list.records.filter((r) => !r.damaged)).toHaveLength(8);

    // The view's failure first; the list's two in either order (the list reads its records together).
    const failures = await entries(v, 'vault.integrity_failure');
    const [first, ...fromList] = failures;
    const bySubject = (a: { subjectId: string | null }, b: { subjectId: string | null }) =>
      String(a.subjectId).localeCompare(String(b.subjectId));
    expect([first!, ...fromList.sort(bySubject)].map((e) => [e.subjectId, e.outcome, e.payload])).toEqual(
      [tokyo[3], ...[tokyo[3]!, tokyo[5]!].sort()].map((id) => [
        id,
        'error',
        expect.objectContaining({ fileId: v.tokyoFile, group: 'normal', reason: 'tampered' }) as unknown,
      ]),
    );
  });

  it('refuses a read whose access record cannot be written: nothing is served', async () => {
    const { v, tokyo } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const db = v.services.database.db;
    await refuseAccessEntries(db, kind);
    await refused('log.unavailable', () =>
      v.services.vault.records.view(staff, v.tokyoFile, tokyo[0]!, { purpose: 'enrolment' }),
    );
    await refused('log.unavailable', () =>
      v.services.vault.records.list(staff, v.tokyoFile, { purpose: 'enrolment' }),
    );
    await refused('log.unavailable', () =>
      v.services.vault.records.reveal(staff, v.tokyoFile, tokyo[0]!, {
        purpose: 'enrolment',
        fields: ['health'],
      }),
    );
    expect(await entries(v, 'vault.record_viewed')).toEqual([]);
  });

  it('keeps no personal data in plain text in the vault’s tables or the log', async () => {
    const { v } = await withStudents(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    await v.services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'name',
      value: '山川 花子1',
    });
    const db = v.services.database.db;
    const dump = JSON.stringify([
      await db.selectFrom('vault_records').selectAll().execute(),
      await db.selectFrom('vault_index').selectAll().execute(),
      await db.selectFrom('ledger_entries').selectAll().execute(),
    ]);
    for (const s of students('T26'))
      for (const value of [s.student_number, s.name, s.phone.replaceAll('-', ''), s.birth_date, s.class])
        expect(dump).not.toContain(value);
    expect(dump).not.toContain('アレルギー');
  });
});
