import { restrictionInput, type RestrictionView } from '../../../../shared/api/handling-purpose.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { HandlingContext } from '../handling.deps.ts';

/**
 * A17-4: 「総括保護管理者は、個人の権利利益を保護するため特に必要があると認めるときは、保有個人情報の利用目的
 * 以外の目的のための各学校等の内部における利用を特定の教職員等に限るものとする。」 One list per unit
 * (学校等); an empty list lifts the restriction. Every change is an audit event.
 */
export function createRestrictions(h: HandlingContext) {
  const { database, authz, ledger, clock } = h;
  const db = database.db;

  const row = (unitId: string) =>
    db.selectFrom('handling_restrictions').selectAll().where('unit_id', '=', unitId).executeTakeFirst();

  /** The people named for the unit, or null when its internal use outside the purpose is not restricted. */
  async function allowed(unitId: string): Promise<string[] | null> {
    const r = await row(unitId);
    const ids = r ? (JSON.parse(r.person_ids) as string[]) : [];
    return ids.length ? ids : null;
  }

  async function view(ctx: Ctx, unitId: string): Promise<RestrictionView> {
    await authz.assertCan(ctx, 'read', 'HandlingRestriction', { unitId });
    const names = await h.names();
    if (!names.units.has(unitId)) throw new AppError('request.not_found');
    const r = await row(unitId);
    const ids = r ? (JSON.parse(r.person_ids) as string[]) : [];
    return {
      unitId,
      unitName: names.units.get(unitId) ?? '—',
      restricted: ids.length > 0,
      people: await Promise.all(ids.map(async (id) => ({ id, name: (await h.person(id))?.name ?? '—' }))),
      reason: r?.reason ?? '',
      updatedAt: r?.updated_at ?? null,
      canEdit: authz.can(ctx, 'manage', 'HandlingRestriction', { unitId }),
    };
  }

  /** Sets the list (people in office of the unit only); the 総括保護管理者 of the unit. */
  async function update(ctx: Ctx, unitId: string, raw: unknown): Promise<RestrictionView> {
    const input = restrictionInput.parse(raw);
    await authz.assertCan(ctx, 'manage', 'HandlingRestriction', { unitId });
    const ids = [...new Set(input.personIds)];
    if (ids.length) {
      // Read-only look at the organisation's people: in office and of this unit (学校等).
      const found = await db
        .selectFrom('people')
        .select('id')
        .where('id', 'in', ids)
        .where('unit_id', '=', unitId)
        .where('active', '=', 1)
        .execute();
      if (found.length !== ids.length) throw new AppError('handling.restriction_people_invalid');
    }
    const before = await allowed(unitId);
    await database.transaction(async (tx) => {
      await tx.deleteFrom('handling_restrictions').where('unit_id', '=', unitId).execute();
      await tx
        .insertInto('handling_restrictions')
        .values({
          unit_id: unitId,
          person_ids: JSON.stringify(ids),
          reason: input.reason,
          updated_at: clock.now().toISOString(),
          updated_by: actorPersonId(ctx),
        })
        .execute();
      await ledger.audit(tx, ctx, {
        type: 'handling.out_of_purpose_restriction_set',
        subjectType: 'Unit',
        subjectId: unitId,
        unitId,
        before: { personIds: before ?? [] },
        after: { personIds: ids },
        reason: input.reason,
      });
    });
    return view(ctx, unitId);
  }

  return { allowed, view, update };
}

export type Restrictions = ReturnType<typeof createRestrictions>;
