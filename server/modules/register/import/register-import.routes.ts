import type { FastifyRequest } from 'fastify';
import {
  REGISTER_IMPORT_MODES,
  registerImportPreviewView,
  registerImportResultView,
  type RegisterImportMode,
} from '../../../../shared/api/register-import.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App } from '../../../platform/http/types.ts';
import { registerImportTemplate } from './parse-register-file.ts';
import type { RegisterImport } from './register-import.service.ts';

const tags = ['register'];

/** The file and the form fields of a multipart request (the 10 MB limit is the server's). */
async function upload(req: FastifyRequest) {
  let bytes: Uint8Array | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') bytes = await part.toBuffer();
    else fields[part.fieldname] = String(part.value);
  }
  if (!bytes) throw new AppError('register.import_invalid_file');
  const mode = fields.mode || 'draft';
  if (!(REGISTER_IMPORT_MODES as readonly string[]).includes(mode))
    throw new AppError('request.invalid', { details: [{ path: 'mode', code: 'invalid_value' }] });
  return { bytes, digest: fields.digest ?? '', mode: mode as RegisterImportMode };
}

/** Import of an existing register (A20-1, A20-2): template, preview (writes nothing), import (all or nothing). */
export function registerImportRoutes(app: App, s: RegisterImport) {
  app.get('/api/register/import/template', { schema: { tags } }, (req, reply) => {
    requireCtx(req);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="register-template.csv"; filename*=UTF-8''${encodeURIComponent('個人情報ファイル簿_取込テンプレート.csv')}`,
      )
      .send(registerImportTemplate());
  });
  app.post(
    '/api/register/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: registerImportPreviewView } } },
    async (req) => {
      const ctx = requireCtx(req);
      const { bytes, mode } = await upload(req);
      return s.preview(ctx, bytes, mode);
    },
  );
  app.post(
    '/api/register/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 201: registerImportResultView } } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const { bytes, digest, mode } = await upload(req);
      return reply.status(201).send(await s.commit(ctx, bytes, digest, mode));
    },
  );
}
