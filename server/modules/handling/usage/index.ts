import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Issue 7: usage (placeholder until built). */
export function createUsageLedger(h: HandlingContext) {
  void h;
  return { jobs: [] as Job[] };
}

export type UsageLedgerService = ReturnType<typeof createUsageLedger>;

export function usageLedgerRoutes(app: App, s: UsageLedgerService) {
  void app;
  void s;
}

export const usageLedgerPolicy: Policy = () => undefined;
