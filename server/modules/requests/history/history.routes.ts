import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { download, params, tags } from '../common/http.ts';
import type { RequestsHistoryPart } from './index.ts';

const base = '/api/requests/:id';

/**
 * The access history (shared/api/requests-history.ts): the view, and the bundle and the document
 * issued to the requester (downloads, never cached).
 */
export function historyRoutes(app: App, part: RequestsHistoryPart) {
  app.get(`${base}/history`, { schema: { tags, params } }, (req) =>
    part.view(requireCtx(req), req.params.id),
  );
  app.get(`${base}/history.json`, { schema: { tags, params } }, async (req, reply) =>
    download(
      reply,
      await part.issue(requireCtx(req), req.params.id, 'json'),
      'application/json; charset=utf-8',
    ),
  );
  app.get(`${base}/history.pdf`, { schema: { tags, params } }, async (req, reply) =>
    download(reply, await part.issue(requireCtx(req), req.params.id, 'pdf')),
  );
}
