import {
  disposeInput,
  lostInput,
  type DeviceDetailView,
  type DeviceKind,
} from '../../../../shared/api/facility-devices.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { CLOSED, OPEN, devicePath, type DevicesCore } from './devices.core.ts';
import { fileIdsOf } from './devices.presenters.ts';
import { devicesRepo } from './devices.repo.ts';
import type { DevicesRegister } from './devices.service.ts';

/** The kind in words for an incident's summary (no personal data: the number and the kind only). */
const KIND_JA: Record<DeviceKind, string> = {
  desktop_pc: 'デスクトップPC',
  laptop_pc: 'ノートPC',
  tablet: 'タブレット',
  smartphone: 'スマートフォン',
  usb_memory: 'USBメモリ',
  external_disk: '外付けディスク',
  optical_disc: '光ディスク',
  sd_card: 'SDカード',
  other: '記録媒体',
};

/**
 * Loss or theft (A30, A34) and disposal (A30, cf. A15). Anyone who reads a device reports its loss:
 * it is marked lost and an incident is opened at once as the reporter (A34-1), whose number the
 * device shows; its keepers are told (device.lost). A keeper records a disposal with its method and
 * a witness other than themselves; the device stays in the register with who, when and how.
 */
export function createLoss(deps: FacilitiesDeps, core: DevicesCore, register: DevicesRegister) {
  const { database, clock, notifications } = deps;

  async function reportLost(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    core.personOf(ctx);
    const d = await core.readable(ctx, id);
    const input = lostInput.parse(raw);
    if (CLOSED.includes(d.status)) throw new AppError('facilities.device_closed');
    if (Date.parse(input.awareAt) > clock.now().getTime())
      throw new AppError('facilities.device_aware_in_future');
    const keepers = await core.keepers(d);
    // A34-1: the incident is placed at the device's section, whose 保護管理者 answers for it, whoever
    // reports. Incidents place a report within the reporter's unit; the reporter reads this device
    // (checked above), so for placing it the device's unit stands as theirs (the reporter stays them).
    const placed: Ctx =
      ctx.actor.kind === 'person' ? { ...ctx, actor: { ...ctx.actor, unitId: d.unit_id } } : ctx;
    const what = `${d.number}（${KIND_JA[d.kind as DeviceKind] ?? d.kind}）`;
    const report = (fileIds: string[]) =>
      deps.openIncident(placed, {
        summary: `端末・媒体 ${what} の${input.stolen ? '盗難' : '紛失'}`,
        awareAt: input.awareAt,
        fileIds,
        systems: `端末・媒体 ${what}`,
        actionsTaken: input.actionsTaken || null,
        sectionId: d.section_id,
      });
    // A file since taken off the register is not named (the report itself must not fail).
    const incident = await report(fileIdsOf(d)).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'incidents.file_invalid') return report([]);
      throw e;
    });
    await database.transaction(async (tx) => {
      const moved = await devicesRepo.move(tx, id, OPEN, {
        status: 'lost',
        incident_id: incident.id,
        incident_number: incident.number,
        updated_at: core.now(),
      });
      if (!moved) throw new AppError('facilities.device_closed');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'lost', note: incident.number },
        { incidentId: incident.id, incidentNumber: incident.number, stolen: input.stolen, from: d.status },
      );
      await notifications.notify(tx, keepers, 'device.lost', {
        data: { number: d.number, path: devicePath(id) },
      });
    });
    notifications.flushSoon();
    return register.get(ctx, id);
  }

  async function dispose(ctx: Ctx, id: string, raw: unknown): Promise<DeviceDetailView> {
    const me = core.personOf(ctx);
    const d = await core.allowed(ctx, id, 'keep');
    const input = disposeInput.parse(raw);
    if (input.method === 'other' && !input.methodNote)
      throw new AppError('facilities.device_method_note_required');
    if (input.disposedOn > clock.today()) throw new AppError('facilities.device_disposed_on_invalid');
    // The witness sees it done: another person, active (A30, cf. A15).
    const witness = input.witnessId === me ? null : await deps.person(input.witnessId);
    if (!witness?.active) throw new AppError('facilities.device_witness_invalid');
    if (CLOSED.includes(d.status)) throw new AppError('facilities.device_closed');
    if (d.status !== 'in_store') throw new AppError('facilities.device_not_in_store');
    await database.transaction(async (tx) => {
      const at = core.now();
      const moved = await devicesRepo.move(tx, id, ['in_store'], {
        status: 'disposed',
        disposal_method: input.method,
        disposal_note: input.methodNote || null,
        disposed_on: input.disposedOn,
        witness_id: input.witnessId,
        disposed_by: me,
        disposed_at: at,
        updated_at: at,
      });
      if (!moved) throw new AppError('facilities.device_not_in_store');
      await core.record(
        tx,
        ctx,
        d,
        { kind: 'disposed', personId: input.witnessId, note: input.methodNote || null },
        { method: input.method, witnessId: input.witnessId, disposedOn: input.disposedOn },
      );
    });
    return register.get(ctx, id);
  }

  return { reportLost, dispose };
}
