/**
 * A file's place in the vault (issue 6): only a registered computer-processed file opens (A20-5: a
 * My Number file once approved, and only it may have My Number fields); a schema derived from the
 * register's 記録項目 to start from; schema versions that never retype a field; a file that must be
 * reached from a registered terminal of an area (A29, A11の2). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import { isAppError } from '../../server/platform/errors.ts';
import { databases } from '../support/databases.ts';
import { fileAt } from '../support/register-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg, PAYROLL_FIELDS, STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';

async function refused(code: ErrorCode, call: () => Promise<unknown>) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

describe.each(databases)('files in the vault on %s', (kind) => {
  it('opens only registered computer files, with My Number fields only in an approved My Number file', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    const manager = await v.as('tokyoKyomuHead');
    const where = { unitId: v.units.tokyo, sectionId: v.sections.tokyoKyomu };
    const input = { fields: STUDENT_FIELDS, purposes: STUDENT_PURPOSES, important: false };

    const proposal = await services.vault.files.proposal(
      manager,
      await fileAt(services, where, 'registered'),
    );
    expect(proposal.fields.map((f) => f.key)).toEqual([
      'student_number',
      'name',
      'name_kana',
      'f04',
      'birth_date',
      'address',
      'phone',
    ]);
    expect(proposal.purposes[0]).toMatchObject({ code: 'p1', myNumberAct: false });
    expect(proposal.registeredPurpose).toContain('学籍');

    const manual = await fileAt(services, where, 'registered', { kind: 'manual' });
    await refused('vault.not_computer_file', () => services.vault.files.open(manager, manual, input));
    const draft = await fileAt(services, where, 'draft');
    await refused('vault.not_registered', () => services.vault.files.open(manager, draft, input));
    const plain = await fileAt(services, where, 'registered');
    await refused('vault.my_number_fields', () =>
      services.vault.files.open(manager, plain, { ...input, fields: PAYROLL_FIELDS }),
    );
    await refused('vault.settings_invalid', () =>
      services.vault.files.open(manager, plain, { ...input, keyField: 'birth_date' }),
    );
    await services.vault.files.open(manager, plain, { ...input, keyField: 'student_number' });
    await refused('vault.already_open', () => services.vault.files.open(manager, plain, input));
    // Another section's file is not this 保護管理者's to open.
    const tosho = await fileAt(
      services,
      { unitId: v.units.tokyo, sectionId: v.sections.tokyoTosho },
      'registered',
    );
    await refused('auth.forbidden', () => services.vault.files.open(manager, tosho, input));
    const opened = await services.ledger.list(services.database.db, {
      type: 'vault.file_opened',
      subjectId: plain,
    });
    expect(opened).toHaveLength(1);
  });

  it('adds fields in a new schema version and keeps existing records readable, but never retypes a field', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    const id = await v.student(v.tokyoFile, { student_number: 'S0001', name: '版上 一郎' });
    const manager = await v.as('tokyoKyomuHead');
    const retyped = STUDENT_FIELDS.map((f) => (f.key === 'phone' ? { ...f, type: 'text' as const } : f));
    await refused('vault.schema_incompatible', () =>
      services.vault.files.newSchema(manager, v.tokyoFile, { fields: retyped }),
    );
    const next = await services.vault.files.newSchema(manager, v.tokyoFile, {
      fields: [...STUDENT_FIELDS, { key: 'club', label: '部活動', type: 'text', sensitivity: 'normal' }],
    });
    expect(next.schemaVersion).toBe(2);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const record = await services.vault.records.view(staff, v.tokyoFile, id, { purpose: 'enrolment' });
    expect(record.values).toMatchObject({ student_number: 'S0001', club: null });
    const edited = await services.vault.records.update(staff, v.tokyoFile, id, {
      purpose: 'enrolment',
      values: { club: '囲碁部' },
    });
    expect(edited.values).toMatchObject({ name: '版上 一郎', club: '囲碁部' });
  });

  it('refuses every request from outside the file’s required terminal area, and logs it', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    const id = await v.student(v.tokyoFile, { student_number: 'S0002', name: '端末 花子' });
    const manager = await v.as('tokyoKyomuHead');
    const area = await services.terminals.areas.create(manager, {
      unitId: v.units.tokyo,
      sectionId: v.sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 事務室',
    });
    await services.vault.files.updateSettings(manager, v.tokyoFile, {
      purposes: STUDENT_PURPOSES,
      important: false,
      keyField: 'student_number',
      scopeField: 'class',
      terminal: { areaId: area.id },
    });
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await v.as('tokyoKyomuStaff1');
    const view = (ctx = staff) => services.vault.records.view(ctx, v.tokyoFile, id, { purpose: 'enrolment' });
    await refused('terminal.required', () => view());
    const { terminal } = await services.terminals.terminals.request(staff, {
      areaId: area.id,
      label: '教務係PC-3',
      reason: '学籍事務',
    });
    await refused('terminal.required', () => view({ ...staff, terminal: terminal.id })); // not yet approved
    await services.terminals.terminals.approve(manager, terminal.id, {});
    expect((await view({ ...staff, terminal: terminal.id })).values.name).toBe('端末 花子');
    const denied = await services.ledger.list(services.database.db, {
      type: 'authz.denied',
      subjectType: 'Terminal',
    });
    expect(denied).toHaveLength(2);
  });
});
