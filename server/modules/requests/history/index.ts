import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import type { RequestsSearchApi } from '../search/index.ts';
import { createHistoryService } from './history.service.ts';
import { historyRoutes } from './history.routes.ts';

/**
 * Individuals' requests — the access history (issue 12; A22-1, A22-2, A11-3): who accessed the
 * requester's confirmed records, when and for what purpose, with inclusion proofs against a signed
 * checkpoint that the person checks with `npx mamori log verify-history` (history-bundle.ts).
 * Who may read and issue it is the core's to decide (readable / handled): no rules of its own.
 */
export function createRequestsHistory(core: RequestsCore, search: RequestsSearchApi) {
  const service = createHistoryService(core, search);
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { ...service, gaps, jobs };
}

export type RequestsHistoryPart = ReturnType<typeof createRequestsHistory>;

/** Reading and issuing follow the core's SubjectRequest rules (read, handle): nothing to add. */
export const requestsHistoryPolicy: Policy = () => {};

export function requestsHistoryRoutes(app: App, part: RequestsHistoryPart) {
  historyRoutes(app, part);
}
