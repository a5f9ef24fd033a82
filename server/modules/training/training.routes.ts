import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  completionInput,
  courseInput,
  courseListView,
  courseUpdateInput,
  courseView,
  enrolInput,
  myTrainingView,
  overdueListView,
  overdueQuery,
  sessionInput,
  sessionQuery,
  sessionView,
} from '../../../shared/api/training.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { TrainingModule } from './index.ts';

const tags = ['training'];
const base = '/api/training';
const params = z.object({ id: z.uuid() });
const course = { response: { 200: courseView } };
const session = { response: { 200: sessionView } };

/** The uploaded material of a multipart request (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest) {
  for await (const part of req.parts()) {
    if (part.type === 'file') return { bytes: await part.toBuffer(), name: part.filename };
  }
  throw new AppError('training.material_invalid');
}

/** HTTP routes of training (issue 10; A10): parse, one service call, present. */
export function trainingRoutes(app: App, m: TrainingModule) {
  const { courses, sessions, status } = m;
  app.get(`${base}/me`, { schema: { tags, response: { 200: myTrainingView } } }, (req) =>
    status.me(requireCtx(req)),
  );
  app.get(
    `${base}/overdue`,
    { schema: { tags, querystring: overdueQuery, response: { 200: overdueListView } } },
    (req) => status.overdue(requireCtx(req), req.query),
  );
  app.get(`${base}/courses`, { schema: { tags, response: { 200: courseListView } } }, (req) =>
    courses.list(requireCtx(req)),
  );
  app.post(
    `${base}/courses`,
    { schema: { tags, body: courseInput, response: { 201: courseView } } },
    async (req, reply) => reply.status(201).send(await courses.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/courses/:id`, { schema: { tags, params, ...course } }, (req) =>
    courses.get(requireCtx(req), req.params.id),
  );
  app.patch(`${base}/courses/:id`, { schema: { tags, params, body: courseUpdateInput, ...course } }, (req) =>
    courses.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/courses/:id/material`,
    { schema: { tags, params, consumes: ['multipart/form-data'], ...course } },
    async (req) => {
      const ctx = requireCtx(req);
      return courses.uploadMaterial(ctx, req.params.id, await upload(req));
    },
  );
  app.get(`${base}/courses/:id/material`, { schema: { tags, params } }, async (req, reply) => {
    const d = await courses.material(requireCtx(req), req.params.id);
    return reply
      .type(d.type)
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="material"; filename*=UTF-8''${encodeURIComponent(d.name)}`,
      )
      .send(d.bytes);
  });
  app.post(
    `${base}/courses/:id/sessions`,
    { schema: { tags, params, body: sessionInput, response: { 201: sessionView } } },
    async (req, reply) =>
      reply.status(201).send(await sessions.create(requireCtx(req), req.params.id, req.body)),
  );
  app.get(
    `${base}/sessions/:id`,
    { schema: { tags, params, querystring: sessionQuery, ...session } },
    (req) => sessions.get(requireCtx(req), req.params.id, req.query),
  );
  app.post(
    `${base}/sessions/:id/enrolments`,
    { schema: { tags, params, body: enrolInput, ...session } },
    (req) => sessions.enrol(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/sessions/:id/completions`,
    { schema: { tags, params, body: completionInput, ...session } },
    (req) => sessions.record(requireCtx(req), req.params.id, req.body),
  );
  // Online material: the person records their own completion (no body).
  app.post(`${base}/sessions/:id/complete`, { schema: { tags, params, ...session } }, (req) =>
    sessions.completeSelf(requireCtx(req), req.params.id),
  );
}
