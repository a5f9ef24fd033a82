import { measureDoneInput, measureInput, type IncidentView } from '../../../shared/api/incidents.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { IncidentsCore } from './incidents.core.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { incidentsRepo } from './incidents.repo.ts';

/**
 * Recurrence prevention (A34-5): measures with an owner and a due date, set by the section's
 * 保護管理者 or the unit's 総括保護管理者 and tracked to done by the owner or those two.
 */
export function createMeasures(deps: IncidentsDeps, core: IncidentsCore) {
  /**
   * Adds a measure. Throws incidents.owner_invalid unless the owner is one of the view's `owners`
   * (the section's people and the chain's managers). The owner is told (incident.measure_assigned);
   * audit incident.measure_added.
   */
  async function add(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = measureInput.parse(raw);
    const o = await core.open(ctx, id, 'investigate');
    const owners = await core.owners(o.loaded.row, o.dir);
    if (!owners.some((p) => p.id === input.ownerId)) throw new AppError('incidents.owner_invalid');
    const measureId = newId();
    await core.commit(ctx, o, async (tx, at) => {
      await incidentsRepo.insertMeasure(tx, {
        id: measureId,
        incident_id: id,
        text: input.text,
        owner_id: input.ownerId,
        due: input.due,
        created_at: at,
        created_by: o.me,
        done_at: null,
        done_by: null,
        note: null,
      });
      await core.event(tx, o.loaded.row, {
        kind: 'measure_added',
        at,
        by: o.me,
        text: input.text,
        data: { measureId, due: input.due },
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.measure_added', {
        measureId,
        ownerId: input.ownerId,
        due: input.due,
      });
      if (input.ownerId !== o.me)
        await core.notify(tx, [input.ownerId], 'incident.measure_assigned', o.loaded.row);
    });
    return core.view(ctx, id);
  }

  /**
   * Marks a measure done, by its owner or the managers. Throws incidents.measure_not_found,
   * incidents.measure_done; audit incident.measure_done.
   */
  async function complete(ctx: Ctx, id: string, measureId: string, raw: unknown): Promise<IncidentView> {
    const input = measureDoneInput.parse(raw);
    const me = actorPersonId(ctx);
    const loaded = await core.readable(ctx, id);
    const measure = loaded.measures.find((m) => m.id === measureId);
    if (!measure) throw new AppError('incidents.measure_not_found');
    const o = await core.open(
      ctx,
      id,
      (c, op) =>
        measure.owner_id === me || deps.authz.can(c, 'investigate', 'Incident', core.subject(op.loaded.row)),
    );
    if (measure.done_at) throw new AppError('incidents.measure_done');
    await core.commit(ctx, o, async (tx, at) => {
      if (!(await incidentsRepo.measureDone(tx, measureId, { done_at: at, done_by: o.me, note: input.note })))
        throw new AppError('incidents.measure_done');
      await core.event(tx, o.loaded.row, {
        kind: 'measure_done',
        at,
        by: o.me,
        text: input.note,
        data: { measureId },
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.measure_done', { measureId, due: measure.due });
    });
    return core.view(ctx, id);
  }

  return { add, complete };
}
