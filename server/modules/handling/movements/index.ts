import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Issue 7: movements (placeholder until built). */
export function createMovements(h: HandlingContext) {
  void h;
  return { jobs: [] as Job[] };
}

export type MovementsService = ReturnType<typeof createMovements>;

export function movementsRoutes(app: App, s: MovementsService) {
  void app;
  void s;
}

export const movementsPolicy: Policy = () => undefined;
