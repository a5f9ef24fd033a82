import { z } from 'zod';
import {
  outOfPurposeDoneInput,
  outOfPurposeInput,
  outOfPurposeListQuery,
  outOfPurposeListView,
  outOfPurposeView,
  restrictionInput,
  restrictionView,
} from '../../../../shared/api/handling-purpose.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { OutOfPurposeService } from './index.ts';

const tags = ['handling'];
const params = z.object({ id: z.uuid() });
const unitParams = z.object({ unitId: z.uuid() });

/** HTTP routes of use and provision outside the purpose (issue 7; A17-2..4, A17の2). */
export function outOfPurposeRoutes(app: App, s: OutOfPurposeService) {
  app.post(
    '/api/handling/out-of-purpose',
    { schema: { tags, body: outOfPurposeInput, response: { 201: outOfPurposeView } } },
    async (req, reply) => reply.status(201).send(await s.request(requireCtx(req), req.body)),
  );
  app.get(
    '/api/handling/out-of-purpose',
    { schema: { tags, querystring: outOfPurposeListQuery, response: { 200: outOfPurposeListView } } },
    (req) => s.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/handling/out-of-purpose/:id',
    { schema: { tags, params, response: { 200: outOfPurposeView } } },
    (req) => s.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/handling/out-of-purpose/:id/done',
    { schema: { tags, params, body: outOfPurposeDoneInput, response: { 200: outOfPurposeView } } },
    (req) => s.done(requireCtx(req), req.params.id, req.body),
  );
  // A17-4: the unit's list of staff who alone may use its information internally outside the purpose.
  app.get(
    '/api/handling/restrictions/:unitId',
    { schema: { tags, params: unitParams, response: { 200: restrictionView } } },
    (req) => s.restriction.view(requireCtx(req), req.params.unitId),
  );
  app.put(
    '/api/handling/restrictions/:unitId',
    { schema: { tags, params: unitParams, body: restrictionInput, response: { 200: restrictionView } } },
    (req) => s.restriction.update(requireCtx(req), req.params.unitId, req.body),
  );
}
