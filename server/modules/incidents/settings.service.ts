import {
  DEFAULT_INCIDENT_SETTINGS,
  incidentSettings,
  type IncidentSettings,
} from '../../../shared/api/incidents.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { incidentsRepo } from './incidents.repo.ts';

/**
 * The configurable deadlines (issue 8 "all configurable"): the 速報's and 確報's days, the persons'
 * threshold, the reminders' lead and the internal chain's hours. Read by everyone signed in, set by
 * the 総括管理者 or the システム管理者; DEFAULT_INCIDENT_SETTINGS until first set.
 */
export function createIncidentSettings(deps: IncidentsDeps) {
  const { database, ledger, authz, clock } = deps;

  /** The settings in force (no authorisation: for the service and the job). */
  async function current(db: Executor = database.db): Promise<IncidentSettings> {
    const row = await incidentsRepo.settings(db);
    if (!row) return { ...DEFAULT_INCIDENT_SETTINGS };
    // A setting added later reads its default until set.
    return incidentSettings.parse({ ...DEFAULT_INCIDENT_SETTINGS, ...(JSON.parse(row.settings) as object) });
  }

  async function get(ctx: Ctx): Promise<IncidentSettings> {
    if (!actorPersonId(ctx) && ctx.actor.kind !== 'system') throw new AppError('auth.required');
    await authz.assertCan(ctx, 'read', 'IncidentSettings');
    return current();
  }

  /** Sets the deadlines (audit incident.settings_changed with before and after). */
  async function put(ctx: Ctx, raw: unknown): Promise<IncidentSettings> {
    await authz.assertCan(ctx, 'configure', 'IncidentSettings');
    const next = incidentSettings.parse(raw);
    await database.transaction(async (tx) => {
      const before = await current(tx);
      await incidentsRepo.saveSettings(
        tx,
        JSON.stringify(next),
        clock.now().toISOString(),
        actorPersonId(ctx),
      );
      await ledger.audit(tx, ctx, {
        type: 'incident.settings_changed',
        subjectType: 'IncidentSettings',
        subjectId: null,
        before,
        after: next,
      });
    });
    return next;
  }

  return { current, get, put };
}

export type IncidentSettingsService = ReturnType<typeof createIncidentSettings>;
