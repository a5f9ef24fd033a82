import { z } from 'zod';
import { confirmInput, rejectInput, searchInput } from '../../../../shared/api/requests-search.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { params, tags } from '../common/http.ts';
import type { SearchService } from './search.service.ts';

const base = '/api/requests/:id';
const matchParams = params.extend({ matchId: z.string().min(1).max(36) });

/** HTTP routes of the search part (shared/api/requests-search.ts): parse, one service call. */
export function searchHttp(app: App, s: SearchService) {
  app.post(`${base}/search`, { schema: { tags, params, body: searchInput.optional() } }, (req) =>
    s.search(requireCtx(req), req.params.id, req.body ?? {}),
  );
  app.get(`${base}/matches`, { schema: { tags, params } }, (req) =>
    s.matches(requireCtx(req), req.params.id),
  );
  app.post(
    `${base}/matches/:matchId/confirm`,
    { schema: { tags, params: matchParams, body: confirmInput.optional() } },
    (req) => s.confirm(requireCtx(req), req.params.id, req.params.matchId, req.body ?? {}),
  );
  app.post(
    `${base}/matches/:matchId/reject`,
    { schema: { tags, params: matchParams, body: rejectInput } },
    (req) => s.reject(requireCtx(req), req.params.id, req.params.matchId, req.body),
  );
}
