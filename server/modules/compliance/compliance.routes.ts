import {
  cellDetailView,
  cellQuery,
  newGapsQuery,
  newGapsView,
  overviewView,
  snapshotView,
  trendQuery,
  trendView,
} from '../../../shared/api/compliance.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { ComplianceModule } from './index.ts';

const tags = ['compliance'];
const base = '/api/compliance';

/** HTTP routes of the compliance overview (issue 10): parse, one service call, present. */
export function complianceRoutes(app: App, m: ComplianceModule) {
  app.get(`${base}/overview`, { schema: { tags, response: { 200: overviewView } } }, (req) =>
    m.overview.overview(requireCtx(req)),
  );
  app.get(
    `${base}/cells`,
    { schema: { tags, querystring: cellQuery, response: { 200: cellDetailView } } },
    (req) => m.overview.cell(requireCtx(req), req.query),
  );
  app.get(
    `${base}/trend`,
    { schema: { tags, querystring: trendQuery, response: { 200: trendView } } },
    (req) => m.trend.trend(requireCtx(req), req.query),
  );
  app.post(`${base}/snapshot`, { schema: { tags, response: { 201: snapshotView } } }, async (req, reply) =>
    reply.status(201).send(await m.trend.snapshot(requireCtx(req))),
  );
  app.get(
    `${base}/new-gaps`,
    { schema: { tags, querystring: newGapsQuery, response: { 200: newGapsView } } },
    (req) => m.tracker.newGaps(requireCtx(req), req.query),
  );
}
