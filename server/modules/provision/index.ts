import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import { contractsPolicies, contractsRoutes, createContracts } from './contracts/index.ts';
import { createParties, partiesPolicies, partiesRoutes } from './parties/index.ts';
import type { ProvisionDeps } from './provision.deps.ts';
import { createProvisions, provisionsPolicies, provisionsRoutes } from './provisions/index.ts';

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
  const parts = [parties, contracts, provisions];
  return {
    parties,
    contracts,
    provisions,
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
}
