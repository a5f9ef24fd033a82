import { z } from 'zod';
import {
  consistencyProofView,
  consistencyQuery,
  entryQuery,
  logEntryDetailView,
  logEntryPage,
  logStatusView,
  pruneResultView,
  retentionInput,
  retentionView,
  verificationView,
} from '../../../shared/api/logs.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { LogsModule } from './index.ts';
import { b64 } from './logs.presenters.ts';

const tags = ['log'];
const idParams = z.object({ id: z.uuid() });

/** HTTP routes of the verifiable log (A22): parse, one service call, present. */
export function logsRoutes(app: App, s: LogsModule) {
  app.get(
    '/api/log/entries',
    { schema: { tags, querystring: entryQuery, response: { 200: logEntryPage } } },
    (req) => s.explorer.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/log/entries/:id',
    { schema: { tags, params: idParams, response: { 200: logEntryDetailView } } },
    (req) => s.explorer.detail(requireCtx(req), req.params.id),
  );
  app.get('/api/log/status', { schema: { tags, response: { 200: logStatusView } } }, (req) =>
    s.status.status(requireCtx(req)),
  );
  app.post('/api/log/verify', { schema: { tags, response: { 200: verificationView } } }, (req) =>
    s.status.verify(requireCtx(req)),
  );
  app.put(
    '/api/log/retention',
    { schema: { tags, body: retentionInput, response: { 200: retentionView } } },
    (req) => s.status.setRetention(requireCtx(req), req.body),
  );
  app.post('/api/log/prune', { schema: { tags, response: { 200: pruneResultView } } }, (req) =>
    s.status.prune(requireCtx(req)),
  );
  app.get(
    '/api/log/consistency',
    { schema: { tags, querystring: consistencyQuery, response: { 200: consistencyProofView } } },
    async (req) => {
      const p = await s.status.consistency(requireCtx(req), req.query.from, req.query.to);
      return { ...p, proof: p.proof.map(b64), fromRoot: b64(p.fromRoot), toRoot: b64(p.toRoot) };
    },
  );

  // Public (A22-2): anyone holding a checkpoint can check it against the log's key, and compare it
  // with checkpoints kept by witnesses. Neither says anything about any person.
  app.get('/log/checkpoint', { schema: { tags } }, async (_req, reply) => {
    const latest = await s.ledger.latestCheckpoint(s.database.db);
    if (!latest) return reply.status(404).type('text/plain; charset=utf-8').send('no checkpoint yet\n');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(latest.note);
  });
  app.get('/log/key', { schema: { tags } }, (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(`${s.ledger.verifierKey}\n`),
  );
}
