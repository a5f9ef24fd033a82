import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Issue 7: correction (placeholder until built). */
export function createCorrections(h: HandlingContext) {
  void h;
  return { jobs: [] as Job[] };
}

export type CorrectionsService = ReturnType<typeof createCorrections>;

export function correctionsRoutes(app: App, s: CorrectionsService) {
  void app;
  void s;
}

export const correctionsPolicy: Policy = () => undefined;
