import type { GapView } from '../../../shared/api/organisation.ts';
import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import { createRequestsCore, requestsCorePolicy, requestsCoreRoutes } from './core/index.ts';
import { createRequestsDecision, requestsDecisionPolicy, requestsDecisionRoutes } from './decision/index.ts';
import { createRequestsHistory, requestsHistoryPolicy, requestsHistoryRoutes } from './history/index.ts';
import { createRequestsRemedies, requestsRemediesPolicy, requestsRemediesRoutes } from './remedies/index.ts';
import type { RequestsDeps } from './requests.deps.ts';
import { createRequestsSearch, requestsSearchPolicy, requestsSearchRoutes } from './search/index.ts';

export type { RequestsDeps, RegisterFileFacts } from './requests.deps.ts';

/**
 * Individuals' requests (issue 12; law-2022.md 法76–107): intake and the statutory periods (core),
 * finding the person's information across the vault (search), the decision with its grounds, notice
 * and carrying out (decision), the record of who saw their data with proofs from the verifiable log
 * (history), correction and suspension of use flowing into the vault (remedies).
 */
export function createRequestsModule(deps: RequestsDeps) {
  const core = createRequestsCore(deps);
  const search = createRequestsSearch(core);
  const decision = createRequestsDecision(core, search);
  const history = createRequestsHistory(core, search);
  const remedies = createRequestsRemedies(core, search);
  const parts = [core, search, decision, history, remedies];
  const gaps = async (): Promise<GapView[]> => (await Promise.all(parts.map((p) => p.gaps()))).flat();
  return { core, search, decision, history, remedies, gaps, jobs: parts.flatMap((p) => p.jobs) };
}

export type RequestsModule = ReturnType<typeof createRequestsModule>;
export const requestsPolicies: Policy[] = [
  requestsCorePolicy,
  requestsSearchPolicy,
  requestsDecisionPolicy,
  requestsHistoryPolicy,
  requestsRemediesPolicy,
];

export function requestsRoutes(app: App, m: RequestsModule) {
  requestsCoreRoutes(app, m.core);
  requestsSearchRoutes(app, m.search);
  requestsDecisionRoutes(app, m.decision);
  requestsHistoryRoutes(app, m.history);
  requestsRemediesRoutes(app, m.remedies);
}
