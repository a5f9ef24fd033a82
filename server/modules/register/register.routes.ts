import { z } from 'zod';
import {
  createFileInput,
  diffView,
  entryFields,
  fileListView,
  fileQuery,
  fileView,
  historyView,
  inboxView,
  publicEntryView,
  reasonInput,
  amendInput,
} from '../../../shared/api/register.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { RegisterModule } from './index.ts';
import { publicRegisterRoutes } from './public/public.routes.ts';
import { registerImportRoutes } from './import/index.ts';

const tags = ['register'];
const idParams = z.object({ id: z.uuid() });
const ok = { 200: fileView };

/** HTTP routes of the register (A20): parse, one service call, present. */
export function registerRoutes(app: App, s: RegisterModule) {
  const f = s.files;
  app.get(
    '/api/register/files',
    { schema: { tags, querystring: fileQuery, response: { 200: fileListView } } },
    (req) => f.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/register/files',
    { schema: { tags, body: createFileInput, response: { 201: fileView } } },
    async (req, reply) => reply.status(201).send(await f.create(requireCtx(req), req.body)),
  );
  app.get('/api/register/files/:id', { schema: { tags, params: idParams, response: ok } }, (req) =>
    f.detail(requireCtx(req), req.params.id),
  );
  app.put(
    '/api/register/files/:id/draft',
    { schema: { tags, params: idParams, body: entryFields, response: ok } },
    (req) => f.edit(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/register/files/:id/amend',
    { schema: { tags, params: idParams, body: amendInput, response: ok } },
    (req) => f.amend(requireCtx(req), req.params.id, req.body.fields),
  );
  app.post('/api/register/files/:id/submit', { schema: { tags, params: idParams, response: ok } }, (req) =>
    f.submit(requireCtx(req), req.params.id),
  );
  app.post('/api/register/files/:id/accept', { schema: { tags, params: idParams, response: ok } }, (req) =>
    f.accept(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/register/files/:id/return',
    { schema: { tags, params: idParams, body: reasonInput, response: ok } },
    (req) => f.returnForCorrection(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/register/files/:id/discontinue',
    { schema: { tags, params: idParams, body: reasonInput, response: ok } },
    (req) => f.discontinue(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/register/files/:id/approve-my-number',
    { schema: { tags, params: idParams, response: ok } },
    (req) => f.approveMyNumber(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/register/files/:id/history',
    { schema: { tags, params: idParams, response: { 200: historyView } } },
    (req) => f.history(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/register/files/:id/diff',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: diffView },
      },
    },
    (req) => f.diff(requireCtx(req), req.params.id, req.query.from, req.query.to),
  );
  app.get('/api/register/inbox', { schema: { tags, response: { 200: inboxView } } }, (req) =>
    f.inbox(requireCtx(req)),
  );

  // Public (A20-2, 法75): the published register, no sign-in. Exempt, struck and unfinished entries are never here.
  app.get(
    '/register/files.json',
    { schema: { tags, response: { 200: z.object({ entries: z.array(publicEntryView) }) } } },
    async (_req, reply) =>
      reply.header('cache-control', 'no-cache').send({ entries: await s.public.entries() }),
  );
  publicRegisterRoutes(app, s.public);
  registerImportRoutes(app, s.import);
}
