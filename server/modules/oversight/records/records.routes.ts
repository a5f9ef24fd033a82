import { z } from 'zod';
import {
  guidanceInput,
  guidanceView,
  historicalInput,
  historicalListQuery,
  historicalView,
  localRuleInput,
  localRuleListQuery,
  localRuleUpdate,
  localRuleView,
  unmarkInput,
} from '../../../../shared/api/oversight.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { sendDocument, tags, uploaded } from '../http.ts';
import type { Guidance } from './guidance.service.ts';
import type { Historical } from './historical.service.ts';
import type { LocalRules } from './local-rules.service.ts';

const params = z.object({ id: z.uuid() });

/** Guidance from ministries (A39), local rules (A40), historical materials (A41). */
export function recordsRoutes(
  app: App,
  m: { guidance: Guidance; localRules: LocalRules; historical: Historical },
) {
  const g = '/api/oversight/guidance';
  app.get(
    g,
    {
      schema: {
        tags,
        response: { 200: z.object({ guidance: z.array(guidanceView), canEdit: z.boolean() }) },
      },
    },
    (req) => m.guidance.list(requireCtx(req)),
  );
  app.post(
    g,
    { schema: { tags, body: guidanceInput, response: { 201: guidanceView } } },
    async (req, reply) => reply.status(201).send(await m.guidance.create(requireCtx(req), req.body)),
  );
  app.get(`${g}/:id`, { schema: { tags, params, response: { 200: guidanceView } } }, (req) =>
    m.guidance.get(requireCtx(req), req.params.id),
  );
  app.put(
    `${g}/:id`,
    { schema: { tags, params, body: guidanceInput, response: { 200: guidanceView } } },
    (req) => m.guidance.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${g}/:id/document`,
    { schema: { tags, params, consumes: ['multipart/form-data'], response: { 201: guidanceView } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await uploaded(req);
      return reply.status(201).send(await m.guidance.upload(ctx, req.params.id, file));
    },
  );
  app.get(`${g}/:id/document`, { schema: { tags, params } }, async (req, reply) =>
    sendDocument(reply, await m.guidance.readDocument(requireCtx(req), req.params.id)),
  );

  const r = '/api/oversight/local-rules';
  app.get(
    r,
    {
      schema: {
        tags,
        querystring: localRuleListQuery,
        response: {
          200: z.object({
            rules: z.array(localRuleView),
            canEdit: z.object({ organisation: z.boolean(), unitIds: z.array(z.string()) }),
          }),
        },
      },
    },
    (req) => m.localRules.list(requireCtx(req), req.query),
  );
  app.post(
    r,
    { schema: { tags, body: localRuleInput, response: { 201: localRuleView } } },
    async (req, reply) => reply.status(201).send(await m.localRules.create(requireCtx(req), req.body)),
  );
  app.get(`${r}/:id`, { schema: { tags, params, response: { 200: localRuleView } } }, (req) =>
    m.localRules.get(requireCtx(req), req.params.id),
  );
  app.put(
    `${r}/:id`,
    { schema: { tags, params, body: localRuleUpdate, response: { 200: localRuleView } } },
    (req) => m.localRules.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${r}/:id/document`,
    { schema: { tags, params, consumes: ['multipart/form-data'], response: { 201: localRuleView } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await uploaded(req);
      return reply.status(201).send(await m.localRules.upload(ctx, req.params.id, file));
    },
  );
  app.get(`${r}/:id/document`, { schema: { tags, params } }, async (req, reply) =>
    sendDocument(reply, await m.localRules.readDocument(requireCtx(req), req.params.id)),
  );

  const h = '/api/oversight/historical';
  app.get(
    h,
    {
      schema: {
        tags,
        querystring: historicalListQuery,
        response: {
          200: z.object({ files: z.array(historicalView), canMarkSectionIds: z.array(z.string()) }),
        },
      },
    },
    (req) => m.historical.list(requireCtx(req), req.query),
  );
  app.post(
    h,
    { schema: { tags, body: historicalInput, response: { 201: historicalView } } },
    async (req, reply) => reply.status(201).send(await m.historical.mark(requireCtx(req), req.body)),
  );
  app.get(`${h}/:id`, { schema: { tags, params, response: { 200: historicalView } } }, (req) =>
    m.historical.get(requireCtx(req), req.params.id),
  );
  app.post(
    `${h}/:id/unmark`,
    { schema: { tags, params, body: unmarkInput, response: { 200: historicalView } } },
    (req) => m.historical.unmark(requireCtx(req), req.params.id, req.body),
  );
}
