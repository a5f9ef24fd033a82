import { z } from 'zod';
import {
  changeView,
  checkInput,
  grantInput,
  grantView,
  listQuery,
  newSchemaInput,
  openFileInput,
  purposeQuery,
  reasonBody,
  recordInput,
  recordListView,
  recordView,
  revealInput,
  searchInput,
  vaultFileListView,
  vaultFileView,
  vaultSettingsInput,
} from '../../../shared/api/vault.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { VaultModule } from './index.ts';
import { vaultImportRoutes } from './import/index.ts';

const tags = ['vault'];
const fileParams = z.object({ fileId: z.uuid() });
const recordParams = z.object({ fileId: z.uuid(), recordId: z.uuid() });
const changeParams = z.object({ fileId: z.uuid(), changeId: z.uuid() });
const grantParams = z.object({ grantId: z.uuid() });
const fileOk = { 200: vaultFileView };

/** HTTP routes of the vault (issue 6): parse, one service call, present. Search terms only in bodies. */
export function vaultRoutes(app: App, v: VaultModule) {
  app.get('/api/vault/files', { schema: { tags, response: { 200: vaultFileListView } } }, (req) =>
    v.files.list(requireCtx(req)),
  );
  app.get('/api/vault/files/:fileId', { schema: { tags, params: fileParams, response: fileOk } }, (req) =>
    v.files.detail(requireCtx(req), req.params.fileId),
  );
  app.get('/api/vault/files/:fileId/proposal', { schema: { tags, params: fileParams } }, (req) =>
    v.files.proposal(requireCtx(req), req.params.fileId),
  );
  app.post(
    '/api/vault/files/:fileId',
    { schema: { tags, params: fileParams, body: openFileInput, response: { 201: vaultFileView } } },
    async (req, reply) =>
      reply.status(201).send(await v.files.open(requireCtx(req), req.params.fileId, req.body)),
  );
  app.put(
    '/api/vault/files/:fileId/settings',
    { schema: { tags, params: fileParams, body: vaultSettingsInput, response: fileOk } },
    (req) => v.files.updateSettings(requireCtx(req), req.params.fileId, req.body),
  );
  app.post(
    '/api/vault/files/:fileId/schema',
    { schema: { tags, params: fileParams, body: newSchemaInput, response: fileOk } },
    (req) => v.files.newSchema(requireCtx(req), req.params.fileId, req.body),
  );

  app.get(
    '/api/vault/files/:fileId/grants',
    { schema: { tags, params: fileParams, response: { 200: z.object({ grants: z.array(grantView) }) } } },
    (req) => v.grants.list(requireCtx(req), req.params.fileId),
  );
  app.post(
    '/api/vault/files/:fileId/grants',
    { schema: { tags, params: fileParams, body: grantInput, response: { 201: grantView } } },
    async (req, reply) =>
      reply.status(201).send(await v.grants.grant(requireCtx(req), req.params.fileId, req.body)),
  );
  app.post(
    '/api/vault/grants/:grantId/review',
    { schema: { tags, params: grantParams, response: { 200: grantView } } },
    (req) => v.grants.review(requireCtx(req), req.params.grantId),
  );
  app.post(
    '/api/vault/grants/:grantId/revoke',
    { schema: { tags, params: grantParams, body: reasonBody, response: { 200: grantView } } },
    (req) => v.grants.revoke(requireCtx(req), req.params.grantId, req.body),
  );

  app.get(
    '/api/vault/files/:fileId/records',
    { schema: { tags, params: fileParams, querystring: listQuery, response: { 200: recordListView } } },
    (req) => v.records.list(requireCtx(req), req.params.fileId, req.query),
  );
  app.post(
    '/api/vault/files/:fileId/records/search',
    { schema: { tags, params: fileParams, body: searchInput, response: { 200: recordListView } } },
    (req) => v.records.search(requireCtx(req), req.params.fileId, req.body),
  );
  app.post(
    '/api/vault/files/:fileId/records',
    { schema: { tags, params: fileParams, body: recordInput, response: { 201: recordView } } },
    async (req, reply) =>
      reply.status(201).send(await v.records.create(requireCtx(req), req.params.fileId, req.body)),
  );
  app.get(
    '/api/vault/files/:fileId/records/:recordId',
    { schema: { tags, params: recordParams, querystring: purposeQuery, response: { 200: recordView } } },
    (req) => v.records.view(requireCtx(req), req.params.fileId, req.params.recordId, req.query),
  );
  app.put(
    '/api/vault/files/:fileId/records/:recordId',
    { schema: { tags, params: recordParams, body: recordInput, response: { 200: recordView } } },
    (req) => v.records.update(requireCtx(req), req.params.fileId, req.params.recordId, req.body),
  );
  app.post(
    '/api/vault/files/:fileId/records/:recordId/reveal',
    {
      schema: {
        tags,
        params: recordParams,
        body: revealInput,
        response: { 200: z.object({ values: recordView.shape.values }) },
      },
    },
    (req) => v.records.reveal(requireCtx(req), req.params.fileId, req.params.recordId, req.body),
  );

  app.get(
    '/api/vault/files/:fileId/export.csv',
    { schema: { tags, params: fileParams, querystring: purposeQuery } },
    async (req, reply) => {
      const out = await v.records.exportCsv(requireCtx(req), req.params.fileId, req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .send(out.body);
    },
  );
  app.get(
    '/api/vault/files/:fileId/changes',
    {
      schema: {
        tags,
        params: fileParams,
        querystring: purposeQuery,
        response: { 200: z.object({ changes: z.array(changeView) }) },
      },
    },
    (req) => v.changes.pending(requireCtx(req), req.params.fileId, req.query),
  );
  const decided = { 200: z.object({ id: z.uuid(), status: z.enum(['verified', 'rejected']) }) };
  app.post(
    '/api/vault/files/:fileId/changes/:changeId/verify',
    { schema: { tags, params: changeParams, body: checkInput, response: decided } },
    (req) => v.changes.verify(requireCtx(req), req.params.fileId, req.params.changeId, req.body),
  );
  app.post(
    '/api/vault/files/:fileId/changes/:changeId/reject',
    { schema: { tags, params: changeParams, body: checkInput, response: decided } },
    (req) => v.changes.reject(requireCtx(req), req.params.fileId, req.params.changeId, req.body),
  );
  vaultImportRoutes(app, v);
}
