import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import type { RequestsSearchApi } from './search.types.ts';

export type { ConfirmedMatch, RequestsSearchApi } from './search.types.ts';

/**
 * Individuals' requests — the search part (issue 12). STUB: the search helper writes it; the exported names
 * stay, and the returned object keeps gaps and jobs.
 */
export function createRequestsSearch(core: RequestsCore): RequestsSearchApi & {
  gaps: () => Promise<GapView[]>;
  jobs: Job[];
} {
  void core;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { confirmed: () => Promise.resolve([]), gaps, jobs };
}

export type RequestsSearchPart = ReturnType<typeof createRequestsSearch>;

export const requestsSearchPolicy: Policy = () => {};

export function requestsSearchRoutes(_app: App, _part: RequestsSearchPart) {}
