import { describe, expect, it } from 'vitest';
import { databases } from '../../../tests/support/databases.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { loadDemo } from '../organisation/demo/load-demo.ts';

// demo-data.md: the demo register has the 24 files (all of 東京 and the headquarters), in every state
// of A20, and the public register shows exactly those accepted and not exempt.
describe.each(databases)('the demo register on %s', (kind) => {
  it('has files in every state, and publishes only the accepted, non-exempt ones', async () => {
    const services = await testServices(kind);
    await loadDemo(services);
    const { files } = services.register;
    const db = services.database.db;
    const person = async (employeeNumber: string) => {
      const row = await db
        .selectFrom('people')
        .select('id')
        .where('employee_number', '=', employeeNumber)
        .executeTakeFirstOrThrow();
      return (await services.identity.ctxFor(row.id, { ip: null, userAgent: null, requestId: null }, null))!;
    };
    const director = await person('E000002'); // 総括管理者
    const all = (await files.list(director)).files;
    expect(all).toHaveLength(26);
    const byName = (name: string) => all.filter((f) => f.name === name);
    expect(byName('学籍ファイル')).toHaveLength(3);
    expect(byName('進路・就職状況ファイル')[0]).toMatchObject({ state: 'draft', status: 'draft' });
    expect(byName('証明書発行ファイル')[0]).toMatchObject({ state: 'draft', status: 'submitted' });
    expect(byName('課外活動・大会参加者ファイル')[0]).toMatchObject({ state: 'draft', status: 'returned' });
    expect(byName('情報システムアカウントファイル')[0]).toMatchObject({
      state: 'registered',
      status: 'draft',
    });
    expect(byName('共同研究・受託研究相手方担当者ファイル')[0]).toMatchObject({ state: 'discontinued' });
    expect(byName('給与・源泉徴収ファイル')[0]).toMatchObject({ myNumber: true, mayHoldRecords: true });
    expect(byName('非常勤講師・謝金支払ファイル')[0]).toMatchObject({
      myNumber: true,
      mayHoldRecords: false,
    });

    const tasks = (await files.inbox(director)).items.map((i) => `${i.task} ${i.name}`).sort();
    expect(tasks).toEqual(['approve_my_number 非常勤講師・謝金支払ファイル', 'decide 証明書発行ファイル']);
    const tokyoPrincipal = await person('E150001');
    expect((await files.inbox(tokyoPrincipal)).items.map((i) => `${i.task} ${i.name}`).sort()).toEqual([
      'revise 課外活動・大会参加者ファイル',
      'submit 情報システムアカウントファイル',
      'submit 進路・就職状況ファイル',
    ]);

    const published = (await services.register.public.entries()).map((e) => e.name);
    expect(published).toHaveLength(14);
    for (const hidden of [
      '学生相談記録ファイル',
      '給与・源泉徴収ファイル',
      '進路・就職状況ファイル',
      '証明書発行ファイル',
      '共同研究・受託研究相手方担当者ファイル',
    ])
      expect(published).not.toContain(hidden);
    expect(published).toContain('情報システムアカウントファイル'); // its accepted version, while amended

    // Issue 6: the demo vault. The 保護担当者 of 東京 教務係 works with the 学籍ファイル; the general
    // staff member has no grant; the handler sees the payroll file but not its My Numbers off-terminal.
    const officer = await person('E150008');
    const mine = (await services.vault.files.list(officer)).files;
    expect(mine.map((f) => f.name)).toEqual(['学籍ファイル']);
    const gakuseki = mine[0]!.fileId;
    const page = await services.vault.records.list(officer, gakuseki, { purpose: 'enrolment', limit: 200 });
    expect(page.records).toHaveLength(200);
    expect(page.records.filter((r) => r.masked.includes('leave_reason'))).toHaveLength(200);
    expect((await services.vault.files.list(await person('E150020'))).files).toEqual([]);
    const handler = await person('E000020');
    const payroll = (await services.vault.files.list(handler)).files;
    expect(payroll.map((f) => f.name)).toEqual(['給与・源泉徴収ファイル']);
    const staff = await services.vault.records.list(handler, payroll[0]!.fileId, { purpose: 'withholding' });
    expect(staff.records).toHaveLength(50);
    expect(staff.records[0]!.masked).toEqual(['my_number']);
    const health = await db
      .selectFrom('vault_records')
      .select('status')
      .where('file_id', 'not in', [gakuseki, payroll[0]!.fileId])
      .execute();
    // The 健康診断 file's 38 active and 2 awaiting their check, and the 成績ファイル's 30 (issue 12:
    // a student in three files).
    expect(health.map((r) => r.status).sort()).toEqual([
      ...Array<string>(38 + 30).fill('active'),
      'pending',
      'pending',
    ]);
  }, 180_000);
});
