import {
  bringInInput,
  removalInput,
  type BringInListView,
  type BringInView,
  type DeviceDetailView,
} from '../../../../shared/api/facility-devices.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RequestRow } from '../../approvals/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { NOT_LOST_OR_DISPOSED, SUBJECT, type DevicesCore } from './devices.core.ts';
import { createDirectory, presentBringIn } from './devices.presenters.ts';
import { devicesRepo, type BringInWithRequest, type DeviceRow } from './devices.repo.ts';
import type { DevicesRegister } from './devices.service.ts';

export const BRING_IN_KIND = 'device_bring_in';

/**
 * Bringing an outside device in (A30-2): a member of a section asks (approval kind device_bring_in,
 * decided by the section's 保護管理者); once approved the device is registered as on_site in the
 * requester's section (in the approval's transaction), and a keeper records its removal.
 */
export function createBringIns(deps: FacilitiesDeps, core: DevicesCore, register: DevicesRegister) {
  const { database, authz, clock, ledger } = deps;
  const db = database.db;

  /** In the approval's transaction (tx only): the device is registered on site; the request is done. */
  async function onApproved(tx: Tx, ctx: Ctx, req: RequestRow) {
    const b = await devicesRepo.bringInByRequest(tx, req.id);
    if (!b || b.device_id) return;
    const at = clock.now().toISOString();
    const row: DeviceRow = {
      id: newId(),
      number: await core.nextDeviceNumber(tx),
      kind: b.kind,
      label: b.label,
      identifier: b.identifier,
      unit_id: b.unit_id,
      section_id: b.section_id,
      storage_place: b.storage_place,
      encryption: b.encryption,
      encryption_note: b.encryption_note,
      theft_prevention: b.theft_prevention,
      file_ids: '[]',
      status: 'on_site',
      holder_id: null,
      due_date: null,
      owner_description: b.owner_description,
      on_site_until: b.until_date,
      ...NOT_LOST_OR_DISPOSED,
      registered_by: b.requested_by,
      registered_at: at,
      updated_at: at,
    };
    await devicesRepo.insert(tx, row);
    await devicesRepo.setBringInDevice(tx, b.id, row.id);
    await core.record(
      tx,
      ctx,
      row,
      { kind: 'brought_in', personId: b.requested_by, dueDate: b.until_date, note: req.number },
      { bringInId: b.id, requestNumber: req.number, until: b.until_date },
    );
    await deps.approvals.complete(tx, ctx, req, { deviceId: row.id, bringInId: b.id });
  }
  deps.approvals.defineKind(BRING_IN_KIND, { onApproved });

  async function view(b: BringInWithRequest): Promise<BringInView> {
    const dir = await createDirectory(deps);
    const device = b.device_id ? await devicesRepo.get(db, b.device_id) : undefined;
    return presentBringIn(b, dir, device?.number ?? null);
  }

  /** A30-2: a member asks to bring an outside device into their section (default: their own). */
  async function request(ctx: Ctx, raw: unknown): Promise<BringInView> {
    const me = core.personOf(ctx);
    const input = bringInInput.parse(raw);
    const sectionId = input.sectionId ?? (ctx.actor.kind === 'person' ? ctx.actor.sectionId : null);
    const section = (await deps.structure()).sections.find((s) => s.id === sectionId);
    if (!section || !authz.can(ctx, 'request', SUBJECT, { unitId: section.unitId, sectionId: section.id }))
      throw new AppError('facilities.device_not_member');
    if (input.until < input.from || input.until < clock.today())
      throw new AppError('facilities.device_due_invalid');
    const id = newId();
    await deps.approvals.submit(
      ctx,
      {
        kind: BRING_IN_KIND,
        unitId: section.unitId,
        sectionId: section.id,
        fileId: null,
        reason: `${input.label}（${input.ownerDescription}）: ${input.purpose}（${input.from}〜${input.until}）`,
        payload: { bringInId: id, kind: input.kind, from: input.from, until: input.until },
        level: 'protection_manager',
      },
      async (tx, req) => {
        await devicesRepo.insertBringIn(tx, {
          id,
          request_id: req.id,
          unit_id: section.unitId,
          section_id: section.id,
          kind: input.kind,
          label: input.label,
          identifier: input.identifier,
          owner_description: input.ownerDescription,
          purpose: input.purpose,
          from_date: input.from,
          until_date: input.until,
          storage_place: input.storagePlace,
          encryption: input.encryption,
          encryption_note: input.encryptionNote || null,
          theft_prevention: input.theftPrevention || null,
          requested_by: me,
          requested_at: core.now(),
          device_id: null,
        });
        await ledger.audit(tx, ctx, {
          type: 'facilities.device_bring_in_requested',
          subjectType: 'FacilityDeviceBringIn',
          subjectId: id,
          unitId: section.unitId,
          sectionId: section.id,
          data: { requestId: req.id, requestNumber: req.number, kind: input.kind, until: input.until },
        });
      },
    );
    const [row] = await devicesRepo.bringIns(db, { id });
    return view(row!);
  }

  /** The caller's own bring-in requests and those of the sections they keep. */
  async function list(ctx: Ctx): Promise<BringInListView> {
    const me = core.personOf(ctx);
    const kept =
      ctx.actor.kind === 'person'
        ? ctx.actor.roles
            .filter((r) => r.sectionId && ['protection_manager', 'protection_officer'].includes(r.role))
            .map((r) => r.sectionId!)
        : [];
    const rows = await devicesRepo.bringIns(db, { requestedBy: me, sectionIds: kept });
    return { bringIns: await Promise.all(rows.map(view)) };
  }

  /** A keeper records that a brought-in device has left (on_site → removed; it stays in the register). */
  async function removal(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const d = await core.allowed(ctx, id, 'keep');
    const input = removalInput.parse(raw ?? {});
    if (d.status !== 'on_site') throw new AppError('facilities.device_not_on_site');
    await database.transaction(async (tx) => {
      if (!(await devicesRepo.move(tx, id, ['on_site'], { status: 'removed', updated_at: core.now() })))
        throw new AppError('facilities.device_not_on_site');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'removed', note: input.note || null },
        {
          late: d.on_site_until !== null && d.on_site_until < clock.today(),
        },
      );
    });
    return register.get(ctx, id);
  }

  return { request, list, removal };
}
