import { stepInput, type IncidentView } from '../../../shared/api/incidents.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { refuseStep, STEP_ACTOR } from './law/chain.ts';
import type { IncidentsCore } from './incidents.core.ts';
import { incidentsRepo } from './incidents.repo.ts';

/**
 * The dated steps of the chain (A34-3, -4, -6, -7) and the law's reports (法68①), each by the role
 * the rule names (STEP_ACTOR; a vacant 保護管理者 seat falls to the 総括保護管理者, A5), in the rule's
 * order (refuseStep: nothing is skipped but where the rule allows 直ちに or 事案の内容等に応じて).
 */
export function createSteps(core: IncidentsCore) {
  /**
   * Records a step as done or not needed. Throws the chain's refusals (incidents.step_done,
   * step_not_applicable, step_out_of_order, investigation_incomplete, step_not_optional),
   * incidents.reason_required (not needed without a note) and incidents.at_invalid.
   * Those who must act next are told (incident.your_turn); audit incident.step_recorded.
   */
  async function record(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = stepInput.parse(raw);
    const o = await core.open(ctx, id, STEP_ACTOR[input.step]);
    const refused = refuseStep(input.step, input.outcome, o.reading.state);
    if (refused) throw new AppError(refused);
    if (input.outcome === 'not_needed' && !input.note) throw new AppError('incidents.reason_required');
    const at = core.checkAt(o.loaded.row, input.at);
    await core.commit(ctx, o, async (tx, recordedAt) => {
      try {
        await incidentsRepo.insertStep(tx, {
          incident_id: id,
          step: input.step,
          outcome: input.outcome,
          at,
          by_id: o.me,
          to_whom: input.to,
          note: input.note,
          recorded_at: recordedAt,
        });
      } catch (e) {
        // Two recordings at once: the primary key keeps the first.
        if (/unique|duplicate|primary/i.test(String((e as Error).message)))
          throw new AppError('incidents.step_done');
        throw e;
      }
      await core.event(tx, o.loaded.row, {
        kind: input.outcome === 'done' ? 'step_done' : 'step_not_needed',
        at,
        by: o.me,
        text: input.note,
        data: { step: input.step, to: input.to },
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.step_recorded', {
        step: input.step,
        outcome: input.outcome,
        at,
      });
    });
    return core.view(ctx, id);
  }

  return { record };
}
