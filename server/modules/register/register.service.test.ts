import { describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { databases, type DatabaseKind } from '../../../tests/support/databases.ts';
import { buildOrg, type Org } from '../../../tests/support/org-fixture.ts';
import { fileAt, sampleFields } from '../../../tests/support/register-fixture.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { createPublicRegister } from './register-public.service.ts';

async function setUp(kind: DatabaseKind): Promise<{ services: Services; org: Org }> {
  const services = await testServices(kind);
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'audit_officer', 'auditor');
  await org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', {
    unitId: org.units.nagaoka,
  });
  return { services, org };
}

/** Rows of the register and audit events other than denials: what a refused call must leave as it was. */
async function counts(services: Services) {
  const db = services.database.db;
  const n = async (q: Promise<{ n: number | string }>) => Number((await q).n);
  return {
    files: await n(
      db
        .selectFrom('register_files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    versions: await n(
      db
        .selectFrom('register_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    audits: await n(
      db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', 'like', 'register.%')
        .executeTakeFirstOrThrow(),
    ),
  };
}

const publicNames = async (services: Services) =>
  (await services.register.public.entries()).map((e) => e.name);

describe.each(databases)('the register of personal information files (A20) on %s', (kind) => {
  it('drafted by the section, submitted by the 総括保護管理者, accepted by the 総括管理者, then public (A20-1, A20-2)', async () => {
    const { services, org } = await setUp(kind);
    const files = services.register.files;
    const manager = await org.as('tokyoKyomuHead'); // 保護管理者 of 東京 教務係
    const chief = await org.as('tokyoPrincipal'); // 総括保護管理者 of 東京
    const director = await org.as('director1'); // 総括管理者
    const where = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };

    const drafted = await files.create(manager, { ...where, fields: sampleFields() });
    expect(drafted).toMatchObject({ state: 'draft', current: null, published: false, actions: ['edit'] });
    expect(drafted.open).toMatchObject({ number: 1, status: 'draft' });
    expect(await publicNames(services)).toEqual([]);

    // The section cannot submit for itself, nor the 総括保護管理者 accept (A20-1, A20-2).
    await expect(files.submit(manager, drafted.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    const submitted = await files.submit(chief, drafted.id);
    expect(submitted.open).toMatchObject({ status: 'submitted' });
    expect(await publicNames(services)).toEqual([]);
    await expect(files.accept(chief, drafted.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(files.edit(manager, drafted.id, sampleFields())).rejects.toMatchObject({
      code: 'register.wrong_state',
    });

    const accepted = await files.accept(director, drafted.id);
    expect(accepted).toMatchObject({
      state: 'registered',
      published: true,
      open: null,
      mayHoldRecords: true,
    });
    expect(accepted.current).toMatchObject({ number: 1, status: 'accepted' });
    const [entry] = await services.register.public.entries();
    expect(entry).toMatchObject({
      id: drafted.id,
      name: '学籍ファイル',
      agencyName: '独立行政法人国立高等専門学校機構',
      recordItems: ['学生番号', '氏名', 'フリガナ', '性別', '生年月日', '現住所', '電話番号'],
      kind: 'computer',
    });
    // Nothing internal is in the public entry.
    expect(Object.keys(entry!)).not.toEqual(expect.arrayContaining(['exemption', 'myNumber', 'sensitivity']));

    const types = (await services.ledger.list(services.database.db, { subjectId: drafted.id })).map(
      (e) => e.type,
    );
    expect(types.sort()).toEqual(['register.accepted', 'register.file_drafted', 'register.submitted']);
  });

  it('publishes an amendment only once accepted, keeps every version and shows the diff (A20-3)', async () => {
    const { services, org } = await setUp(kind);
    const files = services.register.files;
    const id = await fileAt(
      services,
      { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu },
      'registered',
    );
    const manager = await org.as('tokyoKyomuHead');

    const amending = await files.amend(manager, id);
    expect(amending.open).toMatchObject({ number: 2, status: 'draft' });
    await expect(files.amend(manager, id)).rejects.toMatchObject({ code: 'register.version_open' });
    await files.edit(
      manager,
      id,
      sampleFields({ purpose: '学籍の管理及び証明書の発行のため', recordItems: ['学生番号', '氏名'] }),
    );
    // Until accepted, the public still sees version 1.
    expect((await services.register.public.entries())[0]!.purpose).toBe(sampleFields().purpose);
    await files.submit(await org.as('tokyoPrincipal'), id);
    await files.accept(await org.as('director1'), id);
    expect((await services.register.public.entries())[0]).toMatchObject({
      purpose: '学籍の管理及び証明書の発行のため',
      recordItems: ['学生番号', '氏名'],
    });

    const { versions } = await files.history(manager, id);
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'accepted'],
    ]);
    const { changes } = await files.diff(manager, id, 1, 2);
    expect(changes.map((c) => c.field)).toEqual(['purpose', 'recordItems']);
    expect(changes[0]).toMatchObject({
      before: sampleFields().purpose,
      after: '学籍の管理及び証明書の発行のため',
    });
  });

  it('returns a submission with reasons; the section revises and resubmits', async () => {
    const { services, org } = await setUp(kind);
    const files = services.register.files;
    const id = await fileAt(
      services,
      { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu },
      'submitted',
    );
    const director = await org.as('director1');
    // A blank reason is not a reason (the HTTP layer answers request.invalid).
    await expect(files.returnForCorrection(director, id, { reason: ' ' })).rejects.toMatchObject({
      name: 'ZodError',
      issues: [expect.objectContaining({ path: ['reason'] })],
    });
    const returned = await files.returnForCorrection(director, id, {
      reason: '記録範囲に専攻科生を含めてください。',
    });
    expect(returned.open).toMatchObject({
      status: 'returned',
      returnReason: '記録範囲に専攻科生を含めてください。',
    });
    const manager = await org.as('tokyoKyomuHead');
    expect((await files.inbox(manager)).items).toMatchObject([{ fileId: id, task: 'revise' }]);
    await files.edit(manager, id, sampleFields({ recordRange: '在籍する（した）本科学生及び専攻科生' }));
    expect((await files.inbox(await org.as('tokyoPrincipal'))).items).toMatchObject([
      { fileId: id, task: 'submit' },
    ]);
    await files.submit(await org.as('tokyoPrincipal'), id);
    expect((await files.inbox(director)).items).toMatchObject([{ fileId: id, task: 'decide' }]);
    expect((await files.accept(director, id)).current?.fields.recordRange).toBe(
      '在籍する（した）本科学生及び専攻科生',
    );
  });

  it('never shows an exempt, unfinished or struck entry to the public (法74②, A20-4)', async () => {
    const { services, org } = await setUp(kind);
    const files = services.register.files;
    const kyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    const exempt = await fileAt(services, kyomu, 'registered', {
      name: '編入学者選抜ファイル',
      exemption: 'under_1000',
    });
    await fileAt(services, kyomu, 'draft', { name: '作成中のファイル' });
    await fileAt(services, kyomu, 'submitted', { name: '提出中のファイル' });
    const struck = await fileAt(services, kyomu, 'registered', { name: '廃止するファイル' });
    await fileAt(services, kyomu, 'registered', { name: '公表するファイル' });
    expect((await publicNames(services)).sort()).toEqual(['公表するファイル', '廃止するファイル']);
    expect((await files.detail(await org.as('director1'), exempt)).published).toBe(false);
    await expect(services.register.public.entry(exempt)).rejects.toMatchObject({
      code: 'register.file_not_found',
    });

    const chief = await org.as('tokyoPrincipal');
    const after = await files.discontinue(chief, struck, { reason: '学籍システムへの統合により保有を終了' });
    expect(after).toMatchObject({ state: 'discontinued', published: false, actions: [] });
    expect(await publicNames(services)).toEqual(['公表するファイル']);
    await expect(services.register.public.entry(struck)).rejects.toMatchObject({
      code: 'register.file_not_found',
    });
    // Kept in history, and closed to further change.
    expect((await files.history(chief, struck)).versions).toHaveLength(1);
    await expect(files.amend(await org.as('tokyoKyomuHead'), struck)).rejects.toMatchObject({
      code: 'register.discontinued',
    });
  });

  it('shows a change made on one app server at once on another, which keeps its own copy of the public register', async () => {
    const { services, org } = await setUp(kind);
    const other = createPublicRegister({
      database: services.database,
      names: () => services.organisation.units.names(),
    });
    expect(await other.entries()).toEqual([]);
    const kyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    const id = await fileAt(services, kyomu, 'registered');
    expect((await other.entries()).map((e) => e.id)).toEqual([id]);
    await services.register.files.amend(
      await org.as('tokyoKyomuHead'),
      id,
      sampleFields({ name: '学籍簿ファイル' }),
    );
    await services.register.files.submit(await org.as('tokyoPrincipal'), id);
    await services.register.files.accept(await org.as('director1'), id);
    expect((await other.find({ q: '学籍簿' })).found.map((e) => e.name)).toEqual(['学籍簿ファイル']);
    await services.register.files.discontinue(await org.as('tokyoPrincipal'), id, { reason: '保有の終了' });
    expect(await other.entries()).toEqual([]);
    await expect(other.entry(id)).rejects.toMatchObject({ code: 'register.file_not_found' });
  });

  it('holds records in a My Number file only after the 総括管理者 approves it (A20-5)', async () => {
    const { services, org } = await setUp(kind);
    const files = services.register.files;
    const kyuyo = { unitId: org.units.hq, sectionId: org.sections.kyuyo };
    const id = await fileAt(services, kyuyo, 'registered', {
      name: '給与・源泉徴収ファイル',
      department: '本部事務局 人事課給与係',
      myNumber: true,
      exemption: 'personnel',
    });
    expect(await files.mayHoldRecords(id)).toBe(false);
    await expect(files.approveMyNumber(await org.as('secretaryGeneral'), id)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const director = await org.as('director1');
    expect((await files.inbox(director)).items).toMatchObject([{ fileId: id, task: 'approve_my_number' }]);
    const approved = await files.approveMyNumber(director, id);
    expect(approved).toMatchObject({ myNumber: true, mayHoldRecords: true });
    expect(approved.myNumberApprovedAt).not.toBeNull();
    await expect(files.approveMyNumber(director, id)).rejects.toMatchObject({
      code: 'register.already_approved',
    });
    expect(await files.mayHoldRecords(id)).toBe(true);

    const plain = await fileAt(services, kyuyo, 'registered', { department: '本部事務局 人事課給与係' });
    await expect(files.approveMyNumber(director, plain)).rejects.toMatchObject({
      code: 'register.not_my_number_file',
    });
  });

  it('refuses the wrong role, the wrong college and a bad entry, writing nothing but the denial', async () => {
    const { services, org } = await setUp(kind);
    const files = services.register.files;
    const tokyoKyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    const before = await counts(services);
    const refuse = async (code: string, call: () => Promise<unknown>) => {
      await expect(call()).rejects.toMatchObject({ code });
      expect(await counts(services)).toEqual(before);
    };
    // The 長岡 校長 and the 図書係 cannot draft for 東京 教務係; staff without a role cannot at all.
    await refuse('auth.forbidden', async () =>
      files.create(await org.as('nagaokaPrincipal'), { ...tokyoKyomu, fields: sampleFields() }),
    );
    await refuse('auth.forbidden', async () =>
      files.create(await org.as('tokyoKyomuStaff1'), { ...tokyoKyomu, fields: sampleFields() }),
    );
    const manager = await org.as('tokyoKyomuHead');
    // A section of another unit, a section that does not handle personal information (A6).
    const chief = await org.as('tokyoPrincipal');
    await refuse('register.section_not_in_unit', () =>
      files.create(chief, {
        unitId: org.units.tokyo,
        sectionId: org.sections.nagaokaKyomu,
        fields: sampleFields(),
      }),
    );
    await refuse('register.section_not_handling', () =>
      files.create(chief, {
        unitId: org.units.tokyo,
        sectionId: org.sections.tokyoGakusei,
        fields: sampleFields(),
      }),
    );
    await refuse('register.exemption_ground_missing', () =>
      files.create(manager, { ...tokyoKyomu, fields: sampleFields({ exemption: 'contained' }) }),
    );
    await refuse('register.anon_office_missing', () =>
      files.create(manager, { ...tokyoKyomu, fields: sampleFields({ anonProposalsInvited: true }) }),
    );
    await expect(
      files.create(manager, { ...tokyoKyomu, fields: sampleFields({ recordItems: [] }) }),
    ).rejects.toMatchObject({
      name: 'ZodError',
      issues: [expect.objectContaining({ path: ['fields', 'recordItems'] })],
    });
    expect(await counts(services)).toEqual(before);
    // Readers: the 監査責任者 reads every file but changes none; the 長岡 校長 sees none of 東京's.
    const id = await fileAt(services, tokyoKyomu, 'draft');
    const auditor = await org.as('auditor');
    expect((await files.detail(auditor, id)).actions).toEqual([]);
    await expect(files.edit(auditor, id, sampleFields())).rejects.toMatchObject({ code: 'auth.forbidden' });
    // Out of the reader's scope, a file is as good as missing (its existence does not leak).
    await expect(files.detail(await org.as('nagaokaPrincipal'), id)).rejects.toMatchObject({
      code: 'register.file_not_found',
    });
    expect((await files.list(await org.as('nagaokaPrincipal'))).files).toEqual([]);
    expect((await files.list(auditor)).files.map((f) => f.id)).toEqual([id]);
  });
});
