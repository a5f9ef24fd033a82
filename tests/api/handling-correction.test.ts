import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { testServices } from '../support/test-services.ts';

/** Fictional words of a report and values of a record: none may appear in plain text anywhere. */
const DESCRIPTION = '本人から電話番号が 090-7777-4321 に変わったと連絡あり（架空）';
const NEW_PHONE = '090-7777-4321';
const OLD_PHONE = '090-0000-1001'; // the second student's phone in vault-fixture
/** Phone numbers as the vault keeps them (digits only). */
const digits = (phone: string) => phone.replace(/-/g, '');

describe.each(databases)('correction of errors (A13) on %s', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  beforeEach(async () => {
    services = await testServices(kind);
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  const corrections = () => services.handling.corrections;
  const kinds = async (person: Parameters<HandlingOrg['as']>[0]) =>
    (await services.approvals.notifications.list(await o.as(person))).map((n) => n.kind).sort();

  /** 鈴木 (read only) reports an error in the second student's phone. */
  async function reported() {
    const suzuki = await o.as('tokyoKyomuStaff2');
    return corrections().report(suzuki, {
      fileId: o.tokyoFile,
      recordId: o.records[1]!,
      purpose: 'enrolment',
      fields: ['phone'],
      description: DESCRIPTION,
    });
  }

  /** Every text the database holds about corrections, requests, notifications and the log. */
  async function everythingStored(): Promise<string> {
    const db = services.database.db;
    const tables = ['handling_corrections', 'approval_requests', 'approval_events', 'notifications'] as const;
    const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()));
    const log = await services.ledger.list(db, { limit: 1000 });
    return JSON.stringify([rows, log]);
  }

  it('a reader reports an error: the words are sealed, the 保護管理者 is asked and told', async () => {
    const c = await reported();
    expect(c).toMatchObject({ status: 'reported', fields: [{ key: 'phone', label: '電話番号' }] });
    const row = await services.database.db
      .selectFrom('handling_corrections')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed_report).toMatch(/^v\d+\./);
    // Not in any column of the correction, the request, the notifications or the log.
    expect(await everythingStored()).not.toContain(DESCRIPTION);
    expect(await everythingStored()).not.toContain('090-7777');
    const request = await services.approvals.approvals.row(c.requestId!);
    expect(request).toMatchObject({ kind: 'correction', level: 'protection_manager', status: 'submitted' });
    expect(await kinds('tokyoKyomuHead')).toEqual(['approval.submitted', 'correction.reported']);
    const [entry] = await services.ledger.list(services.database.db, {
      type: 'handling.correction_reported',
    });
    expect(entry!.payload).toMatchObject({ fields: ['phone'], recordId: o.records[1] });
  });

  it('refuses a report by someone without a grant, or on fields outside their grant', async () => {
    const manager = await o.as('tokyoKyomuHead');
    const input = {
      fileId: o.tokyoFile,
      recordId: o.records[1]!,
      purpose: 'enrolment',
      fields: ['phone'],
      description: DESCRIPTION,
    };
    await expect(corrections().report(manager, input)).rejects.toMatchObject({ code: 'vault.no_grant' });
    await o.grant(o.tokyoFile, 'tokyoToshoHead', {
      permissions: ['read'],
      fields: ['student_number', 'name'],
    });
    const narrow = await o.as('tokyoToshoHead');
    await expect(corrections().report(narrow, input)).rejects.toMatchObject({
      code: 'handling.correction_fields_invalid',
    });
    await expect(corrections().report(o.staff, { ...input, description: '  ' })).rejects.toMatchObject({
      code: 'handling.correction_description_required',
    });
    expect(await services.database.db.selectFrom('handling_corrections').selectAll().execute()).toEqual([]);
  });

  it('no correction without the instruction; once instructed, a person with update corrects it', async () => {
    const c = await reported();
    const apply = { requestId: c.requestId!, purpose: 'enrolment', values: { phone: NEW_PHONE } };
    // A13: before the 保護管理者 instructs, nobody corrects.
    await expect(corrections().apply(o.staff, c.id, apply)).rejects.toMatchObject({
      code: 'approval.required',
    });

    // The manager reads the report (logged as an access) and instructs.
    const manager = await o.as('tokyoKyomuHead');
    expect((await corrections().readReport(manager, c.id, {})).description).toBe(DESCRIPTION);
    const [read] = await services.ledger.list(services.database.db, {
      type: 'handling.correction_report_read',
    });
    expect(read).toMatchObject({ kind: 'access', actorId: o.people.tokyoKyomuHead });
    await o.decide('tokyoKyomuHead', c.requestId!, 'approve', '本人確認のうえ電話番号を訂正してください');
    expect(await corrections().get(manager, c.id)).toMatchObject({ status: 'instructed' });
    expect(await kinds('tokyoKyomuStaff2')).toEqual(['approval.approved', 'correction.instructed']);

    // The reporter holds read only: an approval never widens a grant.
    const suzuki = await o.as('tokyoKyomuStaff2');
    await expect(corrections().apply(suzuki, c.id, apply)).rejects.toMatchObject({
      code: 'vault.permission_missing',
    });
    // Only the fields reported and instructed.
    await expect(
      corrections().apply(o.staff, c.id, { ...apply, values: { name: '別人 太郎' } }),
    ).rejects.toMatchObject({ code: 'handling.correction_fields_mismatch' });
    await expect(
      corrections().apply(o.staff, c.id, { ...apply, values: { phone: OLD_PHONE } }),
    ).rejects.toMatchObject({ code: 'handling.correction_no_change' });

    const done = await corrections().apply(o.staff, c.id, apply);
    expect(done).toMatchObject({ status: 'corrected', correctedByName: '清水 大輔', requestStatus: 'done' });
    const record = await services.vault.records.view(o.staff, o.tokyoFile, o.records[1]!, {
      purpose: 'enrolment',
    });
    expect(record.values.phone).toBe(digits(NEW_PHONE));

    // Before and after are kept sealed, and the manager reads them (logged).
    expect(await everythingStored()).not.toContain(digits(OLD_PHONE));
    expect(await everythingStored()).not.toContain(digits(NEW_PHONE));
    const change = await corrections().readChange(manager, c.id, {});
    expect(change.fields).toEqual([
      { key: 'phone', label: '電話番号', before: digits(OLD_PHONE), after: digits(NEW_PHONE) },
    ]);
    const [changeRead] = await services.ledger.list(services.database.db, {
      type: 'handling.correction_change_read',
    });
    expect(changeRead).toMatchObject({ kind: 'access', actorId: o.people.tokyoKyomuHead });
    // 清水 holds reveal: through the gate with a purpose. 鈴木 does not.
    expect((await corrections().readChange(o.staff, c.id, { purpose: 'enrolment' })).fields).toHaveLength(1);
    await expect(corrections().readChange(suzuki, c.id, {})).rejects.toMatchObject({
      code: 'auth.forbidden',
    });

    // The reporter is told; the instruction is used once.
    expect(await kinds('tokyoKyomuStaff2')).toContain('correction.corrected');
    await expect(corrections().apply(o.staff, c.id, apply)).rejects.toMatchObject({
      code: 'handling.correction_not_instructed',
    });
    const [audit] = await services.ledger.list(services.database.db, { type: 'handling.corrected' });
    expect(audit!.payload).toMatchObject({ fields: ['phone'], awaitingCheck: false });
  });

  it('the 保護管理者 dismisses a report: the reporter is told, nothing can be corrected', async () => {
    const c = await reported();
    await o.decide('tokyoKyomuHead', c.requestId!, 'deny', '学生課の原簿と一致しており誤りではありません');
    const suzuki = await o.as('tokyoKyomuStaff2');
    expect(await corrections().get(suzuki, c.id)).toMatchObject({
      status: 'dismissed',
      decisionComment: '学生課の原簿と一致しており誤りではありません',
    });
    expect(await kinds('tokyoKyomuStaff2')).toEqual(['approval.denied', 'correction.dismissed']);
    await expect(
      corrections().apply(o.staff, c.id, {
        requestId: c.requestId!,
        purpose: 'enrolment',
        values: { phone: NEW_PHONE },
      }),
    ).rejects.toMatchObject({ code: 'handling.correction_not_instructed' });
  });

  it('lists: mine for the reporter, the file’s for grant holders, the section’s for its manager; others see nothing', async () => {
    const c = await reported();
    const suzuki = await o.as('tokyoKyomuStaff2');
    expect((await corrections().list(suzuki, { box: 'mine' })).corrections.map((x) => x.id)).toEqual([c.id]);
    expect(
      (await corrections().list(o.staff, { box: 'file', fileId: o.tokyoFile })).corrections.map((x) => x.id),
    ).toEqual([c.id]);
    const manager = await o.as('tokyoKyomuHead');
    expect((await corrections().list(manager, { box: 'managed' })).corrections).toHaveLength(1);
    const nagaoka = await o.as('nagaokaKyomuHead');
    expect((await corrections().list(nagaoka, { box: 'managed' })).corrections).toEqual([]);
    await expect(corrections().get(nagaoka, c.id)).rejects.toMatchObject({
      code: 'handling.correction_not_found',
    });
    await expect(corrections().list(nagaoka, { box: 'file', fileId: o.tokyoFile })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
