import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';

/** Third parties (issue 9): contracts. Skeleton. */
export function createContracts(h: ProvisionDeps, parties: PartiesModule) {
  void h;
  void parties;
  return { gaps: () => Promise.resolve([]), jobs: [] };
}
export type ContractsModule = ReturnType<typeof createContracts>;
export const contractsPolicies: Policy[] = [];
export function contractsRoutes(app: App, m: ContractsModule) {
  void app;
  void m;
}
