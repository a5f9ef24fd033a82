import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Issue 7: export (placeholder until built). */
export function createExports(h: HandlingContext) {
  void h;
  return { jobs: [] as Job[] };
}

export type ExportsService = ReturnType<typeof createExports>;

export function exportsRoutes(app: App, s: ExportsService) {
  void app;
  void s;
}

export const exportsPolicy: Policy = () => undefined;
