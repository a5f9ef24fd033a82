import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { RequestsCore } from '../core/index.ts';
import { searchHttp } from './search.routes.ts';
import { createSearchService } from './search.service.ts';
import type { RequestsSearchApi } from './search.types.ts';

export type { ConfirmedMatch, RequestsSearchApi } from './search.types.ts';

/**
 * Individuals' requests — the search part (issue 12; 法76, 法77-1-2): every vault file the requester
 * may appear in searched through the blind indexes, each candidate confirmed or rejected by a
 * handler, every look logged with the request as its purpose (A11-3, A22-1).
 */
export function createRequestsSearch(core: RequestsCore) {
  const service = createSearchService(core);
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  const api: RequestsSearchApi = { confirmed: service.confirmed };
  return { ...api, service, gaps, jobs };
}

export type RequestsSearchPart = ReturnType<typeof createRequestsSearch>;

/**
 * No rule of its own: who searches and confirms is the core's `handle` on SubjectRequest (its
 * handlers); who reads the list (without values) is the core's `read` (the 監査責任者 too).
 */
export const requestsSearchPolicy: Policy = () => {};

export function requestsSearchRoutes(app: App, part: RequestsSearchPart) {
  searchHttp(app, part.service);
}
