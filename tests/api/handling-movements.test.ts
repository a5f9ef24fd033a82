/**
 * Transmission (A12(2)), media sent out or taken out and returned (A12(3)) and the register of
 * media (A14), issue 7, on SQLite and PostgreSQL. 東京 教務係's 学籍ファイル is an ordinary file: a
 * transmission needs no approval, a medium leaving the office needs the 保護管理者's (rules/acts.ts).
 * 清水 holds a grant with transmit and take_out; 鈴木 one with read only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { MovementInput } from '../../shared/api/handling-movements.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { students } from '../support/vault-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { MutableClock } from './support/mutable-clock.ts';

const DAY = 24 * 60;

describe.each(databases)('movements and the register of media on %s (A12(2), A12(3), A14)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  let clock: MutableClock;
  const m = () => services.handling.movements;

  beforeEach(async () => {
    clock = new MutableClock();
    services = await testServices(kind, { clock });
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  const registerUsb = (label = '教務係 USBメモリ No.3') =>
    m().media.register(o.staff, {
      label,
      kind: 'usb',
      storagePlace: '教務係 施錠キャビネットA',
      fileIds: [o.tokyoFile],
    });

  const transmit = (over: Partial<MovementInput> = {}): MovementInput => ({
    kind: 'transmit',
    fileId: o.tokyoFile,
    purpose: 'enrolment',
    recordsCount: 10,
    recordsDescription: '3年生の在籍者数の集計に用いる学生番号と学科',
    recipient: '文部科学省 高等教育局 専門教育課',
    means: 'secure_file_transfer',
    plannedAt: '2026-11-30',
    reason: '学校基本調査の回答のため',
    ...over,
  });

  const takeOut = (mediumId: string, over: Partial<MovementInput> = {}): MovementInput => ({
    kind: 'take_out',
    fileId: o.tokyoFile,
    purpose: 'enrolment',
    recordsCount: 10,
    recordsDescription: '3年生の学生番号・氏名・学科（成績会議資料）',
    recipient: '東京高専 第2キャンパス 会議室',
    means: 'hand_carry',
    plannedAt: '2026-11-30',
    dueBack: '2026-12-01',
    reason: '第2キャンパスでの成績会議のため',
    mediumId,
    ...over,
  });

  it('registers media of the section, lists them to its people and overseers, and records a change of place (A14)', async () => {
    const usb = await registerUsb();
    expect(usb).toMatchObject({
      status: 'stored',
      kind: 'usb',
      sectionId: o.sections.tokyoKyomu,
      canEdit: true,
    });
    expect(usb.files.map((f) => f.id)).toEqual([o.tokyoFile]);

    const colleague = await o.as('tokyoKyomuStaff2');
    expect((await m().media.list(colleague, {})).media.map((x) => x.id)).toEqual([usb.id]);
    const principal = await o.as('tokyoPrincipal');
    const seen = await m().media.list(principal, {});
    expect(seen.media.map((x) => x.id)).toEqual([usb.id]);
    expect(seen.media[0]!.canEdit).toBe(false);
    // Another section's head sees none of it, and cannot read it by its id.
    const tosho = await o.as('tokyoToshoHead');
    expect((await m().media.list(tosho, {})).media).toEqual([]);
    await expect(m().media.get(tosho, usb.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    // The 総括保護管理者 oversees; registering is the section's (A14).
    await expect(
      m().media.register(principal, { label: 'x', kind: 'paper', storagePlace: 'y', fileIds: [o.tokyoFile] }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    // Files of two sections are not one medium's.
    await expect(
      m().media.register(o.staff, {
        label: '混在',
        kind: 'usb',
        storagePlace: '教務係',
        fileIds: [o.tokyoFile, o.payrollFile],
      }),
    ).rejects.toMatchObject({ code: 'handling.medium_files_invalid' });

    const moved = await m().media.updatePlace(colleague, usb.id, {
      storagePlace: '教務係 施錠キャビネットB',
      reason: 'キャビネットAの故障のため',
    });
    expect(moved.storagePlace).toBe('教務係 施錠キャビネットB');
    const [entry] = await services.ledger.list(services.database.db, {
      type: 'handling.medium_place_changed',
    });
    expect(entry).toMatchObject({ subjectId: usb.id, reason: 'キャビネットAの故障のため' });
    expect(entry!.payload).toMatchObject({
      before: { storagePlace: '教務係 施錠キャビネットA' },
      after: { storagePlace: '教務係 施錠キャビネットB' },
    });
  });

  it('records a transmission at once where the file needs no approval, in the ledger and the lists (A12(2))', async () => {
    const done = await m().movements.record(o.staff, transmit());
    expect(done).toMatchObject({ state: 'done', approvalRequired: false, requestNumber: 'R2026-000001' });
    expect((await m().movements.list(o.staff, { box: 'mine' })).movements.map((x) => x.id)).toEqual([
      done.id,
    ]);
    const manager = await o.as('tokyoKyomuHead');
    expect((await m().movements.list(manager, { box: 'section' })).movements.map((x) => x.id)).toEqual([
      done.id,
    ]);
    const request = await services.approvals.approvals.row(done.requestId);
    expect(request).toMatchObject({ status: 'done', kind: 'transmit', decided_by: null });
    const [act] = await services.ledger.list(services.database.db, { type: 'handling.transmitted' });
    expect(act!.payload).toMatchObject({ approval: 'not_required', number: 'R2026-000001' });

    // No grant permission, no transmission, approval or not (A11-2).
    const colleague = await o.as('tokyoKyomuStaff2');
    await expect(m().movements.record(colleague, transmit())).rejects.toMatchObject({
      code: 'vault.permission_missing',
    });
    // Where the 総括保護管理者 makes transmissions of the file need approval, the direct act is refused.
    const principal = await o.as('tokyoPrincipal');
    const view = await services.handling.rules.view(principal, o.tokyoFile);
    await services.handling.rules.update(principal, o.tokyoFile, {
      rules: { ...view.rules, transmit: 'protection_manager' },
      reason: '外部送信を承認制とするため',
    });
    await expect(m().movements.record(o.staff, transmit())).rejects.toMatchObject({
      code: 'approval.required',
    });
    expect((await m().movements.list(o.staff, { box: 'mine' })).movements).toHaveLength(1);
  });

  it('takes a medium out only with the 保護管理者’s approval, once at a time, and takes it back (A12(3))', async () => {
    const usb = await registerUsb();
    // Media need approval on every file: the direct act is refused and nothing is written.
    await expect(m().movements.record(o.staff, takeOut(usb.id))).rejects.toMatchObject({
      code: 'approval.required',
    });
    expect((await m().media.get(o.staff, usb.id)).status).toBe('stored');
    expect((await m().movements.list(o.staff, {})).movements).toEqual([]);
    await expect(m().movements.request(o.staff, takeOut(usb.id, { dueBack: null }))).rejects.toMatchObject({
      code: 'handling.due_back_required',
    });

    const asked = await m().movements.request(o.staff, takeOut(usb.id));
    expect(asked).toMatchObject({ state: 'requested', approvalRequired: true, canCarryOut: false });
    // Not yet approved: not carried out.
    await expect(m().movements.carryOut(o.staff, asked.id)).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    await o.approve(asked.requestId);
    const out = await m().movements.carryOut(o.staff, asked.id);
    expect(out).toMatchObject({ state: 'out', doneByName: '清水 大輔', overdue: false });
    expect((await services.approvals.approvals.row(asked.requestId))!.status).toBe('done');
    expect((await m().media.get(o.staff, usb.id)).status).toBe('out');
    await expect(m().movements.carryOut(o.staff, asked.id)).rejects.toMatchObject({
      code: 'handling.movement_done',
    });

    // A second take-out of the same medium, approved, cannot take it while it is out.
    const again = await m().movements.request(
      o.staff,
      takeOut(usb.id, { plannedAt: '2026-12-01', dueBack: '2026-12-02' }),
    );
    await o.approve(again.requestId);
    await expect(m().movements.carryOut(o.staff, again.id)).rejects.toMatchObject({
      code: 'handling.medium_not_stored',
    });
    expect((await m().movements.get(o.staff, again.id)).state).toBe('approved');

    const back = await m().movements.returned(o.staff, out.id, { storagePlace: '教務係 施錠キャビネットA' });
    expect(back).toMatchObject({ state: 'returned', returnedByName: '清水 大輔' });
    expect((await m().media.get(o.staff, usb.id)).status).toBe('stored');
    await expect(
      m().movements.returned(o.staff, out.id, { storagePlace: '教務係 施錠キャビネットA' }),
    ).rejects.toMatchObject({ code: 'handling.movement_not_out' });
    // Back in its place, it can go out again under the second approval.
    expect((await m().movements.carryOut(o.staff, again.id)).state).toBe('out');
    const types = (await services.ledger.list(services.database.db, { subjectType: 'HandlingMovement' })).map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === 'handling.medium_taken_out')).toHaveLength(2);
    expect(types.filter((t) => t === 'handling.medium_returned')).toHaveLength(1);
  });

  it('refuses an approved take-out to someone whose grant no longer allows it (an approval never widens a grant)', async () => {
    const usb = await registerUsb();
    const asked = await m().movements.request(o.staff, takeOut(usb.id));
    await o.approve(asked.requestId);
    const sys = systemCtx('test');
    const grant = await services.database.db
      .selectFrom('vault_grants')
      .select('id')
      .where('person_id', '=', o.people.tokyoKyomuStaff1)
      .executeTakeFirstOrThrow();
    await services.vault.grants.revoke(sys, grant.id, { reason: '担当替えのため' });
    await o.grant(o.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read', 'export'] });
    await expect(m().movements.carryOut(o.staff, asked.id)).rejects.toMatchObject({
      code: 'vault.permission_missing',
    });
    expect((await m().media.get(o.staff, usb.id)).status).toBe('stored');
    expect((await services.approvals.approvals.row(asked.requestId))!.status).toBe('approved');
  });

  it('flags an overdue return to the holder and the 保護管理者 once a day, without personal data', async () => {
    const usb = await registerUsb();
    const asked = await m().movements.request(o.staff, takeOut(usb.id));
    await o.approve(asked.requestId);
    await m().movements.carryOut(o.staff, asked.id);
    expect(await m().overdue.flag()).toBe(0); // due back tomorrow

    clock.advanceMinutes(2 * DAY); // 2026-12-02: one day late
    expect(await m().overdue.flag()).toBe(1);
    expect(await m().overdue.flag()).toBe(0); // not twice the same day
    const told = await services.database.db
      .selectFrom('notifications')
      .select(['person_id', 'data'])
      .where('kind', '=', 'movement.return_overdue')
      .execute();
    expect(told.map((n) => n.person_id).sort()).toEqual(
      [o.people.tokyoKyomuStaff1, o.people.tokyoKyomuHead].sort(),
    );
    const manager = await o.as('tokyoKyomuHead');
    const overdue = await m().movements.list(manager, { box: 'overdue' });
    expect(overdue.movements.map((x) => [x.id, x.overdue])).toEqual([[asked.id, true]]);
    expect((await m().media.get(manager, usb.id)).outWith).toMatchObject({
      movementId: asked.id,
      overdue: true,
    });
    expect(await m().gaps()).toMatchObject([
      { kind: 'media_return_overdue', sectionId: o.sections.tokyoKyomu },
    ]);

    clock.advanceMinutes(DAY); // the next day it is flagged again, once
    expect(await m().overdue.flag()).toBe(1);
    await m().movements.returned(manager, asked.id, { storagePlace: '教務係 施錠キャビネットA' });
    clock.advanceMinutes(DAY);
    expect(await m().overdue.flag()).toBe(0);
    expect(await m().gaps()).toEqual([]);

    // Nothing of the students is in the log or in what people are told.
    const entries = await services.ledger.list(services.database.db, { limit: 1000 });
    const text = JSON.stringify([entries, told]);
    for (const s of students('T26')) {
      expect(text).not.toContain(s.name);
      expect(text).not.toContain(s.student_number);
      expect(text).not.toContain(s.phone);
    }
  });
});
