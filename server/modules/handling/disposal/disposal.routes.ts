import { z } from 'zod';
import { approvalView } from '../../../../shared/api/approvals.ts';
import {
  disposalExecuteInput,
  disposalFileFacts,
  disposalListQuery,
  disposalListView,
  disposalReadyView,
  disposalRequestInput,
  disposalView,
} from '../../../../shared/api/handling-disposal.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { DisposalService } from './disposal.service.ts';

const tags = ['handling'];
const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ fileId: z.uuid() });

/** HTTP routes of disposal (issue 7, A15): request, carry out, list, certificate. */
export function disposalRoutes(app: App, s: DisposalService) {
  app.get(
    '/api/handling/disposals',
    { schema: { tags, querystring: disposalListQuery, response: { 200: disposalListView } } },
    (req) => s.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/handling/disposals/ready',
    { schema: { tags, response: { 200: disposalReadyView } } },
    (req) => s.ready(requireCtx(req)),
  );
  app.get(
    '/api/handling/disposals/files/:fileId',
    { schema: { tags, params: fileParams, response: { 200: disposalFileFacts } } },
    (req) => s.fileFacts(requireCtx(req), req.params.fileId),
  );
  app.post(
    '/api/handling/disposals/requests',
    { schema: { tags, body: disposalRequestInput, response: { 201: approvalView } } },
    async (req, reply) => reply.status(201).send(await s.request(requireCtx(req), req.body)),
  );
  app.post(
    '/api/handling/disposals',
    { schema: { tags, body: disposalExecuteInput, response: { 201: disposalView } } },
    async (req, reply) => reply.status(201).send(await s.execute(requireCtx(req), req.body)),
  );
  app.get(
    '/api/handling/disposals/:id',
    { schema: { tags, params: idParams, response: { 200: disposalView } } },
    (req) => s.get(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/handling/disposals/:id/certificate',
    { schema: { tags, params: idParams } },
    async (req, reply) => {
      const c = await s.certificate(requireCtx(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${c.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-certificate-original', c.original ? 'true' : 'false')
        .header('x-certificate-sha256', c.issuedSha256 ?? '')
        .send(c.body);
    },
  );
}
