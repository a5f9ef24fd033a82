import { z } from 'zod';
import {
  exportListView,
  exportMadeView,
  exportMakeInput,
  exportOptionsQuery,
  exportOptionsView,
  exportRequestedView,
  exportSpec,
  exportView,
} from '../../../../shared/api/handling-export.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { ExportsService } from './index.ts';

const tags = ['handling'];
const params = z.object({ exportId: z.uuid() });
const ok = { 200: exportView };

/**
 * HTTP routes of copies (issue 7; A12(1), A24の2). The archive is answered as an attachment never
 * cached; its name is the request number and the register's file name (organisational, no one's data).
 */
export function exportsRoutes(app: App, s: ExportsService) {
  app.get('/api/handling/exports', { schema: { tags, response: { 200: exportListView } } }, (req) =>
    s.list(requireCtx(req)),
  );
  app.get(
    '/api/handling/exports/options',
    { schema: { tags, querystring: exportOptionsQuery, response: { 200: exportOptionsView } } },
    (req) => s.options(requireCtx(req), req.query),
  );
  app.post(
    '/api/handling/exports/requests',
    { schema: { tags, body: exportSpec, response: { 201: exportRequestedView } } },
    async (req, reply) => reply.status(201).send(await s.submit(requireCtx(req), req.body)),
  );
  app.post(
    '/api/handling/exports',
    { schema: { tags, body: exportMakeInput, response: { 201: exportMadeView } } },
    async (req, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await s.make(requireCtx(req), req.body)),
  );
  app.get('/api/handling/exports/:exportId', { schema: { tags, params, response: ok } }, (req) =>
    s.get(requireCtx(req), req.params.exportId),
  );
  app.get('/api/handling/exports/:exportId/download', { schema: { tags, params } }, async (req, reply) => {
    const out = await s.download(requireCtx(req), req.params.exportId);
    const ascii = out.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_');
    return reply
      .header('content-type', 'application/zip')
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
      )
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(out.body);
  });
  app.post('/api/handling/exports/:exportId/delete', { schema: { tags, params, response: ok } }, (req) =>
    s.deleteEarly(requireCtx(req), req.params.exportId),
  );
  app.post(
    '/api/handling/exports/:exportId/confirm-deleted',
    { schema: { tags, params, response: ok } },
    (req) => s.confirmDeleted(requireCtx(req), req.params.exportId),
  );
}
