import { z } from 'zod';
import {
  completeInput,
  inspectionInput,
  inspectionListQuery,
  inspectionSummary,
  inspectionView,
  scheduleInput,
  scheduleView,
} from '../../../../shared/api/oversight.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { tags } from '../http.ts';
import type { Inspections } from './inspections.service.ts';

const base = '/api/oversight/inspections';
const params = z.object({ id: z.uuid() });
const one = { response: { 200: inspectionView } };

/** HTTP routes of inspections (issue 10; A37): parse, one service call, present. */
export function inspectionsRoutes(app: App, m: Inspections) {
  app.get(
    `${base}/schedules`,
    { schema: { tags, response: { 200: z.object({ schedules: z.array(scheduleView) }) } } },
    (req) => m.schedules(requireCtx(req)),
  );
  app.put(
    `${base}/schedules/:sectionId`,
    {
      schema: {
        tags,
        params: z.object({ sectionId: z.uuid() }),
        body: scheduleInput,
        response: { 200: scheduleView },
      },
    },
    (req) => m.setSchedule(requireCtx(req), req.params.sectionId, req.body),
  );
  app.get(
    base,
    {
      schema: {
        tags,
        querystring: inspectionListQuery,
        response: { 200: z.object({ inspections: z.array(inspectionSummary) }) },
      },
    },
    (req) => m.list(requireCtx(req), req.query),
  );
  app.post(
    base,
    { schema: { tags, body: inspectionInput, response: { 201: inspectionView } } },
    async (req, reply) => reply.status(201).send(await m.create(requireCtx(req), req.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    m.get(requireCtx(req), req.params.id),
  );
  app.put(`${base}/:id`, { schema: { tags, params, body: inspectionInput, ...one } }, (req) =>
    m.update(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/complete`,
    { schema: { tags, params, body: completeInput.optional(), ...one } },
    (req) => m.complete(requireCtx(req), req.params.id, req.body ?? {}),
  );
  app.post(`${base}/:id/report`, { schema: { tags, params, ...one } }, (req) =>
    m.report(requireCtx(req), req.params.id),
  );
  app.post(`${base}/:id/acknowledge`, { schema: { tags, params, ...one } }, (req) =>
    m.acknowledge(requireCtx(req), req.params.id),
  );
}
