import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  answerInput,
  auditListItem,
  auditListQuery,
  auditView,
  candidatesQuery,
  candidatesView,
  evidenceLinkInput,
  findingInput,
  findingView,
  planInput,
  progressInput,
} from '../../../shared/api/audits.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { AuditsModule } from './index.ts';

const tags = ['audits'];
const base = '/api/audits';
const params = z.object({ id: z.uuid() });
const itemParams = params.extend({ itemId: z.uuid() });
const evidenceParams = itemParams.extend({ evidenceId: z.uuid() });
const documentParams = params.extend({ documentId: z.uuid() });
const findingParams = params.extend({ findingId: z.uuid() });
const one = { response: { 200: auditView } };
const created = { response: { 201: auditView } };
const finding = { response: { 200: findingView } };

/** The uploaded file of a multipart request (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest) {
  for await (const part of req.parts())
    if (part.type === 'file') return { bytes: await part.toBuffer(), fileName: part.filename };
  throw new AppError('audits.document_invalid');
}

const attachment = (name: string, fileName: string) =>
  `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** HTTP routes of audits (issue 10; A36): parse, one service call, present. */
export function auditsRoutes(app: App, m: AuditsModule) {
  const { plans, checklist, findings, report } = m;
  app.get(
    base,
    {
      schema: {
        tags,
        querystring: auditListQuery,
        response: { 200: z.object({ items: z.array(auditListItem) }) },
      },
    },
    (req) => plans.list(requireCtx(req), req.query),
  );
  app.post(base, { schema: { tags, body: planInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await plans.create(requireCtx(req), req.body)),
  );
  app.get(
    `${base}/my-findings`,
    { schema: { tags, response: { 200: z.object({ items: z.array(findingView) }) } } },
    (req) => findings.mine(requireCtx(req)),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    m.core.view(requireCtx(req), req.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, params, body: planInput, ...one } }, (req) =>
    plans.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/start`, { schema: { tags, params, ...one } }, (req) =>
    plans.start(requireCtx(req), req.params.id),
  );
  app.put(
    `${base}/:id/items/:itemId`,
    { schema: { tags, params: itemParams, body: answerInput, ...one } },
    (req) => checklist.answer(requireCtx(req), req.params.id, req.params.itemId, req.body),
  );
  app.get(
    `${base}/:id/evidence-candidates`,
    { schema: { tags, params, querystring: candidatesQuery, response: { 200: candidatesView } } },
    (req) => checklist.candidates(requireCtx(req), req.params.id, req.query.kind),
  );
  app.post(
    `${base}/:id/items/:itemId/evidence`,
    { schema: { tags, params: itemParams, body: evidenceLinkInput, ...created } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await checklist.link(requireCtx(req), req.params.id, req.params.itemId, req.body)),
  );
  app.delete(
    `${base}/:id/items/:itemId/evidence/:evidenceId`,
    { schema: { tags, params: evidenceParams, ...one } },
    (req) => checklist.unlink(requireCtx(req), req.params.id, req.params.itemId, req.params.evidenceId),
  );
  app.post(
    `${base}/:id/items/:itemId/documents`,
    { schema: { tags, params: itemParams, consumes: ['multipart/form-data'], ...created } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await upload(req);
      return reply.status(201).send(await checklist.upload(ctx, req.params.id, req.params.itemId, file));
    },
  );
  app.get(
    `${base}/:id/documents/:documentId`,
    { schema: { tags, params: documentParams } },
    async (req, reply) => {
      const doc = await checklist.readDocument(requireCtx(req), req.params.id, req.params.documentId);
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', attachment('document', doc.fileName))
        .header('cache-control', 'no-store')
        .send(doc.body);
    },
  );
  app.post(
    `${base}/:id/findings`,
    { schema: { tags, params, body: findingInput, response: { 201: findingView } } },
    async (req, reply) =>
      reply.status(201).send(await findings.add(requireCtx(req), req.params.id, req.body)),
  );
  app.get(`${base}/:id/findings/:findingId`, { schema: { tags, params: findingParams, ...finding } }, (req) =>
    findings.get(requireCtx(req), req.params.id, req.params.findingId),
  );
  app.patch(
    `${base}/:id/findings/:findingId`,
    { schema: { tags, params: findingParams, body: findingInput, ...finding } },
    (req) => findings.edit(requireCtx(req), req.params.id, req.params.findingId, req.body),
  );
  app.post(
    `${base}/:id/findings/:findingId/progress`,
    { schema: { tags, params: findingParams, body: progressInput, ...finding } },
    (req) => findings.progress(requireCtx(req), req.params.id, req.params.findingId, req.body),
  );
  app.post(
    `${base}/:id/findings/:findingId/done`,
    { schema: { tags, params: findingParams, body: progressInput, ...finding } },
    (req) => findings.done(requireCtx(req), req.params.id, req.params.findingId, req.body),
  );
  app.post(
    `${base}/:id/findings/:findingId/confirm`,
    { schema: { tags, params: findingParams, ...finding } },
    (req) => findings.confirm(requireCtx(req), req.params.id, req.params.findingId),
  );
  app.post(`${base}/:id/report`, { schema: { tags, params, ...one } }, (req) =>
    report.issue(requireCtx(req), req.params.id),
  );
  app.get(`${base}/:id/report.pdf`, { schema: { tags, params } }, async (req, reply) => {
    const pdf = await report.pdf(requireCtx(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment('audit-report.pdf', `監査報告書_${pdf.number}.pdf`))
      .header('cache-control', 'no-store')
      .send(pdf.body);
  });
  app.post(`${base}/:id/acknowledge`, { schema: { tags, params, ...one } }, (req) =>
    report.acknowledge(requireCtx(req), req.params.id),
  );
  app.post(`${base}/:id/close`, { schema: { tags, params, ...one } }, (req) =>
    plans.close(requireCtx(req), req.params.id),
  );
}
