import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';

/** Third parties (issue 9): provisions. Skeleton. */
export function createProvisions(h: ProvisionDeps, parties: PartiesModule) {
  void h;
  void parties;
  return { gaps: () => Promise.resolve([]), jobs: [] };
}
export type ProvisionsModule = ReturnType<typeof createProvisions>;
export const provisionsPolicies: Policy[] = [];
export function provisionsRoutes(app: App, m: ProvisionsModule) {
  void app;
  void m;
}
