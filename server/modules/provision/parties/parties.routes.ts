import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  checkInput,
  checkView,
  partyInput,
  partyListQuery,
  partyListView,
  partyUpdateInput,
  partyView,
} from '../../../../shared/api/provision-parties.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Upload } from './checks.service.ts';
import type { PartiesModule } from './index.ts';

const tags = ['provision'];
const base = '/api/provision/parties';
const params = z.object({ partyId: z.uuid() });
const checkParams = params.extend({ checkId: z.uuid() });
const documentParams = params.extend({ documentId: z.uuid() });

/** The one file of a multipart request (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest): Promise<Upload> {
  let found: Upload | null = null;
  for await (const part of req.parts())
    if (part.type === 'file') found = { fileName: part.filename, bytes: await part.toBuffer() };
  if (!found) throw new AppError('provision.evidence_invalid');
  return found;
}

/** An attachment's header: an ASCII fallback and the real name (RFC 5987). */
export const attachment = (fileName: string, fallback: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** HTTP routes of the register of outside parties (A18, A19-1): parse, one service call, present. */
export function partiesRoutes(app: App, m: PartiesModule) {
  app.get(base, { schema: { tags, querystring: partyListQuery, response: { 200: partyListView } } }, (req) =>
    m.list(requireCtx(req), req.query),
  );
  app.post(base, { schema: { tags, body: partyInput, response: { 201: partyView } } }, async (req, reply) =>
    reply.status(201).send(await m.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/:partyId`, { schema: { tags, params, response: { 200: partyView } } }, (req) =>
    m.get(requireCtx(req), req.params.partyId),
  );
  app.put(
    `${base}/:partyId`,
    { schema: { tags, params, body: partyUpdateInput, response: { 200: partyView } } },
    (req) => m.update(requireCtx(req), req.params.partyId, req.body),
  );
  app.get(
    `${base}/:partyId/checks`,
    { schema: { tags, params, response: { 200: z.object({ checks: z.array(checkView) }) } } },
    (req) => m.listChecks(requireCtx(req), req.params.partyId),
  );
  app.post(
    `${base}/:partyId/checks`,
    { schema: { tags, params, body: checkInput, response: { 201: checkView } } },
    async (req, reply) =>
      reply.status(201).send(await m.addCheck(requireCtx(req), req.params.partyId, req.body)),
  );
  app.post(
    `${base}/:partyId/checks/:checkId/evidence`,
    {
      schema: { tags, params: checkParams, consumes: ['multipart/form-data'], response: { 201: checkView } },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await upload(req);
      return reply.status(201).send(await m.addEvidence(ctx, req.params.partyId, req.params.checkId, file));
    },
  );
  app.get(
    `${base}/:partyId/evidence/:documentId`,
    { schema: { tags, params: documentParams } },
    async (req, reply) => {
      const out = await m.evidence(requireCtx(req), req.params.partyId, req.params.documentId);
      const ext =
        { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[out.contentType] ?? 'bin';
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', attachment(out.fileName, `evidence.${ext}`))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(out.body);
    },
  );
}
