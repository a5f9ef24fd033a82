import type { App } from '../../../platform/http/types.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { createMediaService } from './media.service.ts';
import { createMovementsService } from './movements.service.ts';
import { registerMovementsRoutes } from './movements.routes.ts';
import { createOverdueReturns } from './overdue.job.ts';

export { movementsPolicy } from './movements.policy.ts';
export type { MovementGap } from './overdue.job.ts';

/**
 * Transmission (A12(2)), media sent out or taken out and returned (A12(3)) and the register of
 * media (A14), issue 7. `gaps` lists sections with a medium overdue for return (for the
 * organisation's gap report); the job flags overdue returns every morning.
 */
export function createMovements(h: HandlingContext) {
  const media = createMediaService(h);
  const movements = createMovementsService(h, media);
  const overdue = createOverdueReturns(h);
  return { media, movements, overdue, gaps: overdue.gaps, jobs: [overdue.job] };
}

export type MovementsModule = ReturnType<typeof createMovements>;
export type MovementsService = MovementsModule;

export function movementsRoutes(app: App, s: MovementsModule) {
  registerMovementsRoutes(app, s);
}
