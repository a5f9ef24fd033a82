import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import type { RequestsSearchApi } from '../search/index.ts';

/**
 * Individuals' requests — the remedies part (issue 12). STUB: the remedies helper writes it; the exported names
 * stay, and the returned object keeps gaps and jobs.
 */
export function createRequestsRemedies(core: RequestsCore, search: RequestsSearchApi) {
  void core;
  void search;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { gaps, jobs };
}

export type RequestsRemediesPart = ReturnType<typeof createRequestsRemedies>;

export const requestsRemediesPolicy: Policy = () => {};

export function requestsRemediesRoutes(_app: App, _part: RequestsRemediesPart) {}
