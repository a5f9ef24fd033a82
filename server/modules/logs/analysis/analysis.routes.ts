import { z } from 'zod';
import {
  accessAnswerView,
  accessExportQuery,
  accessQuery,
  analysisRequest,
  reportFilter,
  signOffInput,
  analysisScopeView,
  analysisSettings,
  reportSummaryView,
  reportView,
} from '../../../../shared/api/log-analysis.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { LogAnalysis } from './index.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['log-analysis'];

/** HTTP routes of the log analysis (A22-1): parse, one service call, present. */
export function logAnalysisRoutes(app: App, s: LogAnalysis) {
  app.get('/api/log-analysis/settings', { schema: { tags, response: { 200: analysisSettings } } }, (req) => {
    requireCtx(req); // signed-in people only
    return s.settings.current();
  });
  app.put(
    '/api/log-analysis/settings',
    { schema: { tags, body: analysisSettings, response: { 200: analysisSettings } } },
    (req) => s.settings.update(requireCtx(req), req.body),
  );

  app.get(
    '/api/log-analysis/scopes',
    { schema: { tags, response: { 200: z.array(analysisScopeView) } } },
    (req) => s.reports.scopes(requireCtx(req)),
  );
  app.get(
    '/api/log-analysis/reports',
    { schema: { tags, querystring: reportFilter, response: { 200: z.array(reportSummaryView) } } },
    (req) => s.reports.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/log-analysis/reports',
    { schema: { tags, body: analysisRequest, response: { 201: reportView } } },
    async (req, reply) => reply.status(201).send(await s.reports.run(requireCtx(req), req.body)),
  );
  app.get(
    '/api/log-analysis/reports/:id',
    { schema: { tags, params: idParams, response: { 200: reportView } } },
    (req) => s.reports.get(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/log-analysis/reports/:id/sign-off',
    { schema: { tags, params: idParams, body: signOffInput, response: { 200: reportView } } },
    (req) => s.reports.signOff(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/log-analysis/access',
    { schema: { tags, querystring: accessQuery, response: { 200: accessAnswerView } } },
    (req) => s.access.ask(requireCtx(req), req.query),
  );
  app.get(
    '/api/log-analysis/access/export',
    { schema: { tags, querystring: accessExportQuery } },
    async (req, reply) => {
      const { format, ...question } = req.query;
      const file = await s.access.exportAnswer(requireCtx(req), question, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
