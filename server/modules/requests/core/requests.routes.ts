import { z } from 'zod';
import {
  answerInput,
  extensionInput,
  feeInput,
  intakeInput,
  largeInput,
  pauseInput,
  withdrawInput,
} from '../../../../shared/api/requests.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { params, tags } from '../common/http.ts';
import type { RequestsCore } from './index.ts';
import { boardQuery } from './requests.reading.ts';

const base = '/api/requests';
const pauseParams = params.extend({ pauseId: z.string().min(1).max(36) });

/** HTTP routes of the core of individuals' requests (法76–107): parse, one service call, present. */
export function requestsHttp(app: App, core: RequestsCore) {
  app.get(base, { schema: { tags, querystring: boardQuery } }, (req) =>
    core.list(requireCtx(req), req.query),
  );
  app.post(base, { schema: { tags, body: intakeInput } }, async (req, reply) =>
    reply.status(201).send(await core.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/offices`, { schema: { tags } }, (req) => core.offices(requireCtx(req)));
  app.get(`${base}/:id`, { schema: { tags, params } }, (req) => core.view(requireCtx(req), req.params.id));
  app.post(`${base}/:id/pauses`, { schema: { tags, params, body: pauseInput } }, async (req, reply) =>
    reply.status(201).send(await core.pause(requireCtx(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/pauses/:pauseId/answer`,
    { schema: { tags, params: pauseParams, body: answerInput } },
    (req) => core.answer(requireCtx(req), req.params.id, req.params.pauseId, req.body),
  );
  app.post(`${base}/:id/extension`, { schema: { tags, params, body: extensionInput } }, (req) =>
    core.extend(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/large`, { schema: { tags, params, body: largeInput } }, (req) =>
    core.large(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/fee`, { schema: { tags, params, body: feeInput } }, (req) =>
    core.fee(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/withdraw`, { schema: { tags, params, body: withdrawInput } }, (req) =>
    core.withdraw(requireCtx(req), req.params.id, req.body),
  );
  app.get(`${base}/:id/periods`, { schema: { tags, params } }, (req) =>
    core.periodsOf(requireCtx(req), req.params.id),
  );

  // The public page of how to request (ADR 0004: no sign-in, no JavaScript, nothing internal).
  app.get('/register/requests', { schema: { tags } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(await core.publicPage()),
  );
}
