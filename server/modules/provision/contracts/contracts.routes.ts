import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CONTRACT_DOCUMENT_KINDS,
  clausesInput,
  contractInput,
  contractListQuery,
  contractListView,
  contractView,
  endInput,
  erasureInput,
  exceptionInput,
  inspectionInput,
  requestDoneInput,
  subcontractInput,
  subcontractView,
  supervisionInput,
} from '../../../../shared/api/provision-contracts.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { ContractsModule } from './index.ts';

const tags = ['provision'];
const base = '/api/provision/contracts';
const params = z.object({ id: z.uuid() });
const subParams = params.extend({ sid: z.uuid() });
const requestParams = params.extend({ iid: z.uuid(), rid: z.uuid() });
const kindParams = params.extend({ kind: z.enum(CONTRACT_DOCUMENT_KINDS) });
const kindQuery = z.object({ kind: z.enum(CONTRACT_DOCUMENT_KINDS).default('contract') });
const one = { response: { 200: contractView } };
const created = { response: { 201: contractView } };

/** The uploaded file of a multipart request (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest) {
  for await (const part of req.parts())
    if (part.type === 'file') return { bytes: await part.toBuffer(), fileName: part.filename };
  throw new AppError('provision.contract_document_invalid');
}

/** HTTP routes of outsourcing contracts (issue 9; A19): parse, one service call, present. */
export function contractsRoutes(app: App, m: ContractsModule) {
  app.get(
    `${base}`,
    { schema: { tags, querystring: contractListQuery, response: { 200: contractListView } } },
    (req) => m.list(requireCtx(req), req.query),
  );
  app.post(`${base}`, { schema: { tags, body: contractInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await m.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    m.get(requireCtx(req), req.params.id),
  );
  app.put(`${base}/:id`, { schema: { tags, params, body: contractInput, ...one } }, (req) =>
    m.update(requireCtx(req), req.params.id, req.body),
  );
  app.put(`${base}/:id/clauses`, { schema: { tags, params, body: clausesInput, ...one } }, (req) =>
    m.saveClauses(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/documents`,
    { schema: { tags, params, querystring: kindQuery, consumes: ['multipart/form-data'], ...created } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await upload(req);
      return reply.status(201).send(await m.uploadDocument(ctx, req.params.id, req.query.kind, file));
    },
  );
  app.get(`${base}/:id/documents/:kind`, { schema: { tags, params: kindParams } }, async (req, reply) => {
    const doc = await m.readDocument(requireCtx(req), req.params.id, req.params.kind);
    return reply
      .header('content-type', doc.contentType)
      .header(
        'content-disposition',
        `attachment; filename="${req.params.kind}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      )
      .header('cache-control', 'no-store')
      .send(doc.body);
  });
  app.post(
    `${base}/:id/exception`,
    { schema: { tags, params, body: exceptionInput, ...created } },
    async (req, reply) =>
      reply.status(201).send(await m.requestException(requireCtx(req), req.params.id, req.body)),
  );
  app.post(`${base}/:id/activate`, { schema: { tags, params, ...one } }, (req) =>
    m.activate(requireCtx(req), req.params.id),
  );
  app.get(
    `${base}/:id/subcontracts`,
    { schema: { tags, params, response: { 200: z.object({ subcontracts: z.array(subcontractView) }) } } },
    (req) => m.subcontracts(requireCtx(req), req.params.id),
  );
  app.post(
    `${base}/:id/subcontracts`,
    { schema: { tags, params, body: subcontractInput, ...created } },
    async (req, reply) =>
      reply.status(201).send(await m.requestSubcontract(requireCtx(req), req.params.id, req.body)),
  );
  app.post(`${base}/:id/subcontracts/:sid/start`, { schema: { tags, params: subParams, ...one } }, (req) =>
    m.startSubcontract(requireCtx(req), req.params.id, req.params.sid),
  );
  app.post(`${base}/:id/subcontracts/:sid/end`, { schema: { tags, params: subParams, ...one } }, (req) =>
    m.endSubcontract(requireCtx(req), req.params.id, req.params.sid),
  );
  app.post(
    `${base}/:id/inspections`,
    { schema: { tags, params, body: inspectionInput, ...created } },
    async (req, reply) => reply.status(201).send(await m.inspect(requireCtx(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/inspections/:iid/requests/:rid/done`,
    { schema: { tags, params: requestParams, body: requestDoneInput, ...one } },
    (req) => m.completeImprovement(requireCtx(req), req.params.id, req.params.iid, req.params.rid, req.body),
  );
  app.post(
    `${base}/:id/supervisions`,
    { schema: { tags, params, body: supervisionInput, ...created } },
    async (req, reply) => reply.status(201).send(await m.supervise(requireCtx(req), req.params.id, req.body)),
  );
  app.post(`${base}/:id/end`, { schema: { tags, params, body: endInput, ...one } }, (req) =>
    m.end(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/erasure`, { schema: { tags, params, body: erasureInput, ...one } }, (req) =>
    m.confirmErasure(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/close`, { schema: { tags, params, ...one } }, (req) =>
    m.close(requireCtx(req), req.params.id),
  );
}
