import { z } from 'zod';
import {
  bringInInput,
  bringInListView,
  bringInView,
  checkInInput,
  checkOutInput,
  deviceDetailView,
  deviceEditInput,
  deviceInput,
  deviceListQuery,
  deviceListView,
  disposeInput,
  lostInput,
  recordTakeOutInput,
  removalInput,
  takeOutRequestInput,
} from '../../../../shared/api/facility-devices.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { DevicesPart } from './index.ts';

const tags = ['facilities'];
const base = '/api/facilities/devices';
const params = z.object({ id: z.uuid() });
const one = { response: { 200: deviceDetailView } };
const created = { response: { 201: deviceDetailView } };

/** HTTP routes of devices and media (issue 11; A14, A30): parse, one service call, present. */
export function devicesRoutes(app: App, m: DevicesPart) {
  app.get(
    base,
    { schema: { tags, querystring: deviceListQuery, response: { 200: deviceListView } } },
    (req) => m.list(requireCtx(req), req.query),
  );
  app.post(base, { schema: { tags, body: deviceInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await m.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/bring-ins`, { schema: { tags, response: { 200: bringInListView } } }, (req) =>
    m.bringIns.list(requireCtx(req)),
  );
  app.post(
    `${base}/bring-ins`,
    { schema: { tags, body: bringInInput, response: { 201: bringInView } } },
    async (req, reply) => reply.status(201).send(await m.bringIns.request(requireCtx(req), req.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    m.get(requireCtx(req), req.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, params, body: deviceEditInput, ...one } }, (req) =>
    m.edit(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/check-out`, { schema: { tags, params, body: checkOutInput, ...one } }, (req) =>
    m.moves.checkOut(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/check-in`, { schema: { tags, params, body: checkInInput, ...one } }, (req) =>
    m.moves.checkIn(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/take-outs`,
    { schema: { tags, params, body: takeOutRequestInput, ...created } },
    async (req, reply) =>
      reply.status(201).send(await m.moves.requestTakeOut(requireCtx(req), req.params.id, req.body)),
  );
  app.post(`${base}/:id/take-out`, { schema: { tags, params, body: recordTakeOutInput, ...one } }, (req) =>
    m.moves.recordTakeOut(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/take-back`, { schema: { tags, params, body: checkInInput, ...one } }, (req) =>
    m.moves.recordReturn(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/removal`, { schema: { tags, params, body: removalInput, ...one } }, (req) =>
    m.bringIns.removal(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/lost`,
    { schema: { tags, params, body: lostInput, ...created } },
    async (req, reply) =>
      reply.status(201).send(await m.loss.reportLost(requireCtx(req), req.params.id, req.body)),
  );
  app.post(`${base}/:id/dispose`, { schema: { tags, params, body: disposeInput, ...one } }, (req) =>
    m.loss.dispose(requireCtx(req), req.params.id, req.body),
  );
}
