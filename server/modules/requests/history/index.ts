import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import type { RequestsSearchApi } from '../search/index.ts';

/**
 * Individuals' requests — the history part (issue 12). STUB: the history helper writes it; the exported names
 * stay, and the returned object keeps gaps and jobs.
 */
export function createRequestsHistory(core: RequestsCore, search: RequestsSearchApi) {
  void core;
  void search;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { gaps, jobs };
}

export type RequestsHistoryPart = ReturnType<typeof createRequestsHistory>;

export const requestsHistoryPolicy: Policy = () => {};

export function requestsHistoryRoutes(_app: App, _part: RequestsHistoryPart) {}
