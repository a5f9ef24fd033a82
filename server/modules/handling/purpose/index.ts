import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Issue 7: purpose (placeholder until built). */
export function createOutOfPurpose(h: HandlingContext) {
  void h;
  return { jobs: [] as Job[] };
}

export type OutOfPurposeService = ReturnType<typeof createOutOfPurpose>;

export function outOfPurposeRoutes(app: App, s: OutOfPurposeService) {
  void app;
  void s;
}

export const outOfPurposePolicy: Policy = () => undefined;
