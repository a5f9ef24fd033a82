import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import { contractsPolicies, contractsRoutes, createContracts } from './contracts/index.ts';
import { createParties, partiesPolicies, partiesRoutes } from './parties/index.ts';
import type { ProvisionDeps } from './provision.deps.ts';
import { createProvisions, provisionsPolicies, provisionsRoutes } from './provisions/index.ts';
import { createViews, viewsRoutes } from './views/index.ts';

export type { ProvisionDeps } from './provision.deps.ts';

/**
 * Third parties (issue 9; A17–A19): the register of outside parties (recipients, contractors and
 * their capability checks), provision under written agreement (A18), and outsourcing with the
 * rule's six clauses, dispatched workers, subcontracting and My Number supervision (A19).
 */
export function createProvisionModule(deps: ProvisionDeps) {
  const parties = createParties(deps);
  const contracts = createContracts(deps, parties);
  const provisions = createProvisions(deps, parties);
  // Per file, who receives or processes it; per party, what it receives or processes (issue 9 "Views").
  const views = createViews(deps, parties, contracts, provisions);
  const parts = [parties, contracts, provisions];
  return {
    parties,
    contracts,
    provisions,
    views,
    gaps: async () => (await Promise.all(parts.map((p) => p.gaps()))).flat(),
    jobs: parts.flatMap((p) => p.jobs),
  };
}

export type ProvisionModule = ReturnType<typeof createProvisionModule>;
export const provisionPolicies: Policy[] = [...partiesPolicies, ...contractsPolicies, ...provisionsPolicies];

export function provisionRoutes(app: App, m: ProvisionModule) {
  partiesRoutes(app, m.parties);
  contractsRoutes(app, m.contracts);
  provisionsRoutes(app, m.provisions);
  viewsRoutes(app, m.views);
}
