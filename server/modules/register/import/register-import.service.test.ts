import { describe, expect, it } from 'vitest';
import type { Services } from '../../../app.ts';
import type { EntryFieldsInput } from '../../../../shared/api/register.ts';
import { PUBLISHED_FIELDS } from '../../../../shared/register-fields.ts';
import { databases, type DatabaseKind } from '../../../../tests/support/databases.ts';
import { buildOrg, type Org } from '../../../../tests/support/org-fixture.ts';
import { fileAt, sampleFields } from '../../../../tests/support/register-fixture.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { csvText, csvUtf8 } from '../../../platform/tabular/index.ts';
import { registerTable } from '../public/public-downloads.ts';
import { registerRepo } from '../register.repo.ts';
import type { AppError } from '../../../platform/errors.ts';
import { COLUMN_JA, TEMPLATE_COLUMNS, digestOf } from './parse-register-file.ts';

// Every file below is fictional.

async function setUp(kind: DatabaseKind): Promise<{ services: Services; org: Org }> {
  const services = await testServices(kind);
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', {
    unitId: org.units.nagaoka,
  });
  return { services, org };
}

/** Rows of the register, register audit events, and the public revision: what a refused import leaves as it was. */
async function state(services: Services) {
  const db = services.database.db;
  const n = async (table: 'register_files' | 'register_versions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = Number(
    (
      await db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', 'like', 'register.%')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    files: await n('register_files'),
    versions: await n('register_versions'),
    audits,
    revision: await registerRepo.publicRevision(db),
  };
}

type Row = Partial<Record<keyof typeof COLUMN_JA, string>>;

/** A CSV in template columns; every row a fictional entry with the cells given. */
function csv(rows: Row[]): Uint8Array {
  const base: Row = {
    unit: '東京',
    section: '教務係',
    department: '東京工業高等専門学校 学生課教務係',
    purpose: '学籍に関する事務に利用する。',
    recordItems: '1 学生番号\n2 氏名',
    recordRange: '在籍する（した）本科学生',
    collectionMethod: '本人の届出',
    sensitive: '－',
    requestOffice: '本部事務局総務課',
    kind: '電算処理ファイル',
  };
  return new TextEncoder().encode(
    csvText({
      header: TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]),
      rows: rows.map((r) => TEMPLATE_COLUMNS.map((k) => ({ ...base, ...r })[k] ?? '')),
    }),
  );
}

const publicNames = async (services: Services) =>
  (await services.register.public.entries()).map((e) => e.name).sort();

