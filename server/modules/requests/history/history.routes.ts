import { z } from 'zod';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { RequestsHistoryPart } from './index.ts';

const tags = ['requests'];
const base = '/api/requests/:id';
const params = z.object({ id: z.string().min(1).max(36) });

/**
 * The access history (shared/api/requests-history.ts): the view, and the bundle and the document
 * issued to the requester (downloads, never cached).
 */
export function historyRoutes(app: App, part: RequestsHistoryPart) {
  app.get(`${base}/history`, { schema: { tags, params } }, (req) =>
    part.view(requireCtx(req), req.params.id),
  );
  app.get(`${base}/history.json`, { schema: { tags, params } }, async (req, reply) => {
    const out = await part.issue(requireCtx(req), req.params.id, 'json');
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${out.filename}"`)
      .header('cache-control', 'no-store')
      .send(out.body);
  });
  app.get(`${base}/history.pdf`, { schema: { tags, params } }, async (req, reply) => {
    const out = await part.issue(requireCtx(req), req.params.id, 'pdf');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${out.filename}"`)
      .header('cache-control', 'no-store')
      .send(out.body);
  });
}
