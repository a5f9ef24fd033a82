import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importPreviewView } from '../../../../shared/api/organisation.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { staffCsvTemplate } from './parse-staff-csv.ts';
import type { StaffImport } from './staff-import.service.ts';

const tags = ['organisation'];

/** Reads the uploaded file and the form fields of a multipart request. */
async function upload(req: FastifyRequest): Promise<{ bytes: Uint8Array; fields: Record<string, string> }> {
  let bytes: Uint8Array | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') bytes = await part.toBuffer();
    else fields[part.fieldname] = String(part.value);
  }
  if (!bytes) throw new AppError('import.invalid_file');
  return { bytes, fields };
}

/** Staff import: template, preview (writes nothing), import (all rows or none). */
export function staffImportRoutes(app: App, s: StaffImport) {
  app.get('/api/people/import/template', { schema: { tags } }, (req, reply) => {
    requireCtx(req);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="staff-template.csv"')
      .send(Buffer.from(staffCsvTemplate()));
  });
  app.post(
    '/api/people/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: importPreviewView } } },
    async (req) => {
      const ctx = requireCtx(req);
      const { bytes } = await upload(req);
      return s.preview(ctx, bytes);
    },
  );
  app.post(
    '/api/people/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      const { bytes, fields } = await upload(req);
      return s.commit(ctx, bytes, fields.digest ?? '');
    },
  );
}
