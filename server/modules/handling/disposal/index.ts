import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Issue 7: disposal (placeholder until built). */
export function createDisposal(h: HandlingContext) {
  void h;
  return { jobs: [] as Job[] };
}

export type DisposalService = ReturnType<typeof createDisposal>;

export function disposalRoutes(app: App, s: DisposalService) {
  void app;
  void s;
}

export const disposalPolicy: Policy = () => undefined;
