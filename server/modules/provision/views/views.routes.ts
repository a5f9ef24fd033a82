import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { fileOverviewView, partyOverviewView } from '../../../../shared/api/provision-parties.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { ExportFormat, ProvisionViews } from './views.service.ts';

const tags = ['provision'];
const fileParams = z.object({ fileId: z.uuid() });
const partyParams = z.object({ partyId: z.uuid() });
const TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const send = (reply: FastifyReply, format: ExportFormat, out: { filename: string; body: Buffer }) =>
  reply
    .header('content-type', TYPES[format])
    .header('content-disposition', `attachment; filename="${out.filename}"`)
    .header('cache-control', 'no-store')
    .send(out.body);

/**
 * The cross views (A18, A19 "Views"): per file (/api/provision/files/:fileId) and per party
 * (/api/provision/parties/:partyId/overview), each with export.xlsx and export.pdf.
 */
export function viewsRoutes(app: App, v: ProvisionViews) {
  app.get(
    '/api/provision/files/:fileId',
    { schema: { tags, params: fileParams, response: { 200: fileOverviewView } } },
    (req) => v.file(requireCtx(req), req.params.fileId),
  );
  for (const format of ['xlsx', 'pdf'] as const)
    app.get(
      `/api/provision/files/:fileId/export.${format}`,
      { schema: { tags, params: fileParams } },
      async (req, reply) =>
        send(reply, format, await v.exportFile(requireCtx(req), req.params.fileId, format)),
    );
  app.get(
    '/api/provision/parties/:partyId/overview',
    { schema: { tags, params: partyParams, response: { 200: partyOverviewView } } },
    (req) => v.party(requireCtx(req), req.params.partyId),
  );
  for (const format of ['xlsx', 'pdf'] as const)
    app.get(
      `/api/provision/parties/:partyId/overview/export.${format}`,
      { schema: { tags, params: partyParams } },
      async (req, reply) =>
        send(reply, format, await v.exportParty(requireCtx(req), req.params.partyId, format)),
    );
}
