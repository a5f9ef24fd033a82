import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { createChecks } from './checks.service.ts';
import { createOverdue } from './overdue.ts';
import { partiesPolicy } from './parties.policy.ts';
import { partiesRoutes as routes } from './parties.routes.ts';
import { createPartiesCore, createPartiesService } from './parties.service.ts';

export type { PartyFacts } from './parties.service.ts';
export type { ContractorCheckGap, ContractorPlace, OverdueContractor } from './overdue.ts';

/**
 * Outside parties: recipients and contractors, their contacts and capability checks (A18, A19-1).
 * - facts(partyId): for contracts and provisions (null when unknown).
 * - partiesWithOverdueChecks(): active contractors never checked or past due (A19-1).
 * - contractorCheckGaps(places): the gaps contractor_check_overdue for contractors with an active
 *   contract, given where they work (the module combines it with the contracts part).
 * - gaps(): none by itself (a contractor with no active contract owes no check).
 */
export function createParties(h: ProvisionDeps) {
  const core = createPartiesCore(h);
  const service = createPartiesService(core);
  const checks = createChecks(core);
  const overdue = createOverdue(h);
  return {
    ...service,
    ...checks,
    /** A party's facts for the other parts (null when unknown). */
    facts: (
      partyId: string,
    ): Promise<{
      id: string;
      name: string;
      kind: string;
      isPublicBody: boolean;
      contractor: boolean;
      active: boolean;
    } | null> => service.facts(partyId),
    /** A party's summary for the views (null when unknown). */
    summary: core.summary,
    partiesWithOverdueChecks: overdue.overdueContractors,
    contractorCheckGaps: overdue.contractorCheckGaps,
    gaps: () => Promise.resolve([] as Awaited<ReturnType<typeof overdue.contractorCheckGaps>>),
    jobs: [],
  };
}
export type PartiesModule = ReturnType<typeof createParties>;
export const partiesPolicies: Policy[] = [partiesPolicy];
export function partiesRoutes(app: App, m: PartiesModule) {
  routes(app, m);
}
