import { z } from 'zod';
import {
  backupRunView,
  backupsListQuery,
  backupsOverview,
  backupStartedView,
  restoreTestView,
} from '../../../../shared/api/facility-backups.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { BackupsPart } from './index.ts';

const tags = ['facilities'];
const base = '/api/facilities/backups';
const params = z.object({ id: z.uuid() });

/**
 * HTTP routes of backups (issue 11; A27): parse, one service call, present. A backup or a restore
 * test runs in the background: POST answers 202 with its id, and the page polls GET of it.
 */
export function backupsRoutes(app: App, part: BackupsPart) {
  app.get(
    base,
    { schema: { tags, querystring: backupsListQuery, response: { 200: backupsOverview } } },
    (req) => part.overview(requireCtx(req), req.query),
  );
  app.post(`${base}/runs`, { schema: { tags, response: { 202: backupStartedView } } }, async (req, reply) =>
    reply.status(202).send({ id: await part.startRun(requireCtx(req)) }),
  );
  app.get(`${base}/runs/:id`, { schema: { tags, params, response: { 200: backupRunView } } }, (req) =>
    part.getRun(requireCtx(req), req.params.id),
  );
  app.post(
    `${base}/restore-tests`,
    { schema: { tags, response: { 202: backupStartedView } } },
    async (req, reply) => reply.status(202).send({ id: await part.startRestoreTest(requireCtx(req)) }),
  );
  app.get(
    `${base}/restore-tests/:id`,
    { schema: { tags, params, response: { 200: restoreTestView } } },
    (req) => part.getRestoreTest(requireCtx(req), req.params.id),
  );
}
