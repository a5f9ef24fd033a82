import { areaInput, areaPatch, type AreaView } from '../../../shared/api/terminals.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normaliseRanges } from './address-ranges.ts';
import { manages, sees, type TerminalsDeps } from './terminals.deps.ts';
import { areaSubject } from './terminals.policy.ts';
import { presentArea, rangesOf } from './terminals.presenters.ts';
import { organisationLookup, terminalsRepo, type AreaRow } from './terminals.repo.ts';

/**
 * Areas that terminals belong to: general areas, and 取扱区域 where 特定個人情報 is handled (A11の2).
 * An area may bind its terminals to address ranges (A29: the terminals that process the information
 * are limited).
 */
export function createAreaService(deps: TerminalsDeps) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;

  /** A 取扱区域 is made clear by the 保護管理者 of a section handling 特定個人情報 (A11の2). */
  async function assertKindFits(kind: string, sectionId: string | null) {
    if (kind !== 'handling_area') return;
    const section = sectionId ? await organisationLookup.section(db, sectionId) : undefined;
    if (!section || section.handles_my_number !== 1)
      throw new AppError('terminal.handling_area_needs_my_number');
  }

  /** An area the caller may see, else terminal.area_not_found (404). */
  async function visibleArea(ctx: Ctx, id: string) {
    const area = await terminalsRepo.area(db, id);
    if (!area || !sees(authz, ctx, area)) throw new AppError('terminal.area_not_found');
    return area;
  }

  /** The areas the caller manages or whose unit they belong to, each saying whether they manage it. */
  async function list(ctx: Ctx): Promise<AreaView[]> {
    const [areas, counts] = await Promise.all([terminalsRepo.areas(db), terminalsRepo.activeCounts(db)]);
    // Per unit (in the unit order): the unit's own area first, then by name (code points on both databases).
    const unitOrder = [...new Set(areas.map((a) => a.unit_id))];
    const key = (a: (typeof areas)[number]) => [unitOrder.indexOf(a.unit_id), a.section_id ? 1 : 0] as const;
    return areas
      .filter((a) => sees(authz, ctx, a))
      .sort((x, y) => {
        const [kx, ky] = [key(x), key(y)];
        return kx[0] - ky[0] || kx[1] - ky[1] || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
      })
      .map((a) => presentArea(a, manages(authz, ctx, a), counts.get(a.id) ?? 0));
  }

  /** Creates an area of a unit or of a section; audited. Throws auth.forbidden outside the caller's areas. */
  async function create(ctx: Ctx, raw: unknown): Promise<AreaView> {
    const input = areaInput.parse(raw);
    await authz.assertCan(
      ctx,
      'create',
      'TerminalArea',
      areaSubject({ unit_id: input.unitId, section_id: input.sectionId }),
    );
    if (!(await organisationLookup.unit(db, input.unitId))) throw new AppError('organisation.unit_not_found');
    if (input.sectionId) {
      const section = await organisationLookup.section(db, input.sectionId);
      if (!section) throw new AppError('organisation.section_not_found');
      if (section.unit_id !== input.unitId) throw new AppError('terminal.section_not_in_unit');
    }
    await assertKindFits(input.kind, input.sectionId);
    const now = clock.now().toISOString();
    const row: AreaRow = {
      id: newId(),
      unit_id: input.unitId,
      section_id: input.sectionId,
      kind: input.kind,
      name: input.name,
      address_ranges: JSON.stringify(normaliseRanges(input.addressRanges)),
      created_at: now,
      updated_at: now,
      removed_at: null,
    };
    await database.transaction(async (tx) => {
      await terminalsRepo.insertArea(tx, row);
      await ledger.audit(tx, ctx, {
        type: 'terminal.area_created',
        subjectType: 'TerminalArea',
        subjectId: row.id,
        data: { unitId: row.unit_id, sectionId: row.section_id, kind: row.kind },
      });
    });
    return presentArea((await terminalsRepo.area(db, row.id))!, true, 0);
  }

  /** Renames an area, changes its kind or address ranges; audited (the ranges' count, not the ranges). */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<AreaView> {
    const input = areaPatch.parse(raw);
    const area = await visibleArea(ctx, id);
    await authz.assertCan(ctx, 'update', 'TerminalArea', areaSubject(area));
    if (input.kind) await assertKindFits(input.kind, area.section_id);
    const patch: Partial<AreaRow> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.addressRanges !== undefined
        ? { address_ranges: JSON.stringify(normaliseRanges(input.addressRanges)) }
        : {}),
      updated_at: clock.now().toISOString(),
    };
    await database.transaction(async (tx) => {
      await terminalsRepo.updateArea(tx, id, patch);
      await ledger.audit(tx, ctx, {
        type: 'terminal.area_updated',
        subjectType: 'TerminalArea',
        subjectId: id,
        before: { kind: area.kind, rangeCount: rangesOf(area.address_ranges).length },
        data: { changed: Object.keys(input) },
      });
    });
    const counts = await terminalsRepo.activeCounts(db);
    return presentArea((await terminalsRepo.area(db, id))!, true, counts.get(id) ?? 0);
  }

  /** Removes an area without terminals in use or requests waiting (terminal.area_in_use); audited. */
  async function remove(ctx: Ctx, id: string): Promise<void> {
    const area = await visibleArea(ctx, id);
    await authz.assertCan(ctx, 'remove', 'TerminalArea', areaSubject(area));
    if (await terminalsRepo.areaBusy(db, id)) throw new AppError('terminal.area_in_use');
    const now = clock.now().toISOString();
    await database.transaction(async (tx) => {
      await terminalsRepo.updateArea(tx, id, { removed_at: now, updated_at: now });
      await ledger.audit(tx, ctx, {
        type: 'terminal.area_removed',
        subjectType: 'TerminalArea',
        subjectId: id,
        data: { unitId: area.unit_id, sectionId: area.section_id, kind: area.kind },
      });
    });
  }

  return { list, create, update, remove, visibleArea };
}

export type AreaService = ReturnType<typeof createAreaService>;
