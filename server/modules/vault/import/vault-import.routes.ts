import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  vaultImportPreviewView,
  vaultImportProgressView,
  vaultImportStartedView,
} from '../../../../shared/api/vault-import.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import type { VaultModule } from '../index.ts';

const tags = ['vault'];
const fileParams = z.object({ fileId: z.uuid() });
const importParams = z.object({ importId: z.uuid() });

/** The file and the form fields (purpose, mapping as JSON, digest) of a multipart request. */
async function upload(req: FastifyRequest) {
  let bytes: Uint8Array | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') bytes = await part.toBuffer();
    else fields[part.fieldname] = String(part.value);
  }
  if (!bytes) throw new AppError('vault.import_invalid_file');
  let mapping: unknown = null;
  if (fields.mapping)
    try {
      mapping = JSON.parse(fields.mapping);
    } catch {
      throw new AppError('request.invalid', { details: [{ path: 'mapping', code: 'invalid_json' }] });
    }
  return { bytes, purpose: fields.purpose ?? '', mapping, digest: fields.digest ?? '' };
}

/**
 * The vault import over HTTP (issue 6): a dry run (writes nothing), the import of the file previewed
 * (202 with its id; it seals and writes in the background), and its progress for the person who
 * started it.
 */
export function vaultImportRoutes(app: App, v: VaultModule) {
  app.post(
    '/api/vault/files/:fileId/import/preview',
    {
      schema: {
        tags,
        params: fileParams,
        consumes: ['multipart/form-data'],
        response: { 200: vaultImportPreviewView },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      return v.import.preview(ctx, req.params.fileId, await upload(req));
    },
  );
  app.post(
    '/api/vault/files/:fileId/import',
    {
      schema: {
        tags,
        params: fileParams,
        consumes: ['multipart/form-data'],
        response: { 202: vaultImportStartedView },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const { importId } = await v.import.commit(ctx, req.params.fileId, await upload(req));
      return reply.status(202).send({ importId });
    },
  );
  app.get(
    '/api/vault/imports/:importId',
    { schema: { tags, params: importParams, response: { 200: vaultImportProgressView } } },
    (req) => v.import.progress(requireCtx(req), req.params.importId),
  );
}
