import { z } from 'zod';
import {
  mediumInput,
  mediumListQuery,
  mediumListView,
  mediumPlaceInput,
  mediumView,
  movementFormQuery,
  movementFormView,
  movementInput,
  movementListQuery,
  movementListView,
  movementView,
  returnInput,
} from '../../../../shared/api/handling-movements.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { MovementsModule } from './index.ts';

const tags = ['handling'];
const mediumParams = z.object({ mediumId: z.uuid() });
const movementParams = z.object({ movementId: z.uuid() });

/** HTTP routes of the register of media (A14) and of movements (A12(2), A12(3)): parse, one call, present. */
export function registerMovementsRoutes(app: App, s: MovementsModule) {
  app.get(
    '/api/handling/media',
    { schema: { tags, querystring: mediumListQuery, response: { 200: mediumListView } } },
    (req) => s.media.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/handling/media',
    { schema: { tags, body: mediumInput, response: { 201: mediumView } } },
    async (req, reply) => reply.status(201).send(await s.media.register(requireCtx(req), req.body)),
  );
  app.get(
    '/api/handling/media/:mediumId',
    { schema: { tags, params: mediumParams, response: { 200: mediumView } } },
    (req) => s.media.get(requireCtx(req), req.params.mediumId),
  );
  app.put(
    '/api/handling/media/:mediumId',
    { schema: { tags, params: mediumParams, body: mediumPlaceInput, response: { 200: mediumView } } },
    (req) => s.media.updatePlace(requireCtx(req), req.params.mediumId, req.body),
  );

  app.get(
    '/api/handling/movements',
    { schema: { tags, querystring: movementListQuery, response: { 200: movementListView } } },
    (req) => s.movements.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/handling/movements/form',
    { schema: { tags, querystring: movementFormQuery, response: { 200: movementFormView } } },
    (req) => s.movements.form(requireCtx(req), req.query),
  );
  app.post(
    '/api/handling/movements/requests',
    { schema: { tags, body: movementInput, response: { 201: movementView } } },
    async (req, reply) => reply.status(201).send(await s.movements.request(requireCtx(req), req.body)),
  );
  app.post(
    '/api/handling/movements',
    { schema: { tags, body: movementInput, response: { 201: movementView } } },
    async (req, reply) => reply.status(201).send(await s.movements.record(requireCtx(req), req.body)),
  );
  app.get(
    '/api/handling/movements/:movementId',
    { schema: { tags, params: movementParams, response: { 200: movementView } } },
    (req) => s.movements.get(requireCtx(req), req.params.movementId),
  );
  app.post(
    '/api/handling/movements/:movementId/out',
    { schema: { tags, params: movementParams, response: { 200: movementView } } },
    (req) => s.movements.carryOut(requireCtx(req), req.params.movementId),
  );
  app.post(
    '/api/handling/movements/:movementId/return',
    { schema: { tags, params: movementParams, body: returnInput, response: { 200: movementView } } },
    (req) => s.movements.returned(requireCtx(req), req.params.movementId, req.body),
  );
}
