import { z } from 'zod';
import {
  approveInput,
  areaInput,
  areaPatch,
  areaView,
  currentTerminalView,
  reasonInput,
  terminalRequestInput,
  terminalView,
} from '../../../shared/api/terminals.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import { setTerminalCookie, terminalCookieOf } from './terminal-cookie.ts';
import type { TerminalsModule } from './index.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['terminals'];

/** HTTP routes of terminals (A29, A11の2): parse, one service call, present. */
export function terminalsRoutes(app: App, s: TerminalsModule & { cookieSecure: 'auto' | boolean }) {
  app.get('/api/terminals/current', { schema: { tags, response: { 200: currentTerminalView } } }, (req) =>
    s.terminals.current(requireCtx(req), terminalCookieOf(req, s.cookieSecure)),
  );

  app.get('/api/terminals/areas', { schema: { tags, response: { 200: z.array(areaView) } } }, (req) =>
    s.areas.list(requireCtx(req)),
  );
  app.post(
    '/api/terminals/areas',
    { schema: { tags, body: areaInput, response: { 201: areaView } } },
    async (req, reply) => reply.status(201).send(await s.areas.create(requireCtx(req), req.body)),
  );
  app.patch(
    '/api/terminals/areas/:id',
    { schema: { tags, params: idParams, body: areaPatch, response: { 200: areaView } } },
    (req) => s.areas.update(requireCtx(req), req.params.id, req.body),
  );
  app.delete('/api/terminals/areas/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await s.areas.remove(requireCtx(req), req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/api/terminals/areas/:id/terminals',
    { schema: { tags, params: idParams, response: { 200: z.array(terminalView) } } },
    (req) => s.terminals.ofArea(requireCtx(req), req.params.id),
  );

  // The device credential goes into an HttpOnly cookie; the answer never carries it.
  app.post(
    '/api/terminals/requests',
    { schema: { tags, body: terminalRequestInput, response: { 201: terminalView } } },
    async (req, reply) => {
      const { terminal, cookie } = await s.terminals.request(requireCtx(req), req.body);
      setTerminalCookie(req, reply, cookie, s.cookieSecure);
      return reply.status(201).send(terminal);
    },
  );
  app.get(
    '/api/terminals/requests/mine',
    { schema: { tags, response: { 200: z.array(terminalView) } } },
    (req) => s.terminals.mine(requireCtx(req)),
  );
  app.get('/api/terminals/inbox', { schema: { tags, response: { 200: z.array(terminalView) } } }, (req) =>
    s.terminals.inbox(requireCtx(req)),
  );
  app.post(
    '/api/terminals/requests/:id/approve',
    { schema: { tags, params: idParams, body: approveInput.nullish(), response: { 200: terminalView } } },
    (req) => s.terminals.approve(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/terminals/requests/:id/reject',
    { schema: { tags, params: idParams, body: reasonInput, response: { 200: terminalView } } },
    (req) => s.terminals.reject(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/terminals/:id/revoke',
    { schema: { tags, params: idParams, body: reasonInput, response: { 200: terminalView } } },
    (req) => s.terminals.revoke(requireCtx(req), req.params.id, req.body),
  );
}
