import { z } from 'zod';
import {
  ledgerExportQuery,
  ledgerQuery,
  ledgerView,
  reviewInput,
  reviewView,
} from '../../../../shared/api/handling-usage.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { UsageService } from './usage.service.ts';

const tags = ['handling'];
const fileParams = z.object({ fileId: z.uuid() });
const base = '/api/handling/files/:fileId/ledger';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The usage ledger of a file (A16): the screen's rows, the same rows as XLSX and PDF, the sign-off. */
export function usageRoutes(app: App, s: UsageService) {
  app.get(
    base,
    { schema: { tags, params: fileParams, querystring: ledgerQuery, response: { 200: ledgerView } } },
    (req) => s.view(requireCtx(req), req.params.fileId, req.query),
  );
  for (const format of ['xlsx', 'pdf'] as const)
    app.get(
      `${base}.${format}`,
      { schema: { tags, params: fileParams, querystring: ledgerExportQuery } },
      async (req, reply) => {
        const out = await s[format](requireCtx(req), req.params.fileId, req.query);
        return reply
          .header('content-type', TYPES[format])
          .header('content-disposition', `attachment; filename="${out.filename}"`)
          .header('cache-control', 'no-store')
          .send(out.body);
      },
    );
  app.post(
    `${base}/reviews`,
    { schema: { tags, params: fileParams, body: reviewInput, response: { 201: reviewView } } },
    async (req, reply) => reply.status(201).send(await s.sign(requireCtx(req), req.params.fileId, req.body)),
  );
}
