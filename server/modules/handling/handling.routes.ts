import { z } from 'zod';
import { rulesInput, rulesView } from '../../../shared/api/handling-rules.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import { correctionsRoutes } from './correction/index.ts';
import { disposalRoutes } from './disposal/index.ts';
import { exportsRoutes } from './export/index.ts';
import type { HandlingModule } from './index.ts';
import { movementsRoutes } from './movements/index.ts';
import { outOfPurposeRoutes } from './purpose/index.ts';
import { usageLedgerRoutes } from './usage/index.ts';

const tags = ['handling'];
const fileParams = z.object({ fileId: z.uuid() });

/** HTTP routes of handling held information (issue 7): the rules here, each act's in its folder. */
export function handlingRoutes(app: App, h: HandlingModule) {
  app.get(
    '/api/handling/files/:fileId/rules',
    { schema: { tags, params: fileParams, response: { 200: rulesView } } },
    (req) => h.rules.view(requireCtx(req), req.params.fileId),
  );
  app.put(
    '/api/handling/files/:fileId/rules',
    { schema: { tags, params: fileParams, body: rulesInput, response: { 200: rulesView } } },
    (req) => h.rules.update(requireCtx(req), req.params.fileId, req.body),
  );
  exportsRoutes(app, h.exports);
  disposalRoutes(app, h.disposal);
  correctionsRoutes(app, h.corrections);
  outOfPurposeRoutes(app, h.outOfPurpose);
  movementsRoutes(app, h.movements);
  usageLedgerRoutes(app, h.usage);
}
