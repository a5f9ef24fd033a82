/**
 * Devices and media over HTTP (issue 11; A14, A30): 東京 教務係's 保護管理者 (佐藤) keeps the section's
 * register; its staff (清水) read it, borrow devices and report a loss; other units see nothing. A
 * lost device opens an incident at once (A34); disposal needs a witness other than the recorder.
 * The clock stands at 2026-11-30 (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { DeviceDetailView, DeviceInput, DeviceListView } from '../../shared/api/facility-devices.ts';
import type { MediumView } from '../../shared/api/handling-movements.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';
import type { HttpClient } from './support/http-client.ts';

const base = '/api/facilities/devices';

const deviceBody = (sectionId: string, over: Partial<DeviceInput> = {}): DeviceInput => ({
  kind: 'laptop_pc',
  label: '教務係 ノートPC No.1',
  identifier: '資産番号 2024-0153',
  sectionId,
  storagePlace: '教務係 施錠キャビネットA',
  encryption: 'full_disk',
  encryptionNote: 'BitLocker',
  theftPrevention: 'ワイヤーロック',
  fileIds: [],
  ...over,
});

async function registered(h: ProvisionHarness, over: Partial<DeviceInput> = {}) {
  return bodyOf<DeviceDetailView>(
    await h.c.manager.post(base, deviceBody(h.o.sections.tokyoKyomu, over)),
    201,
  );
}
const list = async (c: HttpClient, query = '') => bodyOf<DeviceListView>(await c.get(`${base}${query}`));
const notices = async (c: HttpClient, kind: string) =>
  bodyOf<{ notifications: NotificationView[] }>(await c.get('/api/notifications')).notifications.filter(
    (n) => n.kind === kind,
  );
const codeOf = (res: { json: <T>() => T }) => res.json<{ code: string }>().code;

describe.each(databases)('facilities: devices and media over HTTP on %s', (kind) => {
  it('keeps a register of the section’s devices that only its unit and the organisation’s readers see (A14, A30-1)', async () => {
    const h = await provisionHarness(kind);
    const laptop = await registered(h, { fileIds: [h.o.tokyoFile] });
    expect(laptop.device).toMatchObject({
      number: 'K2026-0001',
      kind: 'laptop_pc',
      status: 'in_store',
      encryption: 'full_disk',
      theftPrevention: 'ワイヤーロック',
      sectionId: h.o.sections.tokyoKyomu,
      files: [{ id: h.o.tokyoFile, name: '学籍ファイル' }],
    });
    expect(laptop.history.map((e) => e.kind)).toEqual(['registered']);
    expect(laptop.can).toMatchObject({ edit: true, checkOut: true, dispose: true });
    const usb = await registered(h, {
      kind: 'usb_memory',
      label: '教務係 USBメモリ No.1',
      encryption: 'none',
    });
    expect(usb.device.number).toBe('K2026-0002');
    // Audit events carry ids, numbers and codes, never the label.
    const [event] = await h.audit('facilities.device_registered', usb.device.id);
    expect(event?.payload).toMatchObject({ number: 'K2026-0002' });
    expect(JSON.stringify(event)).not.toContain('USBメモリ No.1');

    // The section's staff and the unit's 総括保護管理者 read; staff do not keep.
    const seen = await list(h.c.staff);
    expect(seen.devices.map((d) => d.number).sort()).toEqual(['K2026-0001', 'K2026-0002']);
    expect(seen.keeperSections).toEqual([]);
    expect(seen.memberSections.map((s) => s.id)).toEqual([h.o.sections.tokyoKyomu]);
    const staffView = bodyOf<DeviceDetailView>(await h.c.staff.get(`${base}/${laptop.device.id}`));
    expect(staffView.can).toMatchObject({
      edit: false,
      checkOut: false,
      requestTakeOut: true,
      reportLost: true,
    });
    expect(staffView.members).toEqual([]);
    expect((await list(h.c.chief)).devices).toHaveLength(2);
    expect((await list(h.c.chiefManager)).devices).toHaveLength(2);
    expect((await list(h.c.manager)).keeperSections).toEqual([
      expect.objectContaining({
        id: h.o.sections.tokyoKyomu,
        files: [{ id: h.o.tokyoFile, name: '学籍ファイル' }],
      }),
    ]);
    // Filters.
    expect((await list(h.c.staff, '?kind=usb_memory')).devices.map((d) => d.number)).toEqual(['K2026-0002']);
    expect((await list(h.c.staff, '?status=checked_out')).devices).toEqual([]);
    expect((await list(h.c.staff, `?sectionId=${h.o.sections.tokyoTosho}`)).devices).toEqual([]);

    // Another unit and another section of the same unit see nothing: 404.
    expect((await list(h.c.stranger)).devices).toEqual([]);
    expect((await list(h.c.outsider)).devices).toEqual([]);
    const hidden = await h.c.stranger.get(`${base}/${laptop.device.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(codeOf(hidden)).toBe('facilities.device_not_found');
    expect((await h.c.outsider.patch(`${base}/${laptop.device.id}`, { label: 'x' })).statusCode).toBe(404);
    expect((await h.c.stranger.post(base, deviceBody(h.o.sections.tokyoKyomu))).statusCode).toBe(404);
    // Staff read but do not register or edit (403, logged).
    expect((await h.c.staff.post(base, deviceBody(h.o.sections.tokyoKyomu))).statusCode).toBe(403);
    expect((await h.c.staff.patch(`${base}/${laptop.device.id}`, { label: 'x' })).statusCode).toBe(403);
    expect((await list(h.c.manager)).devices).toHaveLength(2);

    // The keeper edits; absent fields stay.
    const edited = bodyOf<DeviceDetailView>(
      await h.c.manager.patch(`${base}/${laptop.device.id}`, { storagePlace: '教務係 書庫B' }),
    );
    expect(edited.device).toMatchObject({ storagePlace: '教務係 書庫B', encryptionNote: 'BitLocker' });
    expect(edited.history.map((e) => e.kind)).toEqual(['registered', 'edited']);
  });

  it('shows handling’s media beside the devices, read-only (A14, ADR 0008)', async () => {
    const h = await provisionHarness(kind);
    await registered(h);
    const medium = bodyOf<MediumView>(
      await h.c.manager.post('/api/handling/media', {
        label: '教務係 成績CD-R No.1',
        kind: 'optical',
        storagePlace: '教務係 金庫',
        fileIds: [h.o.tokyoFile],
      }),
      201,
    );
    const seen = await list(h.c.manager);
    expect(seen.media.map((m) => m.id)).toEqual([medium.id]);
    expect(seen.devices.map((d) => d.label)).toEqual(['教務係 ノートPC No.1']);
    expect((await list(h.c.stranger)).media).toEqual([]);
  });

  it('lends a device inside the office to a member of its section and takes it back', async () => {
    const h = await provisionHarness(kind);
    const { device } = await registered(h);
    const url = `${base}/${device.id}`;
    const staffId = h.o.people.tokyoKyomuStaff1;
    // Only to a member of the section, until a day not past.
    const stranger = await h.c.manager.post(`${url}/check-out`, {
      personId: h.o.people.nagaokaStaff,
      dueDate: '2026-12-04',
    });
    expect([stranger.statusCode, codeOf(stranger)]).toEqual([422, 'facilities.device_holder_invalid']);
    const past = await h.c.manager.post(`${url}/check-out`, { personId: staffId, dueDate: '2026-11-29' });
    expect([past.statusCode, codeOf(past)]).toEqual([422, 'facilities.device_due_invalid']);
    const bad = await h.c.manager.post(`${url}/check-out`, { personId: staffId, dueDate: '4 December' });
    expect([bad.statusCode, codeOf(bad)]).toEqual([400, 'request.invalid']);
    expect(
      (await h.c.staff.post(`${url}/check-out`, { personId: staffId, dueDate: '2026-12-04' })).statusCode,
    ).toBe(403);

    const lent = bodyOf<DeviceDetailView>(
      await h.c.manager.post(`${url}/check-out`, { personId: staffId, dueDate: '2026-12-04', note: null }),
    );
    expect(lent.device).toMatchObject({
      status: 'checked_out',
      holder: { id: staffId, name: '清水 大輔' },
      dueDate: '2026-12-04',
      overdue: false,
    });
    const again = await h.c.manager.post(`${url}/check-out`, { personId: staffId, dueDate: '2026-12-04' });
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'facilities.device_not_in_store']);
    expect((await list(h.c.staff, '?status=checked_out')).devices.map((d) => d.id)).toEqual([device.id]);

    const back = bodyOf<DeviceDetailView>(
      await h.c.manager.post(`${url}/check-in`, { storagePlace: '教務係 書庫B' }),
    );
    expect(back.device).toMatchObject({ status: 'in_store', holder: null, storagePlace: '教務係 書庫B' });
    expect(back.history.map((e) => e.kind)).toEqual(['registered', 'checked_out', 'checked_in']);
    expect(back.history[1]).toMatchObject({ person: { id: staffId }, dueDate: '2026-12-04' });
    const twice = await h.c.manager.post(`${url}/check-in`, {});
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'facilities.device_not_checked_out']);
    expect(await h.audit('facilities.device_checked_out', device.id)).toHaveLength(1);
    expect(await h.audit('facilities.device_checked_in', device.id)).toHaveLength(1);
  });

  it('opens an incident at once when anyone who reads a device reports it lost, and tells its keepers (A30, A34)', async () => {
    const h = await provisionHarness(kind);
    const { device } = await registered(h, {
      kind: 'usb_memory',
      label: '教務係 USBメモリ No.1',
      fileIds: [h.o.tokyoFile],
    });
    const url = `${base}/${device.id}`;
    const future = await h.c.staff.post(`${url}/lost`, { awareAt: '2026-12-01T09:00:00+09:00' });
    expect([future.statusCode, codeOf(future)]).toEqual([422, 'facilities.device_aware_in_future']);
    expect(
      (await h.c.stranger.post(`${url}/lost`, { awareAt: '2026-11-30T09:00:00+09:00' })).statusCode,
    ).toBe(404);

    const lost = bodyOf<DeviceDetailView>(
      await h.c.staff.post(`${url}/lost`, {
        awareAt: '2026-11-30T09:00:00+09:00',
        actionsTaken: '机の周辺を捜索した',
      }),
      201,
    );
    expect(lost.device.status).toBe('lost');
    expect(lost.device.incident?.number).toMatch(/^I2026-\d{4}$/);
    expect(lost.can.reportLost).toBe(false);
    // The incident is on the board of the section's 保護管理者, named by the device's number and kind only.
    const board = bodyOf<{ incidents: { id: string; number: string; summary: string }[] }>(
      await h.c.manager.get('/api/incidents'),
    ).incidents;
    const incident = board.find((i) => i.id === lost.device.incident!.id);
    expect(incident?.number).toBe(lost.device.incident!.number);
    expect(incident?.summary).toContain(device.number);
    expect(incident?.summary).toContain('USBメモリ');
    expect(incident?.summary).not.toContain('No.1');
    // Its keepers are told; others are not.
    const told = await notices(h.c.manager, 'device.lost');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0])).toContain(device.number);
    expect(await notices(h.c.outsider, 'device.lost')).toEqual([]);
    // A lost device changes no more.
    const again = await h.c.staff.post(`${url}/lost`, { awareAt: '2026-11-30T09:00:00+09:00' });
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'facilities.device_closed']);
    expect((await h.c.manager.patch(url, { label: 'x' })).statusCode).toBe(409);
    expect((await list(h.c.staff, '?status=lost')).devices.map((d) => d.id)).toEqual([device.id]);

    // A reader of another unit (the 総括管理者) reports a loss: the incident is still the section's.
    const laptop = (await registered(h)).device;
    const stolen = bodyOf<DeviceDetailView>(
      await h.c.chiefManager.post(`${base}/${laptop.id}/lost`, {
        awareAt: '2026-11-30T09:10:00+09:00',
        stolen: true,
      }),
      201,
    );
    const opened = bodyOf<{ sectionId: string; summary: string }>(
      await h.c.manager.get(`/api/incidents/${stolen.device.incident!.id}`),
    );
    expect(opened.sectionId).toBe(h.o.sections.tokyoKyomu);
    expect(opened.summary).toContain('盗難');
  });

  it('records a disposal with its method and a witness other than the recorder; the device stays (A30, cf. A15)', async () => {
    const h = await provisionHarness(kind);
    const { device } = await registered(h, { kind: 'usb_memory' });
    const url = `${base}/${device.id}`;
    const body = {
      method: 'physical_destruction',
      witnessId: h.o.people.tokyoKyomuStaff1,
      disposedOn: '2026-11-30',
    };
    const self = await h.c.manager.post(`${url}/dispose`, { ...body, witnessId: h.o.people.tokyoKyomuHead });
    expect([self.statusCode, codeOf(self)]).toEqual([422, 'facilities.device_witness_invalid']);
    const retired = await h.c.manager.post(`${url}/dispose`, { ...body, witnessId: h.o.people.tokyoRetired });
    expect([retired.statusCode, codeOf(retired)]).toEqual([422, 'facilities.device_witness_invalid']);
    const other = await h.c.manager.post(`${url}/dispose`, { ...body, method: 'other' });
    expect([other.statusCode, codeOf(other)]).toEqual([422, 'facilities.device_method_note_required']);
    const tomorrow = await h.c.manager.post(`${url}/dispose`, { ...body, disposedOn: '2026-12-01' });
    expect([tomorrow.statusCode, codeOf(tomorrow)]).toEqual([422, 'facilities.device_disposed_on_invalid']);
    const unknown = await h.c.manager.post(`${url}/dispose`, { ...body, method: 'burning' });
    expect([unknown.statusCode, codeOf(unknown)]).toEqual([400, 'request.invalid']);
    expect((await h.c.staff.post(`${url}/dispose`, body)).statusCode).toBe(403);
    expect((await h.c.manager.get(url)).json<DeviceDetailView>().device.status).toBe('in_store');

    const done = bodyOf<DeviceDetailView>(await h.c.manager.post(`${url}/dispose`, body));
    expect(done.device).toMatchObject({
      status: 'disposed',
      disposal: {
        method: 'physical_destruction',
        disposedOn: '2026-11-30',
        witness: { id: h.o.people.tokyoKyomuStaff1 },
        recordedBy: { id: h.o.people.tokyoKyomuHead },
      },
    });
    expect((await list(h.c.staff)).devices.map((d) => [d.id, d.status])).toEqual([[device.id, 'disposed']]);
    const again = await h.c.manager.post(`${url}/dispose`, body);
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'facilities.device_closed']);
    const [event] = await h.audit('facilities.device_disposed', device.id);
    expect(event?.payload).toMatchObject({
      method: 'physical_destruction',
      witnessId: h.o.people.tokyoKyomuStaff1,
    });
  });

  it('answers bad input with 4xx and a stable code', async () => {
    const h = await provisionHarness(kind);
    const kyomu = h.o.sections.tokyoKyomu;
    const cases: [unknown, number, string][] = [
      [{ ...deviceBody(kyomu), kind: 'floppy' }, 400, 'request.invalid'],
      [{ ...deviceBody(kyomu), label: '' }, 400, 'request.invalid'],
      [{ ...deviceBody(kyomu), extra: 1 }, 400, 'request.invalid'],
      [deviceBody(kyomu, { fileIds: [h.o.toshoFile] }), 422, 'facilities.device_file_invalid'],
      [deviceBody('00000000-0000-4000-8000-000000000000'), 404, 'facilities.device_section_not_found'],
    ];
    for (const [body, status, code] of cases) {
      const res = await h.c.manager.post(base, body);
      expect([res.statusCode, codeOf(res)], JSON.stringify(body)).toEqual([status, code]);
    }
    const { device } = await registered(h);
    const empty = await h.c.manager.patch(`${base}/${device.id}`, {});
    expect([empty.statusCode, codeOf(empty)]).toEqual([400, 'request.invalid']);
    expect((await h.c.manager.get(`${base}/not-a-uuid`)).statusCode).toBe(400);
    expect((await list(h.c.manager)).devices).toHaveLength(1);
  });
});
