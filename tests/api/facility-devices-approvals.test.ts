/**
 * Taking devices out and bringing them in (issue 11; A30-2) over HTTP: 東京 教務係's staff (清水) asks,
 * the section's 保護管理者 (佐藤) decides in the approval engine. A take-out is recorded only under an
 * approved, unused request of that device (else 409 and nothing recorded); one past its day is a gap
 * and its holder and keepers are told once. An approved bring-in registers the device on site.
 * The clock starts at 2026-11-30 (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalView, NotificationView } from '../../shared/api/approvals.ts';
import type {
  BringInListView,
  BringInView,
  DeviceDetailView,
  TakeOutRequestInput,
} from '../../shared/api/facility-devices.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';
import type { HttpClient } from './support/http-client.ts';
import { MutableClock } from './support/mutable-clock.ts';

const base = '/api/facilities/devices';

const takeOut = (over: Partial<TakeOutRequestInput> = {}): TakeOutRequestInput => ({
  destination: '文部科学省 会議室',
  purpose: '説明資料の持参',
  from: '2026-11-30',
  dueBack: '2026-12-02',
  ...over,
});

async function usb(h: ProvisionHarness, label = '教務係 USBメモリ No.1') {
  const body = {
    kind: 'usb_memory',
    label,
    identifier: `S/N ${label}`,
    sectionId: h.o.sections.tokyoKyomu,
    storagePlace: '教務係 施錠キャビネットA',
    encryption: 'file',
    encryptionNote: 'パスワード付き',
    theftPrevention: '施錠保管',
  };
  return bodyOf<DeviceDetailView>(await h.c.manager.post(base, body), 201).device;
}
/** The staff member asks to take `id` out; the device's view and the take-out asked for. */
async function asked(h: ProvisionHarness, id: string, over: Partial<TakeOutRequestInput> = {}) {
  const view = bodyOf<DeviceDetailView>(await h.c.staff.post(`${base}/${id}/take-outs`, takeOut(over)), 201);
  return view.takeOuts.find((t) => t.state === 'requested')!;
}
const approve = async (h: ProvisionHarness, requestId: string) =>
  bodyOf<ApprovalView>(await h.decide(h.c.manager, requestId));
const codeOf = (res: { json: <T>() => T }) => res.json<{ code: string }>().code;
const notices = async (c: HttpClient, kind: string) =>
  bodyOf<{ notifications: NotificationView[] }>(await c.get('/api/notifications')).notifications.filter(
    (n) => n.kind === kind,
  );
const overdueGaps = async (c: HttpClient) =>
  bodyOf<GapReportView>(await c.get('/api/organisation/gaps')).gaps.filter(
    (g) => g.kind === 'device_return_overdue',
  );

