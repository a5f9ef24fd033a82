import {
  checkInInput,
  checkOutInput,
  recordTakeOutInput,
  takeOutRequestInput,
  type DeviceDetailView,
} from '../../../../shared/api/facility-devices.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { CLOSED, SUBJECT, subjectOf, type DevicesCore } from './devices.core.ts';
import { devicesRepo, type DeviceRow } from './devices.repo.ts';
import { usable, type DevicesRegister } from './devices.service.ts';

export const TAKE_OUT_KIND = 'device_take_out';

/**
 * Movements of a device: check-out and return inside the office (to a member of its section, until
 * a day), and taking it out of the office (A30-2): a request decided by the section's 保護管理者 in the
 * approval engine; the take-out is recorded only under an approved, unused request of that device
 * (else 409 facilities.device_approval_required); its return closes it.
 */
export function createMoves(deps: FacilitiesDeps, core: DevicesCore, register: DevicesRegister) {
  const { database, authz, clock } = deps;
  const db = database.db;

  const notClosed = (d: DeviceRow) => {
    if (CLOSED.includes(d.status)) throw new AppError('facilities.device_closed');
  };

  /** A keeper lends the device in store to a member of its section until a day. */
  async function checkOut(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const d = await core.allowed(ctx, id, 'keep');
    const input = checkOutInput.parse(raw);
    notClosed(d);
    if (d.status !== 'in_store') throw new AppError('facilities.device_not_in_store');
    if (input.dueDate < clock.today()) throw new AppError('facilities.device_due_invalid');
    if (!(await core.members(d.section_id)).some((m) => m.id === input.personId))
      throw new AppError('facilities.device_holder_invalid');
    await database.transaction(async (tx) => {
      const moved = await devicesRepo.move(tx, id, ['in_store'], {
        status: 'checked_out',
        holder_id: input.personId,
        due_date: input.dueDate,
        updated_at: core.now(),
      });
      if (!moved) throw new AppError('facilities.device_not_in_store');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'checked_out', personId: input.personId, dueDate: input.dueDate, note: input.note || null },
        { holderId: input.personId, dueDate: input.dueDate },
      );
    });
    return register.get(ctx, id);
  }

  /** A keeper takes a lent device back into its (confirmed or new) place. */
  async function checkIn(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const d = await core.allowed(ctx, id, 'keep');
    const input = checkInInput.parse(raw ?? {});
    notClosed(d);
    if (d.status !== 'checked_out') throw new AppError('facilities.device_not_checked_out');
    const place = input.storagePlace ?? d.storage_place;
    await database.transaction(async (tx) => {
      const moved = await devicesRepo.move(tx, id, ['checked_out'], {
        status: 'in_store',
        holder_id: null,
        due_date: null,
        storage_place: place,
        updated_at: core.now(),
      });
      if (!moved) throw new AppError('facilities.device_not_checked_out');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'checked_in', personId: d.holder_id, note: input.note || place },
        { holderId: d.holder_id, late: d.due_date !== null && d.due_date < clock.today() },
      );
    });
    return register.get(ctx, id);
  }

  /** A30-2: a member of the section asks to take the device out; its 保護管理者 decides. */
  async function requestTakeOut(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const me = core.personOf(ctx);
    const d = await core.allowed(ctx, id, 'request');
    const input = takeOutRequestInput.parse(raw);
    notClosed(d);
    if (!['in_store', 'checked_out'].includes(d.status)) throw new AppError('facilities.device_not_in_store');
    if (input.from < clock.today() || input.dueBack < input.from)
      throw new AppError('facilities.device_due_invalid');
    const takeOutId = newId();
    await deps.approvals.submit(
      ctx,
      {
        kind: TAKE_OUT_KIND,
        unitId: d.unit_id,
        sectionId: d.section_id,
        fileId: null,
        reason: `${d.number} ${d.label}: ${input.purpose}（持出先: ${input.destination}、${input.from}〜${input.dueBack}）`,
        payload: { deviceId: d.id, deviceNumber: d.number, from: input.from, dueBack: input.dueBack },
        level: 'protection_manager',
      },
      async (tx, req) => {
        await devicesRepo.insertTakeOut(tx, {
          id: takeOutId,
          device_id: d.id,
          request_id: req.id,
          destination: input.destination,
          purpose: input.purpose,
          from_date: input.from,
          due_back: input.dueBack,
          requested_by: me,
          requested_at: core.now(),
          out_at: null,
          out_by: null,
          returned_at: null,
          returned_by: null,
          overdue_told_at: null,
        });
        await core.record(
          tx,
          ctx,
          d,
          { kind: 'take_out_requested', dueDate: input.dueBack, note: req.number },
          {
            takeOutId,
            requestId: req.id,
            requestNumber: req.number,
            from: input.from,
            dueBack: input.dueBack,
          },
        );
      },
    );
    return register.get(ctx, id);
  }

  /**
   * A30-2: the device leaves under an approved, unused request of that device (a keeper records it,
   * or the requester); without one: 409 facilities.device_approval_required, nothing recorded.
   */
  async function recordTakeOut(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const me = core.personOf(ctx);
    const d = await core.readable(ctx, id);
    const input = recordTakeOutInput.parse(raw ?? {});
    const keep = core.can(ctx, 'keep', d);
    // Those who may neither keep nor ask for a take-out are refused outright (403, audited).
    if (!keep && !core.can(ctx, 'request', d)) await authz.assertCan(ctx, 'keep', SUBJECT, subjectOf(d));
    notClosed(d);
    const now = core.now();
    const mine = (await devicesRepo.takeOuts(db, { deviceId: id })).filter(
      (t) => keep || t.requested_by === me,
    );
    const candidates = (input.takeOutId ? mine.filter((t) => t.id === input.takeOutId) : mine).filter((t) =>
      usable(t, now),
    );
    if (candidates.length === 0) throw new AppError('facilities.device_approval_required');
    if (candidates.length > 1) throw new AppError('facilities.device_take_out_ambiguous');
    const t = candidates[0]!;
    if (d.status !== 'in_store') throw new AppError('facilities.device_not_in_store');
    const req = await deps.approvals.row(t.request_id);
    if (!req) throw new AppError('facilities.device_approval_required');
    await database.transaction(async (tx) => {
      if (!(await devicesRepo.markTakeOut(tx, t.id, 'out_at', { out_at: core.now(), out_by: me })))
        throw new AppError('facilities.device_approval_required');
      const moved = await devicesRepo.move(tx, id, ['in_store'], {
        status: 'taken_out',
        holder_id: t.requested_by,
        due_date: t.due_back,
        updated_at: core.now(),
      });
      if (!moved) throw new AppError('facilities.device_not_in_store');
      await deps.approvals.complete(tx, ctx, req, { deviceId: id, takeOutId: t.id });
      await core.record(
        tx,
        ctx,
        d,
        {
          kind: 'taken_out',
          personId: t.requested_by,
          dueDate: t.due_back,
          note: `${t.number} ${t.destination}`,
        },
        { takeOutId: t.id, requestNumber: t.number, holderId: t.requested_by, dueBack: t.due_back },
      );
    });
    return register.get(ctx, id);
  }

  /** A30-2: the device is back (recorded by a keeper or its holder); the take-out is closed. */
  async function recordReturn(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const me = core.personOf(ctx);
    const d = await core.readable(ctx, id);
    const input = checkInInput.parse(raw ?? {});
    if (!core.can(ctx, 'keep', d) && d.holder_id !== me)
      await authz.assertCan(ctx, 'keep', SUBJECT, subjectOf(d));
    notClosed(d);
    if (d.status !== 'taken_out') throw new AppError('facilities.device_not_taken_out');
    const t = (await devicesRepo.takeOuts(db, { deviceId: id })).find((x) => x.out_at && !x.returned_at);
    const place = input.storagePlace ?? d.storage_place;
    await database.transaction(async (tx) => {
      if (
        t &&
        !(await devicesRepo.markTakeOut(tx, t.id, 'returned_at', {
          returned_at: core.now(),
          returned_by: me,
        }))
      )
        throw new AppError('facilities.device_not_taken_out');
      const moved = await devicesRepo.move(tx, id, ['taken_out'], {
        status: 'in_store',
        holder_id: null,
        due_date: null,
        storage_place: place,
        updated_at: core.now(),
      });
      if (!moved) throw new AppError('facilities.device_not_taken_out');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'taken_back', personId: d.holder_id, note: input.note || place },
        {
          takeOutId: t?.id ?? null,
          requestNumber: t?.number ?? null,
          late: d.due_date !== null && d.due_date < clock.today(),
        },
      );
    });
    return register.get(ctx, id);
  }

  return { checkOut, checkIn, requestTakeOut, recordTakeOut, recordReturn };
}
