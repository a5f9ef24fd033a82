import { z } from 'zod';
import {
  correctionApplyInput,
  correctionChangeView,
  correctionListQuery,
  correctionListView,
  correctionReportInput,
  correctionReportView,
  correctionView,
} from '../../../../shared/api/handling-correction.ts';
import { purposeCode } from '../../../../shared/api/vault.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { CorrectionsService } from './correction.service.ts';

const tags = ['handling'];
const params = z.object({ id: z.uuid() });
const purposeQuery = z.object({ purpose: purposeCode.optional() });

/**
 * HTTP routes of corrections (issue 7, A13). The report's words and the values before and after
 * travel only in bodies: reading them is a GET of a correction's id (no personal data in the URL),
 * logged as an access.
 */
export function correctionsRoutes(app: App, s: CorrectionsService) {
  app.post(
    '/api/handling/corrections',
    { schema: { tags, body: correctionReportInput, response: { 201: correctionView } } },
    async (req, reply) => reply.status(201).send(await s.report(requireCtx(req), req.body)),
  );
  app.get(
    '/api/handling/corrections',
    { schema: { tags, querystring: correctionListQuery, response: { 200: correctionListView } } },
    (req) => s.list(requireCtx(req), req.query),
  );
  app.get(
    '/api/handling/corrections/:id',
    { schema: { tags, params, response: { 200: correctionView } } },
    (req) => s.get(requireCtx(req), req.params.id),
  );
  app.get(
    '/api/handling/corrections/:id/report',
    { schema: { tags, params, querystring: purposeQuery, response: { 200: correctionReportView } } },
    (req) => s.readReport(requireCtx(req), req.params.id, req.query),
  );
  app.get(
    '/api/handling/corrections/:id/change',
    { schema: { tags, params, querystring: purposeQuery, response: { 200: correctionChangeView } } },
    (req) => s.readChange(requireCtx(req), req.params.id, req.query),
  );
  app.post(
    '/api/handling/corrections/:id/apply',
    { schema: { tags, params, body: correctionApplyInput, response: { 200: correctionView } } },
    (req) => s.apply(requireCtx(req), req.params.id, req.body),
  );
}
