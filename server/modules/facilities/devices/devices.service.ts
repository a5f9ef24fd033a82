import {
  deviceEditInput,
  deviceInput,
  deviceListQuery,
  type DeviceDetailView,
  type DeviceListView,
  type DeviceSectionView,
} from '../../../../shared/api/facility-devices.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { CLOSED, NOT_LOST_OR_DISPOSED, OPEN, SUBJECT, subjectOf, type DevicesCore } from './devices.core.ts';
import {
  createDirectory,
  fileIdsOf,
  presentDevice,
  presentEvent,
  presentTakeOut,
} from './devices.presenters.ts';
import { devicesRepo, type DeviceRow, type TakeOutWithRequest } from './devices.repo.ts';

/** An approved take-out not yet used nor expired (A30-2): what allows a device to leave. */
export const usable = (t: TakeOutWithRequest, now: string) =>
  t.request_status === 'approved' && t.expires_at > now && t.out_at === null;

/**
 * The register of devices and media (A14, A30-1): registering, editing, listing (with handling's
 * media, read-only: ADR 0008) and reading one with its history and take-outs.
 */
export function createRegister(deps: FacilitiesDeps, core: DevicesCore) {
  const { database, authz, clock } = deps;
  const db = database.db;

  /** Files named must be the register's files of the device's section. */
  async function checkFiles(fileIds: string[], sectionId: string) {
    for (const id of fileIds) {
      const facts = await deps.fileFacts(id);
      if (facts?.sectionId !== sectionId) throw new AppError('facilities.device_file_invalid');
    }
  }

  /** Sections the caller may act on with `action`, with their files when asked (keepers' form). */
  async function sectionsFor(ctx: Ctx, action: 'keep' | 'request'): Promise<DeviceSectionView[]> {
    if (ctx.actor.kind !== 'person') return [];
    const ids = new Set(
      [ctx.actor.sectionId, ...ctx.actor.roles.map((r) => r.sectionId)].filter((s): s is string => !!s),
    );
    const structure = await deps.structure();
    const names = await deps.names();
    const out: DeviceSectionView[] = [];
    for (const s of structure.sections) {
      if (!ids.has(s.id) || !authz.can(ctx, action, SUBJECT, { unitId: s.unitId, sectionId: s.id })) continue;
      const files =
        action === 'keep'
          ? (await deps.unitFiles(s.unitId))
              .filter((f) => f.sectionId === s.id)
              .map((f) => ({ id: f.id, name: f.name }))
          : [];
      out.push({
        id: s.id,
        name: s.name,
        unitId: s.unitId,
        unitName: names.units.get(s.unitId) ?? '',
        files,
      });
    }
    return out;
  }

  async function list(ctx: Ctx, raw: unknown): Promise<DeviceListView> {
    core.personOf(ctx);
    const q = deviceListQuery.parse(raw ?? {});
    const rows = (await devicesRepo.list(db, q)).filter((d) => core.can(ctx, 'read', d));
    const dir = await createDirectory(deps);
    const today = clock.today();
    const [keeperSections, memberSections, media] = await Promise.all([
      sectionsFor(ctx, 'keep'),
      sectionsFor(ctx, 'request'),
      deps.handlingMedia(ctx),
    ]);
    return {
      devices: await Promise.all(rows.map((d) => presentDevice(d, dir, today))),
      media,
      keeperSections,
      memberSections: memberSections.map(({ files: _files, ...s }) => s),
    };
  }

  async function detail(ctx: Ctx, d: DeviceRow): Promise<DeviceDetailView> {
    const me = core.personOf(ctx);
    const dir = await createDirectory(deps);
    const today = clock.today();
    const now = core.now();
    const [events, takeOuts] = await Promise.all([
      devicesRepo.events(db, d.id),
      devicesRepo.takeOuts(db, { deviceId: d.id }),
    ]);
    const keep = core.can(ctx, 'keep', d);
    const open = !CLOSED.includes(d.status);
    const approvedMine = takeOuts.some((t) => usable(t, now) && (keep || t.requested_by === me));
    return {
      device: await presentDevice(d, dir, today),
      history: await Promise.all(events.map((e) => presentEvent(e, dir))),
      takeOuts: await Promise.all(takeOuts.map((t) => presentTakeOut(t, dir, today))),
      members: keep ? await core.members(d.section_id) : [],
      can: {
        edit: keep && open,
        checkOut: keep && d.status === 'in_store',
        checkIn: keep && d.status === 'checked_out',
        requestTakeOut: core.can(ctx, 'request', d) && ['in_store', 'checked_out'].includes(d.status),
        recordTakeOut: approvedMine && d.status === 'in_store',
        recordReturn: d.status === 'taken_out' && (keep || d.holder_id === me),
        recordRemoval: keep && d.status === 'on_site',
        reportLost: open,
        dispose: keep && d.status === 'in_store',
      },
    };
  }

  const get = async (ctx: Ctx, id: string) => detail(ctx, await core.readable(ctx, id));

  /** A14, A30-1: a keeper of the section registers a device (K2026-0001), in store. */
  async function create(ctx: Ctx, raw: unknown): Promise<DeviceDetailView> {
    const me = core.personOf(ctx);
    const input = deviceInput.parse(raw);
    const section = (await deps.structure()).sections.find((s) => s.id === input.sectionId);
    const subject = { unitId: section?.unitId ?? '', sectionId: input.sectionId };
    if (!section || !authz.can(ctx, 'read', SUBJECT, subject))
      throw new AppError('facilities.device_section_not_found');
    await authz.assertCan(ctx, 'keep', SUBJECT, subject);
    await checkFiles(input.fileIds, input.sectionId);
    const id = newId();
    await database.transaction(async (tx) => {
      const at = core.now();
      const row: DeviceRow = {
        id,
        number: await core.nextDeviceNumber(tx),
        kind: input.kind,
        label: input.label,
        identifier: input.identifier,
        unit_id: section.unitId,
        section_id: input.sectionId,
        storage_place: input.storagePlace,
        encryption: input.encryption,
        encryption_note: input.encryptionNote || null,
        theft_prevention: input.theftPrevention || null,
        file_ids: JSON.stringify(input.fileIds),
        status: 'in_store',
        holder_id: null,
        due_date: null,
        owner_description: null,
        on_site_until: null,
        ...NOT_LOST_OR_DISPOSED,
        registered_by: me,
        registered_at: at,
        updated_at: at,
      };
      await devicesRepo.insert(tx, row);
      await core.record(
        tx,
        ctx,
        row,
        { kind: 'registered', note: input.storagePlace },
        { kind: input.kind, encryption: input.encryption, fileIds: input.fileIds },
      );
    });
    return get(ctx, id);
  }

  /** A keeper changes what the register says of a device (not its section); lost or disposed: 409. */
  async function edit(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const d = await core.allowed(ctx, id, 'keep');
    const input = deviceEditInput.parse(raw);
    if (CLOSED.includes(d.status)) throw new AppError('facilities.device_closed');
    if (input.fileIds) await checkFiles(input.fileIds, d.section_id);
    const patch = {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.label !== undefined && { label: input.label }),
      ...(input.identifier !== undefined && { identifier: input.identifier }),
      ...(input.storagePlace !== undefined && { storage_place: input.storagePlace }),
      ...(input.encryption !== undefined && { encryption: input.encryption }),
      ...(input.encryptionNote !== undefined && { encryption_note: input.encryptionNote || null }),
      ...(input.theftPrevention !== undefined && { theft_prevention: input.theftPrevention || null }),
      ...(input.fileIds !== undefined && { file_ids: JSON.stringify(input.fileIds) }),
    };
    const changed = Object.keys(patch);
    await database.transaction(async (tx) => {
      if (!(await devicesRepo.move(tx, id, OPEN, { ...patch, updated_at: core.now() })))
        throw new AppError('facilities.device_closed');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'edited', note: input.storagePlace ?? null },
        {
          fields: changed,
          ...(input.fileIds ? { fileIds: input.fileIds, before: fileIdsOf(d) } : {}),
        },
      );
    });
    return get(ctx, id);
  }

  return { list, get, detail, create, edit, subjectOf };
}

export type DevicesRegister = ReturnType<typeof createRegister>;
