import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  actInput,
  agreementInput,
  checkInput,
  closeInput,
  improvementDoneInput,
  improvementInput,
  measuresInput,
  provisionInput,
  provisionListQuery,
  provisionListView,
  provisionPatch,
  provisionView,
  recipientsQuery,
  recipientsView,
  submitInput,
} from '../../../../shared/api/provision-provisions.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { ProvisionsModule } from './index.ts';

const tags = ['provision'];
const base = '/api/provision/provisions';
const params = z.object({ id: z.uuid() });
const improvementParams = params.extend({ improvementId: z.uuid() });
const one = { response: { 200: provisionView } };

/** The uploaded document of a multipart request (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest) {
  for await (const part of req.parts()) {
    if (part.type === 'file') return { bytes: await part.toBuffer(), name: part.filename };
  }
  throw new AppError('provision.agreement_document_invalid');
}

/** HTTP routes of provisions to third parties (issue 9; A17-2, A18): parse, one service call, present. */
export function provisionsRoutes(app: App, m: ProvisionsModule) {
  const s = m.service;
  const r = m.records;
  app.get(
    `${base}`,
    { schema: { tags, querystring: provisionListQuery, response: { 200: provisionListView } } },
    (req) => s.list(requireCtx(req), req.query),
  );
  app.post(
    `${base}`,
    { schema: { tags, body: provisionInput, response: { 201: provisionView } } },
    async (req, reply) => reply.status(201).send(await s.create(requireCtx(req), req.body)),
  );
  // The register's 経常的提供先, offered from active regular provisions of the file.
  app.get(
    `${base}/recipients`,
    { schema: { tags, querystring: recipientsQuery, response: { 200: recipientsView } } },
    (req) => s.recipients(requireCtx(req), req.query),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    s.get(requireCtx(req), req.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, params, body: provisionPatch, ...one } }, (req) =>
    s.update(requireCtx(req), req.params.id, req.body),
  );
  app.put(`${base}/:id/agreement`, { schema: { tags, params, body: agreementInput, ...one } }, (req) =>
    r.setAgreement(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/agreement/document`,
    { schema: { tags, params, consumes: ['multipart/form-data'], ...one } },
    async (req) => {
      const ctx = requireCtx(req);
      return r.uploadDocument(ctx, req.params.id, await upload(req));
    },
  );
  app.get(`${base}/:id/agreement/document`, { schema: { tags, params } }, async (req, reply) => {
    const d = await r.document(requireCtx(req), req.params.id);
    return reply
      .type(d.type)
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="agreement"; filename*=UTF-8''${encodeURIComponent(d.name)}`,
      )
      .send(d.bytes);
  });
  app.put(`${base}/:id/measures`, { schema: { tags, params, body: measuresInput, ...one } }, (req) =>
    r.setMeasures(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/checks`, { schema: { tags, params, body: checkInput, ...one } }, (req) =>
    r.addCheck(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/improvements`, { schema: { tags, params, body: improvementInput, ...one } }, (req) =>
    r.addImprovement(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/improvements/:improvementId/done`,
    { schema: { tags, params: improvementParams, body: improvementDoneInput, ...one } },
    (req) => r.improvementDone(requireCtx(req), req.params.id, req.params.improvementId, req.body),
  );
  app.post(`${base}/:id/submit`, { schema: { tags, params, body: submitInput, ...one } }, (req) =>
    s.submit(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/acts`, { schema: { tags, params, body: actInput, ...one } }, (req) =>
    r.recordAct(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/close`, { schema: { tags, params, body: closeInput, ...one } }, (req) =>
    s.close(requireCtx(req), req.params.id, req.body),
  );
}
