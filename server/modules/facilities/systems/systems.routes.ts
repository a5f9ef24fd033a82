import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  designDocumentView,
  documentDisposeInput,
  documentHistoryView,
  documentListView,
  measureCheckInput,
  systemInput,
  systemListQuery,
  systemListView,
  systemOptionsView,
  systemUpdateInput,
  systemView,
} from '../../../../shared/api/facility-systems.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { DocumentUpload } from './documents.ts';
import type { SystemsPart } from './index.ts';
import { BASE } from './systems.presenters.ts';

const tags = ['facilities'];
const params = z.object({ id: z.uuid() });
const measureParams = params.extend({ measureId: z.uuid() });
const documentParams = params.extend({ documentId: z.uuid() });
const one = { response: { 200: systemView } };

/** The multipart upload: text fields "kind" and "title", then the file "file" (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest): Promise<DocumentUpload> {
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file')
      return {
        bytes: await part.toBuffer(),
        fileName: part.filename,
        kind: fields.kind ?? null,
        title: fields.title ?? null,
      };
    if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  throw new AppError('facilities.system_document_invalid');
}

/** HTTP routes of information systems (issue 11; A23, A24, A28): parse, one service call, present. */
export function systemsRoutes(app: App, part: SystemsPart) {
  app.get(
    `${BASE}`,
    { schema: { tags, querystring: systemListQuery, response: { 200: systemListView } } },
    (req) => part.list(requireCtx(req), req.query),
  );
  app.get(`${BASE}/options`, { schema: { tags, response: { 200: systemOptionsView } } }, (req) =>
    part.options(requireCtx(req)),
  );
  app.post(
    `${BASE}`,
    { schema: { tags, body: systemInput, response: { 201: systemView } } },
    async (req, reply) => reply.status(201).send(await part.create(requireCtx(req), req.body)),
  );
  app.get(`${BASE}/:id`, { schema: { tags, params, ...one } }, (req) =>
    part.get(requireCtx(req), req.params.id),
  );
  app.put(`${BASE}/:id`, { schema: { tags, params, body: systemUpdateInput, ...one } }, (req) =>
    part.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/measures/:measureId/checks`,
    { schema: { tags, params: measureParams, body: measureCheckInput, response: { 201: systemView } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await part.recordCheck(requireCtx(req), req.params.id, req.params.measureId, req.body)),
  );

  // ── design documents (A28) ──
  app.get(`${BASE}/:id/documents`, { schema: { tags, params, response: { 200: documentListView } } }, (req) =>
    part.documents.list(requireCtx(req), req.params.id),
  );
  app.post(
    `${BASE}/:id/documents`,
    { schema: { tags, params, consumes: ['multipart/form-data'], response: { 201: designDocumentView } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await upload(req);
      return reply.status(201).send(await part.documents.upload(ctx, req.params.id, file));
    },
  );
  app.get(
    `${BASE}/:id/documents/:documentId/file`,
    { schema: { tags, params: documentParams } },
    async (req, reply) => {
      const doc = await part.documents.download(requireCtx(req), req.params.id, req.params.documentId);
      return reply
        .header('content-type', doc.contentType)
        .header(
          'content-disposition',
          `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(doc.body);
    },
  );
  app.get(
    `${BASE}/:id/documents/:documentId/downloads`,
    { schema: { tags, params: documentParams, response: { 200: documentHistoryView } } },
    (req) => part.documents.history(requireCtx(req), req.params.id, req.params.documentId),
  );
  app.post(
    `${BASE}/:id/documents/:documentId/dispose`,
    {
      schema: {
        tags,
        params: documentParams,
        body: documentDisposeInput,
        response: { 200: designDocumentView },
      },
    },
    (req) => part.documents.dispose(requireCtx(req), req.params.id, req.params.documentId, req.body),
  );
}