describe.each(databases)('facilities: taking devices out and bringing them in on %s', (kind) => {
  it('refuses a take-out without an approved, unused request of that device, and records nothing (A30-2)', async () => {
    const h = await provisionHarness(kind);
    const a = await usb(h);
    const b = await usb(h, '教務係 USBメモリ No.2');
    const record = (c: HttpClient, id: string, body: object = {}) => c.post(`${base}/${id}/take-out`, body);

    // No request at all.
    const none = await record(h.c.manager, a.id);
    expect([none.statusCode, codeOf(none)]).toEqual([409, 'facilities.device_approval_required']);
    // A request not yet decided.
    const pending = await asked(h, a.id);
    expect((await h.c.manager.get(`/api/approvals/${pending.requestId}`)).json<ApprovalView>().kind).toBe(
      'device_take_out',
    );
    for (const c of [h.c.manager, h.c.staff]) {
      const res = await record(c, a.id);
      expect([res.statusCode, codeOf(res)]).toEqual([409, 'facilities.device_approval_required']);
    }
    // Another device's approval does not take this one out.
    const forB = await asked(h, b.id);
    await approve(h, forB.requestId);
    const wrong = await record(h.c.manager, a.id, { takeOutId: forB.id });
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([409, 'facilities.device_approval_required']);
    // A denied request neither.
    bodyOf(await h.decide(h.c.manager, pending.requestId, 'deny', '業務上不要'));
    const denied = await record(h.c.staff, a.id);
    expect([denied.statusCode, codeOf(denied)]).toEqual([409, 'facilities.device_approval_required']);
    // Nothing was recorded: still in store, no taken_out entry, no audit event.
    const after = bodyOf<DeviceDetailView>(await h.c.manager.get(`${base}/${a.id}`));
    expect(after.device.status).toBe('in_store');
    expect(after.history.map((e) => e.kind)).toEqual(['registered', 'take_out_requested']);
    expect(after.takeOuts.map((t) => t.state)).toEqual(['denied']);
    expect(await h.audit('facilities.device_taken_out', a.id)).toEqual([]);
    // Readers who may neither keep nor ask are refused outright.
    expect((await record(h.c.chief, a.id)).statusCode).toBe(403);
  });

  it('takes a device out once under its approval and closes the take-out on return (A30-2)', async () => {
    const h = await provisionHarness(kind);
    const device = await usb(h);
    const url = `${base}/${device.id}`;
    const bad = await h.c.staff.post(`${url}/take-outs`, takeOut({ dueBack: '2026-11-29' }));
    expect([bad.statusCode, codeOf(bad)]).toEqual([422, 'facilities.device_due_invalid']);
    expect((await h.c.staff.post(`${url}/take-outs`, { ...takeOut(), destination: '' })).statusCode).toBe(
      400,
    );
    expect((await h.c.stranger.post(`${url}/take-outs`, takeOut())).statusCode).toBe(404);
    expect((await h.c.chief.post(`${url}/take-outs`, takeOut())).statusCode).toBe(403);

    const asking = await asked(h, device.id);
    await approve(h, asking.requestId);
    const ready = bodyOf<DeviceDetailView>(await h.c.staff.get(url));
    expect(ready.takeOuts[0]).toMatchObject({ state: 'approved' });
    expect(ready.can.recordTakeOut).toBe(true);

    const out = bodyOf<DeviceDetailView>(await h.c.manager.post(`${url}/take-out`, {}));
    expect(out.device).toMatchObject({
      status: 'taken_out',
      holder: { id: h.o.people.tokyoKyomuStaff1 },
      dueDate: '2026-12-02',
      overdue: false,
    });
    expect(out.takeOuts[0]).toMatchObject({ state: 'out', outBy: { id: h.o.people.tokyoKyomuHead } });
    expect((await h.c.manager.get(`/api/approvals/${asking.requestId}`)).json<ApprovalView>().status).toBe(
      'done',
    );
    // The approval is used: it does not take the device out again.
    const twice = await h.c.manager.post(`${url}/take-out`, {});
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'facilities.device_approval_required']);
    const [event] = await h.audit('facilities.device_taken_out', device.id);
    expect(event?.payload).toMatchObject({ number: device.number, requestNumber: asking.requestNumber });

    // The holder records the return; the take-out is closed.
    const back = bodyOf<DeviceDetailView>(await h.c.staff.post(`${url}/take-back`, {}));
    expect(back.device).toMatchObject({ status: 'in_store', holder: null });
    expect(back.takeOuts[0]).toMatchObject({
      state: 'returned',
      returnedBy: { id: h.o.people.tokyoKyomuStaff1 },
    });
    const again = await h.c.manager.post(`${url}/take-back`, {});
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'facilities.device_not_taken_out']);
    // No longer its holder, the staff member may not record returns (403).
    expect((await h.c.staff.post(`${url}/take-back`, {})).statusCode).toBe(403);
    expect(back.history.map((e) => e.kind)).toEqual([
      'registered',
      'take_out_requested',
      'taken_out',
      'taken_back',
    ]);
  });

  it('shows a take-out past its day as a gap and tells its holder and keepers once (A30-2)', async () => {
    const clock = new MutableClock();
    const h = await provisionHarness(kind, { clock });
    const device = await usb(h);
    const other = await usb(h, '教務係 USBメモリ No.2');
    for (const d of [device, other]) {
      const asking = await asked(h, d.id, { dueBack: '2026-12-01' });
      await approve(h, asking.requestId);
      bodyOf(await h.c.manager.post(`${base}/${d.id}/take-out`, {}));
    }
    bodyOf(await h.c.staff.post(`${base}/${other.id}/take-back`, {}));
    expect(await overdueGaps(h.c.chiefManager)).toEqual([]);
    const remind = () => h.services.facilities.devices.remindOverdue();
    expect(await remind()).toBe(0);

    clock.advanceMinutes(3 * 24 * 60); // 2026-12-03: sessions of three days ago have ended
    const c = {
      staff: await h.as('tokyoKyomuStaff1'),
      manager: await h.as('tokyoKyomuHead'),
      outsider: await h.as('tokyoToshoHead'),
      chiefManager: await h.as('director1'),
    };
    expect(await overdueGaps(c.chiefManager)).toEqual([
      expect.objectContaining({
        role: 'protection_manager',
        scopeKind: 'section',
        sectionId: h.o.sections.tokyoKyomu,
        article: 'A30',
        path: `/facilities/devices/${device.id}`,
        label: device.number,
      }),
    ]);
    expect(bodyOf<DeviceDetailView>(await c.staff.get(`${base}/${device.id}`)).device.overdue).toBe(true);
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
    for (const by of [c.staff, c.manager]) {
      const told = await notices(by, 'device.return_overdue');
      expect(told).toHaveLength(1);
      expect(JSON.stringify(told[0])).toContain(device.number);
    }
    expect(await notices(c.outsider, 'device.return_overdue')).toEqual([]);

    bodyOf(await c.manager.post(`${base}/${device.id}/take-back`, {}));
    expect(await overdueGaps(c.chiefManager)).toEqual([]);
  });

  it('registers an approved bring-in as on site in the requester’s section and records its removal (A30-2)', async () => {
    const h = await provisionHarness(kind);
    const body = {
      kind: 'laptop_pc',
      label: '保守業者 ノートPC',
      identifier: 'S/N HX-204',
      ownerDescription: '株式会社サンプル保守',
      purpose: '学籍システムの保守作業',
      from: '2026-11-30',
      until: '2026-12-04',
      storagePlace: '作業者が常時携行',
      encryption: 'full_disk',
    };
    const invalid = await h.c.staff.post(`${base}/bring-ins`, { ...body, until: '2026-11-29' });
    expect([invalid.statusCode, codeOf(invalid)]).toEqual([422, 'facilities.device_due_invalid']);
    const elsewhere = await h.c.staff.post(`${base}/bring-ins`, {
      ...body,
      sectionId: h.o.sections.tokyoTosho,
    });
    expect([elsewhere.statusCode, codeOf(elsewhere)]).toEqual([422, 'facilities.device_not_member']);

    const asking = bodyOf<BringInView>(await h.c.staff.post(`${base}/bring-ins`, body), 201);
    expect(asking).toMatchObject({ state: 'requested', sectionId: h.o.sections.tokyoKyomu, deviceId: null });
    expect(
      bodyOf<BringInListView>(await h.c.manager.get(`${base}/bring-ins`)).bringIns.map((b) => b.id),
    ).toEqual([asking.id]);
    expect(bodyOf<BringInListView>(await h.c.stranger.get(`${base}/bring-ins`)).bringIns).toEqual([]);
    await approve(h, asking.requestId);

    const [approved] = bodyOf<BringInListView>(await h.c.staff.get(`${base}/bring-ins`)).bringIns;
    expect(approved).toMatchObject({ state: 'approved', deviceNumber: 'K2026-0001' });
    const url = `${base}/${approved!.deviceId}`;
    const onSite = bodyOf<DeviceDetailView>(await h.c.staff.get(url));
    expect(onSite.device).toMatchObject({
      status: 'on_site',
      sectionId: h.o.sections.tokyoKyomu,
      ownerDescription: '株式会社サンプル保守',
      onSiteUntil: '2026-12-04',
    });
    expect(onSite.history.map((e) => e.kind)).toEqual(['brought_in']);
    expect((await h.c.stranger.get(url)).statusCode).toBe(404);
    expect((await h.c.staff.post(`${url}/removal`, {})).statusCode).toBe(403);
    // An outside device is neither lent nor taken out as the section's own.
    const lend = await h.c.manager.post(`${url}/check-out`, {
      personId: h.o.people.tokyoKyomuStaff1,
      dueDate: '2026-12-01',
    });
    expect([lend.statusCode, codeOf(lend)]).toEqual([409, 'facilities.device_not_in_store']);

    const removed = bodyOf<DeviceDetailView>(await h.c.manager.post(`${url}/removal`, { note: '作業終了' }));
    expect(removed.device.status).toBe('removed');
    expect(removed.history.map((e) => e.kind)).toEqual(['brought_in', 'removed']);
    const twice = await h.c.manager.post(`${url}/removal`, {});
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'facilities.device_not_on_site']);
  });
});
