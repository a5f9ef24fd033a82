import { oversightHubView, type OversightHubView } from '../../../shared/api/oversight.ts';
import type { Ctx } from '../../platform/context.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import { personOf } from './common.ts';
import type { Evaluations } from './evaluations/evaluations.service.ts';
import type { Inspections } from './inspections/inspections.service.ts';
import type { OversightDeps } from './oversight.deps.ts';
import { tags } from './http.ts';

/** The hub (/oversight): what the caller may open, and what waits for them. Anyone holding a role. */
export function createHub(deps: OversightDeps, inspections: Inspections, evaluations: Evaluations) {
  const { authz, database } = deps;
  return async function hub(ctx: Ctx): Promise<OversightHubView> {
    personOf(ctx);
    if (!authz.can(ctx, 'read', 'Oversight')) await authz.assertCan(ctx, 'read', 'Oversight');
    const ability = authz.ability(ctx);
    const { schedules } = await inspections.schedules(ctx);
    const { inspections: reported } = await inspections.list(ctx, { status: 'reported' });
    const { evaluations: evals } = await evaluations.list(ctx);
    const scheduled = ability.can('read', 'OversightCommittee')
      ? await database.db
          .selectFrom('oversight_meetings')
          .select('id')
          .where('status', '=', 'scheduled')
          .execute()
      : [];
    return {
      can: {
        inspections: ability.can('read', 'OversightInspection'),
        evaluations: ability.can('read', 'OversightEvaluation') || evals.length > 0,
        committee: ability.can('read', 'OversightCommittee'),
        guidance: ability.can('read', 'OversightGuidance'),
        localRules: true,
        historical: ability.can('read', 'OversightHistorical'),
      },
      counts: {
        inspectionsOverdue: schedules.filter((s) => s.overdue).length,
        inspectionsToAcknowledge: reported.filter(
          (i) =>
            !i.acknowledged &&
            authz.can(ctx, 'acknowledge', 'OversightInspection', {
              unitId: i.unitId,
              sectionId: i.sectionId,
            }),
        ).length,
        openActions: evals.reduce((n, e) => n + e.openActions, 0),
        meetingsScheduled: scheduled.length,
      },
    };
  };
}

export function hubRoutes(app: App, hub: ReturnType<typeof createHub>) {
  app.get('/api/oversight', { schema: { tags, response: { 200: oversightHubView } } }, (req) =>
    hub(requireCtx(req)),
  );
}
