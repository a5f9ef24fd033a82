import { z } from 'zod';
import {
  carriedOutInput,
  methodInput,
  noticeInput,
  submitInput,
  withheldInput,
} from '../../../../shared/api/requests-decision.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { download, params, tags } from '../common/http.ts';
import type { RequestsDecisionPart } from './index.ts';

const base = '/api/requests/:id/decision';
const matchParams = params.extend({ matchId: z.string().min(1).max(36) });

/** HTTP routes of the decision on a disclosure request (法78–82, 法87): parse, one service call, present. */
export function decisionHttp(app: App, m: RequestsDecisionPart) {
  app.get(base, { schema: { tags, params } }, (req) => m.view(requireCtx(req), req.params.id));
  app.get(`${base}/records/:matchId`, { schema: { tags, params: matchParams } }, (req) =>
    m.recordValues(requireCtx(req), req.params.id, req.params.matchId),
  );
  app.put(`${base}/withheld`, { schema: { tags, params, body: withheldInput } }, (req) =>
    m.setWithheld(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/submit`, { schema: { tags, params, body: submitInput } }, (req) =>
    m.submit(requireCtx(req), req.params.id, req.body),
  );
  app.get(`${base}/notice.pdf`, { schema: { tags, params } }, async (req, reply) =>
    download(reply, await m.noticePdf(requireCtx(req), req.params.id)),
  );
  app.post(`${base}/notice`, { schema: { tags, params, body: noticeInput } }, (req) =>
    m.notice(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/method`, { schema: { tags, params, body: methodInput } }, (req) =>
    m.method(requireCtx(req), req.params.id, req.body),
  );
  app.get(`${base}/disclosure.pdf`, { schema: { tags, params } }, async (req, reply) =>
    download(reply, await m.disclosurePdf(requireCtx(req), req.params.id)),
  );
  app.post(`${base}/carried-out`, { schema: { tags, params, body: carriedOutInput } }, (req) =>
    m.carriedOut(requireCtx(req), req.params.id, req.body),
  );
}
