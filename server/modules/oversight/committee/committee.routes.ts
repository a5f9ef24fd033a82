import { z } from 'zod';
import { committeeView, heldInput, meetingInput, meetingView } from '../../../../shared/api/oversight.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { sendDocument, tags, uploaded } from '../http.ts';
import type { Committee } from './committee.service.ts';

const base = '/api/oversight/committee';
const params = z.object({ id: z.uuid() });
const one = { response: { 200: meetingView } };

/** HTTP routes of the committee (issue 10; A9). */
export function committeeRoutes(app: App, m: Committee) {
  app.get(base, { schema: { tags, response: { 200: committeeView } } }, (req) => m.overview(requireCtx(req)));
  app.post(
    `${base}/meetings`,
    { schema: { tags, body: meetingInput, response: { 201: meetingView } } },
    async (req, reply) => reply.status(201).send(await m.schedule(requireCtx(req), req.body)),
  );
  app.get(`${base}/meetings/:id`, { schema: { tags, params, ...one } }, (req) =>
    m.get(requireCtx(req), req.params.id),
  );
  app.put(`${base}/meetings/:id`, { schema: { tags, params, body: meetingInput, ...one } }, (req) =>
    m.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/meetings/:id/held`, { schema: { tags, params, body: heldInput, ...one } }, (req) =>
    m.hold(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/meetings/:id/document`,
    { schema: { tags, params, consumes: ['multipart/form-data'], response: { 201: meetingView } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await uploaded(req);
      return reply.status(201).send(await m.upload(ctx, req.params.id, file));
    },
  );
  app.get(`${base}/meetings/:id/document`, { schema: { tags, params } }, async (req, reply) =>
    sendDocument(reply, await m.readDocument(requireCtx(req), req.params.id)),
  );
}
