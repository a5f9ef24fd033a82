import { z } from 'zod';
import {
  approvalListQuery,
  approvalListView,
  approvalView,
  countsView,
  decisionInput,
  deputyInput,
  deputyView,
  notificationView,
  resubmitInput,
} from '../../../shared/api/approvals.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { ApprovalsModule } from './index.ts';

const tags = ['approvals'];
const params = z.object({ id: z.uuid() });
const ok = { 200: approvalView };

/** HTTP routes of the approval engine (issue 7): the inbox, a request, its decision, deputies, notices. */
export function approvalsRoutes(app: App, m: ApprovalsModule) {
  app.get(
    '/api/approvals',
    { schema: { tags, querystring: approvalListQuery, response: { 200: approvalListView } } },
    (req) => m.approvals.list(requireCtx(req), req.query),
  );
  app.get('/api/approvals/counts', { schema: { tags, response: { 200: countsView } } }, (req) =>
    m.approvals.counts(requireCtx(req)),
  );
  app.get('/api/approvals/:id', { schema: { tags, params, response: ok } }, (req) =>
    m.approvals.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/approvals/:id/decision',
    { schema: { tags, params, body: decisionInput, response: ok } },
    (req) => m.approvals.decide(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/approvals/:id/resubmit',
    { schema: { tags, params, body: resubmitInput, response: ok } },
    (req) => m.approvals.resubmit(requireCtx(req), req.params.id, req.body),
  );
  app.post('/api/approvals/:id/withdraw', { schema: { tags, params, response: ok } }, (req) =>
    m.approvals.withdraw(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/approval-deputies',
    { schema: { tags, response: { 200: z.object({ deputies: z.array(deputyView) }) } } },
    (req) => m.deputies.list(requireCtx(req)),
  );
  app.post(
    '/api/approval-deputies',
    { schema: { tags, body: deputyInput, response: { 201: deputyView } } },
    async (req, reply) => reply.status(201).send(await m.deputies.create(requireCtx(req), req.body)),
  );
  app.post(
    '/api/approval-deputies/:id/revoke',
    { schema: { tags, params, response: { 200: deputyView } } },
    (req) => m.deputies.revoke(requireCtx(req), req.params.id),
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        querystring: z.object({ unread: z.enum(['0', '1']).optional() }),
        response: { 200: z.object({ notifications: z.array(notificationView) }) },
      },
    },
    async (req) => ({
      notifications: await m.notifications.list(requireCtx(req), { unreadOnly: req.query.unread === '1' }),
    }),
  );
  app.post(
    '/api/notifications/read',
    {
      schema: { tags, body: z.object({ ids: z.array(z.uuid()).max(500).nullable().default(null) }).strict() },
    },
    async (req, reply) => {
      await m.notifications.markRead(requireCtx(req), req.body.ids);
      return reply.status(204).send();
    },
  );
}
