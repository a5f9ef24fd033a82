import { z } from 'zod';
import {
  authorisedInput,
  candidateQuery,
  candidateView,
  doorView,
  entryInput,
  entryListQuery,
  entryView,
  exitInput,
  inspectionInput,
  inspectionView,
  roomInput,
  roomListView,
  roomUpdateInput,
  roomView,
} from '../../../../shared/api/facility-rooms.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { RoomsPart } from './index.ts';

const tags = ['facilities'];
const base = '/api/facilities/rooms';
const params = z.object({ roomId: z.uuid() });
const entryParams = params.extend({ entryId: z.uuid() });
const personParams = params.extend({ personId: z.uuid() });
const entries = z.object({ entries: z.array(entryView) });

/** HTTP routes of rooms and storage facilities (A32, A33): parse, one service call, present. */
export function roomsHttp(app: App, m: RoomsPart) {
  app.get(base, { schema: { tags, response: { 200: roomListView } } }, (req) => m.list(requireCtx(req)));
  app.post(base, { schema: { tags, body: roomInput, response: { 201: roomView } } }, async (req, reply) =>
    reply.status(201).send(await m.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/:roomId`, { schema: { tags, params, response: { 200: roomView } } }, (req) =>
    m.get(requireCtx(req), req.params.roomId),
  );
  app.put(
    `${base}/:roomId`,
    { schema: { tags, params, body: roomUpdateInput, response: { 200: roomView } } },
    (req) => m.update(requireCtx(req), req.params.roomId, req.body),
  );
  app.get(
    `${base}/:roomId/candidates`,
    {
      schema: {
        tags,
        params,
        querystring: candidateQuery,
        response: { 200: z.object({ people: z.array(candidateView) }) },
      },
    },
    (req) => m.candidates(requireCtx(req), req.params.roomId, req.query),
  );
  app.post(
    `${base}/:roomId/authorised`,
    { schema: { tags, params, body: authorisedInput, response: { 201: roomView } } },
    async (req, reply) =>
      reply.status(201).send(await m.authorise(requireCtx(req), req.params.roomId, req.body)),
  );
  app.delete(
    `${base}/:roomId/authorised/:personId`,
    { schema: { tags, params: personParams, response: { 200: roomView } } },
    (req) => m.unauthorise(requireCtx(req), req.params.roomId, req.params.personId),
  );
  app.get(
    `${base}/:roomId/entries`,
    { schema: { tags, params, querystring: entryListQuery, response: { 200: entries } } },
    (req) => m.entries.list(requireCtx(req), req.params.roomId, req.query),
  );
  app.post(
    `${base}/:roomId/entries`,
    { schema: { tags, params, body: entryInput, response: { 201: entryView } } },
    async (req, reply) =>
      reply.status(201).send(await m.entries.enter(requireCtx(req), req.params.roomId, req.body)),
  );
  app.post(
    `${base}/:roomId/entries/:entryId/exit`,
    { schema: { tags, params: entryParams, body: exitInput.optional(), response: { 200: entryView } } },
    (req) => m.entries.exit(requireCtx(req), req.params.roomId, req.params.entryId, req.body ?? {}),
  );
  app.get(`${base}/:roomId/inside`, { schema: { tags, params, response: { 200: entries } } }, (req) =>
    m.entries.inside(requireCtx(req), req.params.roomId),
  );
  app.get(`${base}/:roomId/door`, { schema: { tags, params, response: { 200: doorView } } }, (req) =>
    m.entries.door(requireCtx(req), req.params.roomId),
  );
  app.get(
    `${base}/:roomId/inspections`,
    { schema: { tags, params, response: { 200: z.object({ inspections: z.array(inspectionView) }) } } },
    (req) => m.inspections.list(requireCtx(req), req.params.roomId),
  );
  app.post(
    `${base}/:roomId/inspections`,
    { schema: { tags, params, body: inspectionInput, response: { 201: inspectionView } } },
    async (req, reply) =>
      reply.status(201).send(await m.inspections.record(requireCtx(req), req.params.roomId, req.body)),
  );
}
