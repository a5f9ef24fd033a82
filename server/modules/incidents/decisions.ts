import {
  closeInput,
  noticeInput,
  publicationInput,
  type IncidentView,
} from '../../../shared/api/incidents.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { refuseClose } from './law/chain.ts';
import type { IncidentsCore } from './incidents.core.ts';
import { incidentsRepo } from './incidents.repo.ts';
import { actorsOf } from './incidents.reading.ts';

/**
 * The unit's 総括保護管理者 decides: the notice to the persons affected (法68②), publication (A35-1)
 * and closing the incident once its measures are done and what the law requires is recorded (A34-5).
 */
export function createDecisions(core: IncidentsCore) {
  /**
   * 法68②: the notice (day, method, count) or, where notice is impossible, the substitute measure.
   * Throws incidents.notice_invalid; audit incident.notice_recorded.
   */
  async function notice(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = noticeInput.parse(raw);
    const complete = input.notifiedOn !== null && input.method !== null && input.count !== null;
    if (!complete && !input.substitute) throw new AppError('incidents.notice_invalid');
    const o = await core.open(ctx, id, 'chief_protection_manager');
    await core.commit(ctx, o, async (tx, at) => {
      await incidentsRepo.updateOpen(tx, id, { notice: JSON.stringify(input), notice_recorded_at: at });
      const data = {
        notifiedOn: input.notifiedOn,
        method: input.method,
        count: input.count,
        substitute: input.substitute !== null,
      };
      await core.event(tx, o.loaded.row, { kind: 'notice_recorded', at, by: o.me, text: input.note, data });
      await core.audit(tx, ctx, o.loaded.row, 'incident.notice_recorded', data);
    });
    return core.view(ctx, id);
  }

  /**
   * A35-1: whether the facts and measures are published, with the text and day, or why not.
   * Throws incidents.publication_invalid; audit incident.publication_recorded.
   */
  async function publication(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = publicationInput.parse(raw);
    if (input.publish ? !input.text : !input.reason) throw new AppError('incidents.publication_invalid');
    const o = await core.open(ctx, id, 'chief_protection_manager');
    await core.commit(ctx, o, async (tx, at) => {
      await incidentsRepo.updateOpen(tx, id, {
        publication: JSON.stringify(input),
        publication_recorded_at: at,
      });
      const data = { publish: input.publish, publishedOn: input.publishedOn };
      await core.event(tx, o.loaded.row, {
        kind: 'publication_recorded',
        at,
        by: o.me,
        text: input.publish ? null : input.reason,
        data,
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.publication_recorded', data);
    });
    return core.view(ctx, id);
  }

  /**
   * A34-5: closes the incident. Throws incidents.measures_open, incidents.close_blocked (refuseClose).
   * The reporter, the managers and the measures' owners are told (incident.closed); audit incident.closed.
   */
  async function close(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = closeInput.parse(raw);
    const o = await core.open(ctx, id, 'chief_protection_manager');
    const refused = refuseClose(o.reading.state, {
      openMeasures: o.reading.openMeasures,
      noticeRecorded: o.loaded.notice !== null,
    });
    if (refused) throw new AppError(refused);
    const row = o.loaded.row;
    const told = new Set([
      row.reported_by,
      ...actorsOf(o.dir, 'protection_manager'),
      ...o.dir.cpm,
      ...o.loaded.measures.map((m) => m.owner_id),
    ]);
    told.delete(o.me);
    await core.commit(ctx, o, async (tx, at) => {
      await incidentsRepo.updateOpen(tx, id, {
        status: 'closed',
        closed_at: at,
        closed_by: o.me,
        close_summary: input.summary,
      });
      await core.event(tx, row, { kind: 'closed', at, by: o.me, text: input.summary });
      await core.audit(tx, ctx, row, 'incident.closed', { measures: o.loaded.measures.length });
      await core.notify(tx, told, 'incident.closed', row);
    });
    return core.view(ctx, id);
  }

  return { notice, publication, close };
}
