import type { DeviceEventKind } from '../../../../shared/api/facility-devices.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { nextNumber } from '../../../platform/db/numbers.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOf, personOf, subjectOf } from '../common/core.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import { fiscalYear } from '../../approvals/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { devicesRepo, type DeviceRow } from './devices.repo.ts';

export const SUBJECT = 'FacilityDevice';
export { subjectOf };
/** The web page of a device (gaps, notices). */
export const devicePath = (id: string) => `/facilities/devices/${id}`;
/** Statuses after which a device no longer changes (it stays in the register). */
export const CLOSED = ['lost', 'disposed', 'removed'];
/** Statuses in which the register's entry may still change. */
export const OPEN = ['in_store', 'checked_out', 'taken_out', 'on_site'];

/** A device's columns before any loss or disposal (A30): set by devices.loss.ts, nowhere else. */
export const NOT_LOST_OR_DISPOSED = {
  incident_id: null,
  incident_number: null,
  disposal_method: null,
  disposal_note: null,
  disposed_on: null,
  witness_id: null,
  disposed_by: null,
  disposed_at: null,
} as const;

/** One entry of a device's history. */
export interface DeviceChange {
  kind: DeviceEventKind;
  personId?: string | null;
  dueDate?: string | null;
  note?: string | null;
}

/**
 * The common ground of the devices part: who reads a device (404 otherwise), who keeps it (403,
 * audited), the people of its section, and a change written with its history entry and its audit
 * event in the caller's transaction (ids, numbers and codes only in the audit event).
 */
export function createDevicesCore(deps: FacilitiesDeps) {
  const { database, authz, clock, ledger } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();
  const audit = auditOf(ledger, SUBJECT);

  const can = (ctx: Ctx, action: 'read' | 'request' | 'keep', d: Pick<DeviceRow, 'unit_id' | 'section_id'>) =>
    authz.can(ctx, action, SUBJECT, { unitId: d.unit_id, sectionId: d.section_id });

  /** The device, if the caller reads it; else facilities.device_not_found (no hint that it exists). */
  async function readable(ctx: Ctx, id: string): Promise<DeviceRow> {
    personOf(ctx);
    const row = await devicesRepo.get(db, id);
    if (!row || !can(ctx, 'read', row)) throw new AppError('facilities.device_not_found');
    return row;
  }

  /** The device, if the caller may `action` it; a reader who may not is refused (403, audited). */
  async function allowed(ctx: Ctx, id: string, action: 'request' | 'keep'): Promise<DeviceRow> {
    const row = await readable(ctx, id);
    await authz.assertCan(ctx, action, SUBJECT, subjectOf(row));
    return row;
  }

  /** Active members of a section: those placed in it and those holding a role over it. */
  async function members(sectionId: string): Promise<{ id: string; name: string }[]> {
    const roster = await deps.roster();
    return roster
      .filter((p) => p.sectionId === sectionId || p.roles.some((r) => r.sectionId === sectionId))
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Those who keep a section's register (A6, A7): its 保護管理者 and 保護担当者. */
  async function keepers(d: Pick<DeviceRow, 'unit_id' | 'section_id'>): Promise<string[]> {
    const [pm, po] = await Promise.all([
      deps.appointed('protection_manager', d.unit_id, d.section_id),
      deps.appointed('protection_officer', d.unit_id, d.section_id),
    ]);
    return [...new Set([...pm, ...po])];
  }

  /** The register's next number, K<fiscal year>-0001 (A14), in the caller's transaction. */
  const nextDeviceNumber = (tx: Tx) =>
    nextNumber(tx, database.dialect, {
      table: 'facility_devices',
      prefix: `K${fiscalYear(clock.today())}-`,
      width: 4,
    });

  /** A history entry and its audit event facilities.device_<kind>, in the caller's transaction. */
  async function record(
    tx: Executor,
    ctx: Ctx,
    d: Pick<DeviceRow, 'id' | 'number' | 'unit_id' | 'section_id'>,
    change: DeviceChange,
    data: Record<string, unknown> = {},
  ) {
    await devicesRepo.insertEvent(tx, {
      id: newTimeOrderedId(),
      device_id: d.id,
      kind: change.kind,
      at: now(),
      by_id: personOf(ctx),
      person_id: change.personId ?? null,
      due_date: change.dueDate ?? null,
      note: change.note ?? null,
    });
    await audit(tx, ctx, d, `facilities.device_${change.kind}`, { number: d.number, ...data });
  }

  return { db, now, personOf, can, readable, allowed, members, keepers, nextDeviceNumber, record, audit };
}

export type DevicesCore = ReturnType<typeof createDevicesCore>;