describe.each(databases)('importing an existing register (A20-1, A20-2) on %s', (kind) => {
  it('previews without writing, then drafts every row in its section as create does (A20-1)', async () => {
    const { services, org } = await setUp(kind);
    const manager = await org.as('tokyoKyomuHead'); // 保護管理者 of 東京 教務係
    const file = csv([{ name: '学籍ファイル' }, { name: '成績ファイル', section: '', importance: '高' }]);
    const before = await state(services);

    const seen = await services.register.import.preview(manager, file, 'draft');
    expect(seen).toMatchObject({
      format: 'utf-8',
      mode: 'draft',
      valid: 2,
      invalid: 0,
      digest: digestOf(file),
    });
    // Without 課等, the section is the one 組織の名称 names (教務係 rather than its parent 学生課).
    expect(seen.rows.map((r) => [r.line, r.unitName, r.sectionName, r.name, r.errors])).toEqual([
      [2, '東京', '教務係', '学籍ファイル', []],
      [3, '東京', '教務係', '成績ファイル', []],
    ]);
    expect(await state(services)).toEqual(before);

    const done = await services.register.import.commit(manager, file, seen.digest, 'draft');
    expect(done).toMatchObject({ mode: 'draft', imported: 2, published: 0 });
    const files = await Promise.all(done.fileIds.map((id) => services.register.files.detail(manager, id)));
    expect(files.map((f) => [f.state, f.sectionId, f.open?.status, f.open?.fields.name, f.current])).toEqual([
      ['draft', org.sections.tokyoKyomu, 'draft', '学籍ファイル', null],
      ['draft', org.sections.tokyoKyomu, 'draft', '成績ファイル', null],
    ]);
    expect(files[1]!.open?.fields.importance).toBe('high');
    // The events of create, marked as the import's, and one for the import.
    const drafted = await services.ledger.list(services.database.db, { subjectId: done.fileIds[0] });
    expect(drafted.map((e) => [e.type, e.actorId, e.sectionId])).toEqual([
      ['register.file_drafted', org.people.tokyoKyomuHead, org.sections.tokyoKyomu],
    ]);
    expect(JSON.stringify(drafted[0]!.payload)).toContain('register_import');
    const [summary] = await services.ledger.list(services.database.db, { type: 'register.imported' });
    expect(summary?.payload).toMatchObject({ mode: 'draft', files: 2, published: 0 });
    // Drafts are not public, and the public revision did not move.
    expect(await publicNames(services)).toEqual([]);
    expect((await state(services)).revision).toBe(before.revision);
    // The 校長 submits them as any draft (A20-1).
    await services.register.files.submit(await org.as('tokyoPrincipal'), done.fileIds[0]!);
  });

  it('writes nothing when one row is wrong, and names the row and column', async () => {
    const { services, org } = await setUp(kind);
    const manager = await org.as('tokyoKyomuHead');
    const file = csv([
      { name: '学籍ファイル' },
      { name: '成績ファイル', kind: '' },
      { name: '図書貸出ファイル', unit: '存在しない学校' },
      { name: '学籍ファイル' },
    ]);
    const before = await state(services);
    const seen = await services.register.import.preview(manager, file, 'draft');
    expect(seen).toMatchObject({ valid: 1, invalid: 3 });
    expect(seen.rows.map((r) => r.errors.map((e) => [e.column, e.code]))).toEqual([
      [],
      [['個人情報ファイルの種別', 'required']],
      [['学校等', 'unknown_unit']],
      [['個人情報ファイルの名称', 'duplicate_in_file']],
    ]);
    expect(seen.rows[3]!.errors[0]!.message.ja).toContain('2行目');

    const refused = await services.register.import.commit(manager, file, seen.digest, 'draft').then(
      () => expect.unreachable('a file with bad rows was imported'),
      (e: unknown) => e as AppError,
    );
    expect(refused).toMatchObject({ code: 'register.import_has_errors', status: 422 });
    expect(refused.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, path: '個人情報ファイルの種別', code: 'required' }),
        expect.objectContaining({ row: 4, path: '学校等', code: 'unknown_unit' }),
      ]),
    );
    expect(JSON.stringify(refused.details)).not.toContain('存在しない学校');
    expect(await state(services)).toEqual(before);
  });

  it('refuses an import whose file is not the one previewed, and a file of an existing name', async () => {
    const { services, org } = await setUp(kind);
    const manager = await org.as('tokyoKyomuHead');
    const seen = await services.register.import.preview(manager, csv([{ name: '学籍ファイル' }]), 'draft');
    const before = await state(services);
    await expect(
      services.register.import.commit(manager, csv([{ name: '別のファイル' }]), seen.digest, 'draft'),
    ).rejects.toMatchObject({ code: 'register.import_stale', status: 409 });
    expect(await state(services)).toEqual(before);

    await fileAt(services, { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu }, 'draft');
    const again = await services.register.import.preview(manager, csv([{ name: ' 学籍ファイル' }]), 'draft');
    expect(again.rows[0]!.errors.map((e) => e.code)).toEqual(['duplicate_existing']);
    // The same name in another section is another file.
    const tosho = await services.register.import.preview(
      await org.as('tokyoPrincipal'),
      csv([{ name: '学籍ファイル', section: '図書係' }]),
      'draft',
    );
    expect(tosho.rows[0]!.errors).toEqual([]);
  });

  it('refuses the wrong role: no register rights, another unit, registered by someone who may not accept', async () => {
    const { services, org } = await setUp(kind);
    const imports = services.register.import;
    const file = csv([{ name: '学籍ファイル', unit: '長岡' }]);
    const before = await state(services);

    // A 保護担当者-less member of staff may not import at all; the 総括管理者 may not draft (A20-1).
    for (const who of ['tokyoKyomuStaff1', 'director1'] as const)
      await expect(imports.preview(await org.as(who), file, 'draft')).rejects.toMatchObject({
        code: 'auth.forbidden',
      });
    // The 保護管理者 of 東京 教務係 may not draft for 長岡: the row says so, and the import is refused.
    const manager = await org.as('tokyoKyomuHead');
    const seen = await imports.preview(manager, file, 'draft');
    expect(seen.rows[0]!.errors.map((e) => [e.column, e.code])).toEqual([['課等', 'forbidden_unit']]);
    await expect(imports.commit(manager, file, seen.digest, 'draft')).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    // Registered needs acceptance (A20-2): not for the 校長, even in the own college.
    const tokyoFile = csv([{ name: '学籍ファイル' }]);
    await expect(
      imports.commit(await org.as('tokyoPrincipal'), tokyoFile, digestOf(tokyoFile), 'registered'),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const { audits, ...rest } = await state(services);
    const { audits: auditsBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // Only the denials were written.
    const denied = await services.ledger.count(services.database.db, { type: 'authz.denied' });
    expect(audits).toBe(auditsBefore);
    expect(denied).toBeGreaterThanOrEqual(4);
  });

  it('registers an approved register at once: public unless exempt, My Number awaiting approval (A20-2, A20-5)', async () => {
    const { services, org } = await setUp(kind);
    const director = await org.as('director1'); // 総括管理者
    const file = csv([
      { name: '学籍ファイル' },
      { name: '相談記録ファイル', exemption: '1000人未満', section: '図書係' },
      { name: '長岡の学籍ファイル', unit: 'nagaoka' },
      { name: '給与ファイル', unit: '本部', section: '給与係', myNumber: '有', exemption: '人事給与' },
    ]);
    const before = await state(services);
    const seen = await services.register.import.preview(director, file, 'registered');
    expect(seen.rows.map((r) => [r.unitName, r.sectionName, r.published, r.myNumber, r.errors])).toEqual([
      ['東京', '教務係', true, false, []],
      ['東京', '図書係', false, false, []],
      ['長岡', '教務係', true, false, []],
      ['本部', '給与係', false, true, []],
    ]);
    const done = await services.register.import.commit(director, file, seen.digest, 'registered');
    expect(done).toMatchObject({ mode: 'registered', imported: 4, published: 2 });

    // The public register shows the published ones at once: the revision moved as accept moves it.
    expect((await state(services)).revision).not.toBe(before.revision);
    expect(await publicNames(services)).toEqual(['学籍ファイル', '長岡の学籍ファイル'].sort());
    const [gakuseki, soudan, , kyuyo] = await Promise.all(
      done.fileIds.map((id) => services.register.files.detail(director, id)),
    );
    expect(gakuseki).toMatchObject({ state: 'registered', published: true, open: null });
    expect(gakuseki!.current).toMatchObject({
      number: 1,
      status: 'accepted',
      decidedBy: org.people.director1,
    });
    expect(soudan).toMatchObject({ state: 'registered', published: false });
    expect(kyuyo).toMatchObject({ myNumber: true, myNumberApprovedAt: null, mayHoldRecords: false });
    expect(kyuyo!.actions).toContain('approve_my_number');
    const events = await services.ledger.list(services.database.db, { subjectId: gakuseki!.id });
    expect(events.map((e) => e.type).sort()).toEqual(['register.accepted', 'register.file_drafted']);
    // A20-3 goes on from there: the section amends the imported entry as any other.
    const amended = await services.register.files.amend(await org.as('tokyoKyomuHead'), gakuseki!.id);
    expect(amended.open).toMatchObject({ number: 2, status: 'draft' });
  });

  it('imports our own download of the public register back (課等 from 組織の名称)', async () => {
    const { services, org } = await setUp(kind);
    const kyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    const entries: EntryFieldsInput[] = [
      sampleFields(),
      sampleFields({
        name: '証明書発行ファイル',
        recordItems: ['申請日', '氏名', '証明書種別'],
        sensitive: true,
        kind: 'manual',
        rei20Para7: true,
        remarks: '=HYPERLINK("http://example.invalid")',
      }),
    ];
    const ids = [];
    for (const f of entries) ids.push(await fileAt(services, kyomu, 'registered', f));
    const download = csvUtf8(registerTable(await services.register.public.entries()));
    // Struck, the names are free again; the download brings the entries back.
    for (const id of ids)
      await services.register.files.discontinue(org.sys, id, { reason: '取込の試験のため' });

    const director = await org.as('director1');
    const seen = await services.register.import.preview(director, download, 'registered');
    expect(seen.ignoredColumns).toEqual(['ID', '最終更新日']);
    expect(seen.rows.map((r) => [r.sectionName, r.errors])).toEqual([
      ['教務係', []],
      ['教務係', []],
    ]);
    await services.register.import.commit(director, download, seen.digest, 'registered');
    const back = await services.register.public.entries();
    const published = (e: object) =>
      Object.fromEntries(PUBLISHED_FIELDS.map((f) => [f.key, (e as Record<string, unknown>)[f.key]]));
    const original = await Promise.all(
      ids.map(async (id) => (await services.register.files.detail(org.sys, id)).current!.fields),
    );
    expect(back.map(published).sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      original
        .map((f) => published({ ...f, agencyName: back[0]!.agencyName }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    );
  });

  it('asks for 課等 when 組織の名称 does not name exactly one section', async () => {
    const { services, org } = await setUp(kind);
    const seen = await services.register.import.preview(
      await org.as('tokyoPrincipal'),
      csv([
        { name: 'A', section: '', department: '東京工業高等専門学校 事務部' },
        { name: 'B', section: '', department: '東京工業高等専門学校 教務係・図書係' },
        { name: 'C', section: '学生課' },
        // Another error in the row does not hide the section 組織の名称 names.
        { name: 'D', section: '', kind: '' },
      ]),
      'draft',
    );
    expect(seen.rows.map((r) => r.errors.map((e) => [e.column, e.code]))).toEqual([
      [['課等', 'section_required']],
      [['課等', 'section_required']],
      // 学生課 holds no personal information of its own (A6).
      [['課等', 'section_not_handling']],
      [['個人情報ファイルの種別', 'required']],
    ]);
    expect(seen.rows[3]!.sectionName).toBe('教務係');
  });
});
