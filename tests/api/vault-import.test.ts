/**
 * Importing records into the vault (issue 6): a dry run names every problem of every row by line,
 * field and code, never by value; an import with one bad row writes nothing; duplicates are refused
 * within the file and against records already held; a mapping may fill only the fields of the
 * person's grant (A11-1); imported records are sealed and indexed as typed ones are (A25) and, in
 * an important file, wait for a second person's check (A26). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { VaultImportProgressView } from '../../shared/api/vault-import.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Services } from '../../server/app.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { isAppError, type AppError } from '../../server/platform/errors.ts';
import { csvText } from '../../server/platform/tabular/index.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg, students, type VaultOrg } from '../support/vault-fixture.ts';

// Every student here is fictional.
const HEADER = ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号', '健康上の配慮'];
type Student = ReturnType<typeof students>[number];
const cells = (s: Student) => [s.student_number, s.name, s.kana, s.birth_date, s.class, s.phone, s.health];
const csv = (rows: string[][], header = HEADER) => Buffer.from(csvText({ header, rows }), 'utf8');

async function refusal(call: () => Promise<unknown>): Promise<AppError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function refused(code: ErrorCode, call: () => Promise<unknown>) {
  expect((await refusal(call)).code).toBe(code);
}

const count = async (
  services: Services,
  table: 'vault_records' | 'vault_index' | 'vault_imports' | 'vault_changes',
) =>
  Number(
    (
      await services.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function setUp(kind: DatabaseKind, opts: { important?: boolean } = {}) {
  const services = await testServices(kind);
  const v = await buildVaultOrg(services, opts);
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
  const staff = await v.as('tokyoKyomuStaff1');
  const imp = services.vault.import;
  /** Previews, then imports with the preview's digest and mapping, and waits for the end. */
  async function importAll(ctx: Ctx, bytes: Buffer, fileId = v.tokyoFile) {
    const p = await imp.preview(ctx, fileId, { purpose: 'enrolment', bytes });
    const seen: VaultImportProgressView[] = [];
    const started = await imp.commit(
      ctx,
      fileId,
      { purpose: 'enrolment', bytes, mapping: p.mapping, digest: p.digest },
      { onProgress: (x) => seen.push(x) },
    );
    return { preview: p, importId: started.importId, result: await started.done, seen };
  }
  return { services, v, staff, imp, importAll };
}

const entries = async (v: VaultOrg, type: string) =>
  (await v.services.ledger.list(v.services.database.db, { type })).reverse();

