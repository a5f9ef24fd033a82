import { z } from 'zod';
import {
  closeInput,
  containmentInput,
  factsInput,
  incidentCountsView,
  incidentListQuery,
  incidentListView,
  incidentSettings,
  incidentView,
  linkInput,
  measureDoneInput,
  measureInput,
  noticeInput,
  publicationInput,
  reportFormView,
  reportInput,
  stepInput,
} from '../../../shared/api/incidents.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { IncidentsModule } from './index.ts';

const tags = ['incidents'];
const base = '/api/incidents';
const params = z.object({ id: z.uuid() });
const linkParams = params.extend({ linkId: z.uuid() });
const measureParams = params.extend({ measureId: z.uuid() });
const one = { response: { 200: incidentView } };

/** HTTP routes of incidents (issue 8; A34–A35, 法68): parse, one service call, present. */
export function incidentsRoutes(app: App, m: IncidentsModule) {
  const s = m.incidents;
  app.get(`${base}/form`, { schema: { tags, response: { 200: reportFormView } } }, (req) =>
    s.form(requireCtx(req)),
  );
  app.post(
    `${base}`,
    { schema: { tags, body: reportInput, response: { 201: incidentView } } },
    async (req, reply) => reply.status(201).send(await s.report(requireCtx(req), req.body)),
  );
  app.get(
    `${base}`,
    { schema: { tags, querystring: incidentListQuery, response: { 200: incidentListView } } },
    (req) => s.list(requireCtx(req), req.query),
  );
  app.get(`${base}/counts`, { schema: { tags, response: { 200: incidentCountsView } } }, (req) =>
    s.counts(requireCtx(req)),
  );
  app.get(`${base}/settings`, { schema: { tags, response: { 200: incidentSettings } } }, (req) =>
    m.settings.get(requireCtx(req)),
  );
  app.put(
    `${base}/settings`,
    { schema: { tags, body: incidentSettings, response: { 200: incidentSettings } } },
    (req) => m.settings.put(requireCtx(req), req.body),
  );
  app.get(`${base}/:id`, { schema: { tags, params, ...one } }, (req) =>
    s.get(requireCtx(req), req.params.id),
  );
  app.post(`${base}/:id/containment`, { schema: { tags, params, body: containmentInput, ...one } }, (req) =>
    s.contain(requireCtx(req), req.params.id, req.body),
  );
  app.put(`${base}/:id/facts`, { schema: { tags, params, body: factsInput, ...one } }, (req) =>
    s.saveFacts(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/links`, { schema: { tags, params, body: linkInput, ...one } }, (req) =>
    s.addLink(requireCtx(req), req.params.id, req.body),
  );
  app.delete(`${base}/:id/links/:linkId`, { schema: { tags, params: linkParams, ...one } }, (req) =>
    s.removeLink(requireCtx(req), req.params.id, req.params.linkId),
  );
  app.post(`${base}/:id/steps`, { schema: { tags, params, body: stepInput, ...one } }, (req) =>
    s.recordStep(requireCtx(req), req.params.id, req.body),
  );
  app.put(`${base}/:id/notice`, { schema: { tags, params, body: noticeInput, ...one } }, (req) =>
    s.recordNotice(requireCtx(req), req.params.id, req.body),
  );
  app.put(`${base}/:id/publication`, { schema: { tags, params, body: publicationInput, ...one } }, (req) =>
    s.recordPublication(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/measures`, { schema: { tags, params, body: measureInput, ...one } }, (req) =>
    s.addMeasure(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/measures/:measureId/done`,
    { schema: { tags, params: measureParams, body: measureDoneInput, ...one } },
    (req) => s.completeMeasure(requireCtx(req), req.params.id, req.params.measureId, req.body),
  );
  app.post(`${base}/:id/close`, { schema: { tags, params, body: closeInput, ...one } }, (req) =>
    s.close(requireCtx(req), req.params.id, req.body),
  );
  app.get(`${base}/:id/report.pdf`, { schema: { tags, params } }, async (req, reply) => {
    const out = await s.pdf(requireCtx(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${out.filename}"`)
      .header('cache-control', 'no-store')
      .send(out.body);
  });
}
