import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { OutOfPurposeInput } from '../../shared/api/handling-purpose.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { testServices } from '../support/test-services.ts';

describe.each(databases)('use and provision outside the purpose (A17-2..4, A17の2) on %s', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  beforeEach(async () => {
    services = await testServices(kind);
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  const oop = () => services.handling.outOfPurpose;
  const base = (): OutOfPurposeInput => ({
    fileId: o.tokyoFile,
    recordIds: [o.records[0]!, o.records[1]!],
    ground: 'internal_necessary',
    mode: 'use',
    purpose: '学生相談室との連携による修学支援のため',
    harmStatement: '学内の修学支援に必要な範囲（氏名・学科）に限り、相談室の職員のみが閲覧するため',
    otherLawsChecked: true,
  });

  it('each of the four grounds, with the use or provision it speaks of, goes to the 総括保護管理者', async () => {
    const cases: Pick<OutOfPurposeInput, 'ground' | 'mode' | 'recipient'>[] = [
      { ground: 'consent_or_self', mode: 'provide', recipient: '本人' },
      { ground: 'internal_necessary', mode: 'use' },
      { ground: 'public_body', mode: 'provide', recipient: '東京都教育庁 指導部' },
      { ground: 'statistics_or_benefit', mode: 'provide', recipient: '国立教育政策研究所' },
    ];
    for (const c of cases) {
      const r = await oop().request(o.staff, { ...base(), ...c });
      expect(r).toMatchObject({ status: 'submitted', ground: c.ground, mode: c.mode, recordCount: 2 });
      expect(await services.approvals.approvals.row(r.id)).toMatchObject({
        kind: 'out_of_purpose',
        level: 'chief_protection_manager',
      });
    }
    // The 総括保護管理者 (東京の校長) decides them, not the section's 保護管理者.
    const principal = await o.as('tokyoPrincipal');
    expect((await services.approvals.approvals.list(principal, { box: 'to_decide' })).requests).toHaveLength(
      4,
    );
    const head = await o.as('tokyoKyomuHead');
    expect((await services.approvals.approvals.list(head, { box: 'to_decide' })).requests).toHaveLength(0);
    // A ground and a mode that do not fit: (2) is internal use, (3) and (4) are provision.
    await expect(
      oop().request(o.staff, { ...base(), ground: 'internal_necessary', mode: 'provide', recipient: '某社' }),
    ).rejects.toMatchObject({ code: 'handling.out_of_purpose_ground_mode' });
    await expect(
      oop().request(o.staff, { ...base(), ground: 'public_body', mode: 'use' }),
    ).rejects.toMatchObject({
      code: 'handling.out_of_purpose_ground_mode',
    });
  });

  it('asks why nobody is unduly harmed (A17-2 ただし書), the check of other laws (A17-3), the recipient', async () => {
    await expect(oop().request(o.staff, { ...base(), harmStatement: ' ' })).rejects.toMatchObject({
      code: 'handling.out_of_purpose_harm_required',
    });
    await expect(oop().request(o.staff, { ...base(), otherLawsChecked: false })).rejects.toMatchObject({
      code: 'handling.out_of_purpose_other_laws',
    });
    await expect(
      oop().request(o.staff, { ...base(), ground: 'public_body', mode: 'provide' }),
    ).rejects.toMatchObject({ code: 'handling.out_of_purpose_recipient_required' });
    // Without a grant on the file there is nothing to use (an approval never widens a grant).
    await expect(oop().request(await o.as('tokyoKyomuHead'), base())).rejects.toMatchObject({
      code: 'vault.no_grant',
    });
    await expect(
      oop().request(o.staff, {
        ...base(),
        recordIds: [o.records[0]!, '00000000-0000-4000-8000-000000000000'],
      }),
    ).rejects.toMatchObject({ code: 'handling.out_of_purpose_records_invalid' });
    expect(await services.database.db.selectFrom('approval_requests').selectAll().execute()).toEqual([]);
  });

  it('the use is recorded only once approved; the record ends the request and holds no personal data', async () => {
    const r = await oop().request(o.staff, base());
    const done = { records: 2, doneOn: '2026-11-30' };
    await expect(oop().done(o.staff, r.id, done)).rejects.toMatchObject({ code: 'approval.required' });
    await o.approve(r.id);
    // Only the requester records it.
    await expect(oop().done(await o.as('tokyoKyomuStaff2'), r.id, done)).rejects.toMatchObject({
      code: 'handling.out_of_purpose_not_found',
    });
    await expect(oop().done(await o.as('tokyoPrincipal'), r.id, done)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    expect((await oop().get(o.staff, r.id)).canRecordDone).toBe(true);
    const after = await oop().done(o.staff, r.id, done);
    expect(after).toMatchObject({ status: 'done', canRecordDone: false });
    expect(after.doneAt).not.toBeNull();
    await expect(oop().done(o.staff, r.id, done)).rejects.toMatchObject({ code: 'approval.not_approved' });
    const [entry] = await services.ledger.list(services.database.db, {
      type: 'handling.out_of_purpose_done',
    });
    expect(entry).toMatchObject({ subjectId: r.id, actorId: o.people.tokyoKyomuStaff1 });
    expect(entry!.payload).toMatchObject({ ground: 'internal_necessary', mode: 'use', records: 2 });
    // Ids, codes and counts: no student's name or number in the log's entries of the request.
    const log = JSON.stringify(await services.ledger.list(services.database.db, { subjectId: r.id }));
    expect(log).not.toMatch(/T26\d{4}|高専 一郎|山川/);
  });

  it('A17-4: the 総括保護管理者 limits internal use to named staff; others are refused, provision is not limited', async () => {
    const principal = await o.as('tokyoPrincipal');
    const set = await oop().restriction.update(principal, o.units.tokyo, {
      personIds: [o.people.tokyoKyomuStaff1],
      reason: '学籍情報の目的外の内部利用は教務係の担当者に限る',
    });
    expect(set).toMatchObject({ restricted: true, people: [{ name: '清水 大輔' }], canEdit: true });
    const suzuki = await o.as('tokyoKyomuStaff2');
    await expect(oop().request(suzuki, base())).rejects.toMatchObject({
      code: 'handling.out_of_purpose_restricted',
    });
    const [denied] = await services.ledger.list(services.database.db, { type: 'authz.denied', limit: 1 });
    expect(denied!.payload).toMatchObject({ code: 'handling.out_of_purpose_restricted' });
    expect((await oop().request(o.staff, base())).status).toBe('submitted');
    const provide = { ground: 'public_body', mode: 'provide', recipient: '東京都教育庁' } as const;
    expect((await oop().request(suzuki, { ...base(), ...provide })).status).toBe('submitted');

    // Only the unit's 総括保護管理者 sets it, and only with the unit's staff in office.
    await expect(
      oop().restriction.update(await o.as('tokyoKyomuHead'), o.units.tokyo, {
        personIds: [],
        reason: '解除',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      oop().restriction.update(principal, o.units.tokyo, {
        personIds: [o.people.nagaokaStaff],
        reason: '誤り',
      }),
    ).rejects.toMatchObject({ code: 'handling.restriction_people_invalid' });
    await expect(
      oop().restriction.update(principal, o.units.tokyo, {
        personIds: [o.people.tokyoRetired],
        reason: '誤り',
      }),
    ).rejects.toMatchObject({ code: 'handling.restriction_people_invalid' });
    // Lifted: anyone with a grant may ask again.
    await oop().restriction.update(principal, o.units.tokyo, { personIds: [], reason: '制限の解除' });
    expect((await oop().request(suzuki, base())).status).toBe('submitted');
  });

  it('A17の2: a file with My Numbers only for the uses the My Number Act lists', async () => {
    await o.grant(o.payrollFile, 'kyuyoStaff', { permissions: ['read'] });
    const kimura = await o.as('kyuyoStaff');
    const payroll = {
      ...base(),
      fileId: o.payrollFile,
      recordIds: null,
      ground: 'consent_or_self',
      mode: 'provide',
      recipient: '本人',
    } as const;
    await expect(oop().request(kimura, payroll)).rejects.toMatchObject({
      code: 'handling.my_number_out_of_purpose',
    });
    // 番号法第19条第15号 (捜査・裁判等) is provision only.
    await expect(
      oop().request(kimura, {
        ...payroll,
        ground: 'internal_necessary',
        mode: 'use',
        recipient: '',
        myNumberUse: 'public_interest_procedure',
      }),
    ).rejects.toMatchObject({ code: 'handling.my_number_out_of_purpose' });
    const ok = await oop().request(kimura, { ...payroll, myNumberUse: 'life_body_property' });
    expect(ok).toMatchObject({ status: 'submitted', myNumberFile: true, myNumberUse: 'life_body_property' });
    // Decided by 本部's 総括保護管理者.
    const chief = await o.as('secretaryGeneral');
    expect((await services.approvals.approvals.list(chief, { box: 'to_decide' })).requests).toHaveLength(1);
  });
});