describe.each(databases)('importing records into the vault on %s', (kind) => {
  it('an import with one bad row writes nothing, and names that row by line, field and code', async () => {
    const { services, v, staff, imp } = await setUp(kind);
    const rows = students('T27', 5).map(cells);
    rows[2]![3] = '2008-02-30'; // line 4: no such day
    const bytes = csv(rows);
    const preview = await imp.preview(staff, v.tokyoFile, { purpose: 'enrolment', bytes });
    expect(preview).toMatchObject({
      total: 5,
      valid: 4,
      invalid: 1,
      mappingProblems: [],
      keyField: 'student_number',
    });
    expect(preview.rows).toEqual([{ line: 4, errors: [{ field: 'birth_date', code: 'invalid_date' }] }]);

    const before = await services.ledger.count(services.database.db);
    const error = await refusal(() =>
      imp.commit(staff, v.tokyoFile, {
        purpose: 'enrolment',
        bytes,
        mapping: preview.mapping,
        digest: preview.digest,
      }),
    );
    expect(error.code).toBe('vault.import_rows_invalid');
    expect(error.status).toBe(422);
    expect(error.details).toEqual([{ row: 4, path: 'birth_date', code: 'invalid_date' }]);
    // Nothing written but the refusal itself, which carries codes and counts, never values.
    for (const table of ['vault_records', 'vault_index', 'vault_imports', 'vault_changes'] as const)
      expect(await count(services, table)).toBe(0);
    expect(await services.ledger.count(services.database.db)).toBe(before + 1);
    const [refusedEntry] = await entries(v, 'vault.import_refused');
    expect(refusedEntry).toMatchObject({ outcome: 'denied', actorId: v.people.tokyoKyomuStaff1 });
    expect(refusedEntry!.payload).toMatchObject({ rows: 5, invalid: 1, codes: { invalid_date: 1 } });
    expect(await entries(v, 'vault.records_imported')).toEqual([]);
    // No personal data in what the refusal and the dry run answer, nor in the log.
    const said = JSON.stringify([error.details, error.message, preview, refusedEntry]);
    for (const value of rows.flat().filter((c) => c.length > 3)) expect(said).not.toContain(value);
  });

  it('refuses a student number repeated in the file or already held, however it is written', async () => {
    const { v, staff, imp } = await setUp(kind);
    const held = await v.student(v.tokyoFile, students('T27', 1)[0]!);
    const rows = students('T27', 4).map(cells);
    rows[0]![0] = 'Ｔ２７０００１'; // held already (full width)
    rows[3]![0] = 't270002'; // the same as line 3
    const preview = await imp.preview(staff, v.tokyoFile, { purpose: 'enrolment', bytes: csv(rows) });
    expect(preview.rows).toEqual([
      { line: 2, errors: [{ field: 'student_number', code: 'duplicate_existing' }] },
      {
        line: 5,
        errors: [{ field: 'student_number', code: 'duplicate_in_file', firstLine: 3 }],
      },
    ]);
    // The dry run read the held record's key: logged, with its id and nothing else.
    const [previewed] = await entries(v, 'vault.import_previewed');
    expect(previewed).toMatchObject({ kind: 'access', purpose: '学籍管理' });
    expect(previewed!.payload).toMatchObject({ records: [held], fields: ['student_number'] });
  });

  it('names the problems of a mapping, checks no row through it, and refuses to import with it', async () => {
    const { v, staff, imp } = await setUp(kind);
    const bytes = csv(students('T27', 3).map(cells));
    const mapping = { student_number: 0, name: null, kana: 2, birth_date: 2, grade: 4, phone: 9 };
    const preview = await imp.preview(staff, v.tokyoFile, { purpose: 'enrolment', bytes, mapping });
    expect(preview.mappingProblems).toEqual([
      { code: 'mapping_column_twice', field: 'birth_date', column: 2 },
      { code: 'mapping_unknown_field', field: 'grade' },
      { code: 'mapping_bad_column', field: 'phone', column: 9 },
      { code: 'mapping_required_missing', field: 'name' },
    ]);
    expect(preview).toMatchObject({ total: 3, valid: 0, invalid: 0, rows: [] });
    const error = await refusal(() =>
      imp.commit(staff, v.tokyoFile, { purpose: 'enrolment', bytes, mapping, digest: preview.digest }),
    );
    expect(error.code).toBe('vault.import_mapping_invalid');
    expect(error.details?.map((d) => d.code)).toContain('mapping_required_missing');

    // Without a mapping the headings suggest one; a changed mapping or file is not the one checked.
    const suggested = await imp.preview(staff, v.tokyoFile, { purpose: 'enrolment', bytes });
    expect(suggested.mapping).toEqual({
      student_number: 0,
      name: 1,
      kana: 2,
      birth_date: 3,
      class: 4,
      phone: 5,
      health: 6,
    });
    await refused('vault.import_stale', () =>
      imp.commit(staff, v.tokyoFile, {
        purpose: 'enrolment',
        bytes,
        mapping: { ...suggested.mapping, health: null },
        digest: suggested.digest,
      }),
    );
  });

  it('lets a grant without a field import no column into it, and logs the refusal', async () => {
    const { v, imp } = await setUp(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff2', {
      fields: ['student_number', 'name', 'kana', 'birth_date', 'class', 'phone'],
    });
    const staff2 = await v.as('tokyoKyomuStaff2');
    const bytes = csv(students('T27', 2).map(cells));
    const preview = await imp.preview(staff2, v.tokyoFile, { purpose: 'enrolment', bytes });
    expect(preview.mapping.health).toBeNull();
    expect(preview.fields.find((f) => f.key === 'health')).toMatchObject({ refused: 'not_granted' });
    await refused('vault.field_not_granted', () =>
      imp.preview(staff2, v.tokyoFile, {
        purpose: 'enrolment',
        bytes,
        mapping: { ...preview.mapping, health: 6 },
      }),
    );
    const denied = (await entries(v, 'authz.denied')).map((e) => e.payload);
    expect(denied).toContainEqual(
      expect.objectContaining({ action: 'import', code: 'vault.field_not_granted' }),
    );

    // Without the create permission there is no import at all.
    await v.grant(v.tokyoFile, 'tokyoToshoHead', { permissions: ['read'] });
    await refused('vault.permission_missing', async () =>
      imp.preview(await v.as('tokyoToshoHead'), v.tokyoFile, { purpose: 'enrolment', bytes }),
    );
  });

  it('marks a row outside the grant’s record scope (another class)', async () => {
    const { v, imp } = await setUp(kind);
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff2', { scope: { groups: ['情報工学科3年'] } });
    const preview = await imp.preview(await v.as('tokyoKyomuStaff2'), v.tokyoFile, {
      purpose: 'enrolment',
      bytes: csv(students('T27', 2).map(cells)),
    });
    expect(preview.rows).toEqual([{ line: 3, errors: [{ field: 'class', code: 'outside_scope' }] }]);
  });

  it('imports 1,000 rows in one go, sealed and indexed: each is found by the search', async () => {
    const { services, v, staff, importAll } = await setUp(kind);
    const all = students('T27', 1000);
    const { importId, result, seen } = await importAll(staff, csv(all.map(cells)));
    expect(result).toMatchObject({
      importId,
      status: 'done',
      total: 1000,
      done: 1000,
      imported: 1000,
      error: null,
    });
    // Progress only grows, batch by batch.
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
    expect(await count(services, 'vault_records')).toBe(1000);

    const found = await services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'student_number',
      value: 'T270777',
    });
    expect(found.records).toHaveLength(1);
    expect(found.records[0]).toMatchObject({ status: 'active', values: { name: all[776]!.name } });
    const byName = await services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'name',
      value: '山川',
    });
    expect(byName.records.length).toBeGreaterThan(10);
    // One audit entry for the import and its row; its progress for its maker, and no one else.
    const [imported] = await entries(v, 'vault.records_imported');
    expect(imported!.payload).toMatchObject({ importId, count: 1000, status: 'active', fileId: v.tokyoFile });
    const row = await services.database.db.selectFrom('vault_imports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: importId, status: 'done', total: 1000, imported: 1000 });
    expect(await services.vault.import.progress(staff, importId)).toMatchObject({ status: 'done' });
    await refused('vault.import_not_found', async () =>
      services.vault.import.progress(await v.as('tokyoKyomuStaff2'), importId),
    );
    // The same file again: every row is now held.
    const again = await services.vault.import.preview(staff, v.tokyoFile, {
      purpose: 'enrolment',
      bytes: csv(all.slice(0, 3).map(cells)),
    });
    expect(again.rows.map((r) => r.errors[0]?.code)).toEqual(Array(3).fill('duplicate_existing'));
  });

  it('puts the records of an important file to a second person’s check (A26)', async () => {
    const { services, v, staff, importAll } = await setUp(kind, { important: true });
    const { result } = await importAll(staff, csv(students('T27', 3).map(cells)));
    expect(result).toMatchObject({ status: 'done', pending: true, imported: 3 });
    const records = await services.database.db.selectFrom('vault_records').select('status').execute();
    expect(records.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    // A second person sees each as a new record to check against its source, and verifies it.
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff2', { permissions: ['read', 'verify'] });
    const checker = await v.as('tokyoKyomuStaff2');
    const { changes } = await services.vault.changes.pending(checker, v.tokyoFile, { purpose: 'enrolment' });
    expect(changes.map((c) => c.kind)).toEqual(['create', 'create', 'create']);
    expect(changes[0]!.values).toMatchObject({ student_number: 'T270001' });
    await services.vault.changes.verify(checker, v.tokyoFile, changes[0]!.id, { purpose: 'enrolment' });
    const found = await services.vault.records.search(staff, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'student_number',
      value: 'T270001',
    });
    expect(found.records.map((r) => r.status)).toEqual(['active']);
  });

  it('undoes everything when writing fails half way, and says so in the import’s row and the log', async () => {
    const { services, v, staff, importAll } = await setUp(kind);
    const { database } = services;
    const insertRows = database.insertRows.bind(database);
    let indexBatches = 0;
    database.insertRows = (tx, table, rows) => {
      if (table === 'vault_index' && ++indexBatches === 2) throw new Error('disk full (simulated)');
      return insertRows(tx, table, rows);
    };
    const { importId, result } = await importAll(staff, csv(students('T27', 2500).map(cells)));
    database.insertRows = insertRows;
    expect(result).toMatchObject({ status: 'failed', error: 'server.error', imported: 0 });
    for (const table of ['vault_records', 'vault_index', 'vault_changes'] as const)
      expect(await count(services, table)).toBe(0);
    const row = await database.db.selectFrom('vault_imports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: importId, status: 'failed', imported: 0, total: 2500 });
    expect(await entries(v, 'vault.records_imported')).toEqual([]);
    const [failed] = await entries(v, 'vault.import_failed');
    expect(failed!.payload).toMatchObject({ importId, code: 'server.error' });
    expect(await services.vault.import.progress(staff, importId)).toMatchObject({ status: 'failed' });
  });

  it('refuses a file it cannot read, an empty one, and an unregistered purpose', async () => {
    const { v, staff, imp } = await setUp(kind);
    await refused('vault.import_invalid_file', () =>
      imp.preview(staff, v.tokyoFile, { purpose: 'enrolment', bytes: Buffer.from([0xff, 0xfe, 0x00, 0x01]) }),
    );
    await refused('vault.import_empty', () =>
      imp.preview(staff, v.tokyoFile, { purpose: 'enrolment', bytes: csv([]) }),
    );
    await refused('vault.purpose_not_registered', () =>
      imp.preview(staff, v.tokyoFile, { purpose: 'marketing', bytes: csv([]) }),
    );
  });
});
