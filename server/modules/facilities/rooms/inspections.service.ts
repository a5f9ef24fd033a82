import {
  inspectionInput,
  SAFEGUARD_ITEMS,
  type InspectionView,
} from '../../../../shared/api/facility-rooms.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RoomsCore } from './rooms.core.ts';
import { presentInspection } from './rooms.presenters.ts';
import { roomsRepo } from './rooms.repo.ts';

/**
 * The safeguards of a room and their inspections (A33-1: 施錠装置, 警報装置, 監視設備; A33-2: 耐震,
 * 防火, 防煙, 防水, 予備電源, 配線の損傷防止). An inspection records every item at once with its day and
 * inspector (the caller); the room's current safeguards are its latest inspection's items.
 */
export function createInspectionsService(core: RoomsCore) {
  const { deps, db } = core;
  const { database, clock } = deps;

  async function list(ctx: Ctx, id: string): Promise<{ inspections: InspectionView[] }> {
    await core.readable(ctx, id);
    const rows = await roomsRepo.inspections(db, id);
    const people = await core.people(rows.map((r) => r.inspector_id));
    return { inspections: rows.map((r) => presentInspection(r, people)) };
  }

  /** Records an inspection (keepers); audit facilities.room_inspected (day and counts only). */
  async function record(ctx: Ctx, id: string, raw: unknown): Promise<InspectionView> {
    const me = core.personOf(ctx);
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'keep');
    const input = inspectionInput.parse(raw);
    if (input.inspectedOn > clock.today()) throw new AppError('facilities.room_inspection_date_invalid');
    const items = SAFEGUARD_ITEMS.map((item) => ({ item, ...input.items[item] }));
    const inspectionId = newId();
    await database.transaction(async (tx) => {
      await roomsRepo.insertInspection(tx, {
        id: inspectionId,
        room_id: id,
        inspected_on: input.inspectedOn,
        inspector_id: me,
        items: JSON.stringify(items),
        notes: input.notes,
        recorded_at: core.now(),
      });
      // A later inspection entered first keeps the room's last day (a late record of an old one).
      const current = await roomsRepo.get(tx, id);
      if (!current?.last_inspected_on || current.last_inspected_on < input.inspectedOn)
        await roomsRepo.update(tx, id, { last_inspected_on: input.inspectedOn });
      const count = (status: string) => items.filter((i) => i.status === status).length;
      await core.audit(tx, ctx, row, 'facilities.room_inspected', {
        inspectionId,
        inspectedOn: input.inspectedOn,
        inPlace: count('in_place'),
        partial: count('partial'),
        missing: count('missing'),
        notApplicable: count('not_applicable'),
      });
    });
    const saved = (await roomsRepo.inspections(db, id)).find((r) => r.id === inspectionId)!;
    return presentInspection(saved, await core.people([me]));
  }

  return { list, record };
}
