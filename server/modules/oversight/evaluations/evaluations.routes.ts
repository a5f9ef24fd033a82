import { z } from 'zod';
import {
  actionDoneInput,
  actionInput,
  assessmentInput,
  evaluationCreateInput,
  evaluationSummary,
  evaluationView,
  ownerOption,
} from '../../../../shared/api/oversight.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { tags } from '../http.ts';
import type { Evaluations } from './evaluations.service.ts';

const base = '/api/oversight/evaluations';
const params = z.object({ id: z.uuid() });
const actionParams = params.extend({ actionId: z.uuid() });
const one = { response: { 200: evaluationView } };
const created = { response: { 201: evaluationView } };

/** HTTP routes of the yearly evaluation (issue 10; A38). */
export function evaluationsRoutes(app: App, m: Evaluations) {
  app.get(
    base,
    {
      schema: {
        tags,
        response: {
          200: z.object({
            evaluations: z.array(evaluationSummary),
            canCreate: z.object({ organisation: z.boolean(), unitIds: z.array(z.string()) }),
          }),
        },
      },
    },
    (req) => m.list(requireCtx(req)),
  );
  app.post(base, { schema: { tags, body: evaluationCreateInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await m.create(requireCtx(req), req.body)),
  );
  app.get(
    `${base}/owners`,
    { schema: { tags, response: { 200: z.object({ people: z.array(ownerOption) }) } } },
    (req) => m.owners(requireCtx(req)),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    m.get(requireCtx(req), req.params.id),
  );
  app.put(`${base}/:id`, { schema: { tags, params, body: assessmentInput, ...one } }, (req) =>
    m.assess(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/actions`,
    { schema: { tags, params, body: actionInput, ...created } },
    async (req, reply) => reply.status(201).send(await m.addAction(requireCtx(req), req.params.id, req.body)),
  );
  app.delete(`${base}/:id/actions/:actionId`, { schema: { tags, params: actionParams, ...one } }, (req) =>
    m.removeAction(requireCtx(req), req.params.id, req.params.actionId),
  );
  app.post(`${base}/:id/decide`, { schema: { tags, params, ...one } }, (req) =>
    m.decide(requireCtx(req), req.params.id),
  );
  app.post(
    `${base}/:id/actions/:actionId/done`,
    { schema: { tags, params: actionParams, body: actionDoneInput, ...one } },
    (req) => m.actionDone(requireCtx(req), req.params.id, req.params.actionId, req.body),
  );
}
