import { z } from 'zod';
import {
  carriedOutInput,
  noticeInput,
  remedyItemsInput,
  remedySubmitInput,
} from '../../../../shared/api/requests-remedies.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { download, params, tags } from '../common/http.ts';
import type { RequestsRemediesPart } from './index.ts';

const base = '/api/requests/:id/remedy';
const noticeParams = params.extend({ noticeId: z.string().min(1).max(36) });

/** HTTP routes of correction (法90–97) and suspension (法98–103) requests: parse, one call, present. */
export function remediesHttp(app: App, m: RequestsRemediesPart) {
  app.get(base, { schema: { tags, params } }, (req) => m.view(requireCtx(req), req.params.id));
  app.put(`${base}/items`, { schema: { tags, params, body: remedyItemsInput } }, (req) =>
    m.setItems(requireCtx(req), req.params.id, req.body),
  );
  app.post(`${base}/submit`, { schema: { tags, params, body: remedySubmitInput } }, (req) =>
    m.submit(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/notices/:noticeId`,
    { schema: { tags, params: noticeParams, body: noticeInput } },
    (req) => m.notice(requireCtx(req), req.params.id, req.params.noticeId, req.body),
  );
  app.get(`${base}/notice.pdf`, { schema: { tags, params } }, async (req, reply) =>
    download(reply, await m.noticePdf(requireCtx(req), req.params.id)),
  );
  app.post(`${base}/carried-out`, { schema: { tags, params, body: carriedOutInput } }, (req) =>
    m.carriedOut(requireCtx(req), req.params.id, req.body),
  );
}
