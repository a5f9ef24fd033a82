import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

export const tags = ['oversight'];

/** The uploaded file of a multipart request (field "file"; the 10 MB limit is the server's). */
export async function uploaded(req: FastifyRequest) {
  for await (const part of req.parts())
    if (part.type === 'file') return { bytes: await part.toBuffer(), fileName: part.filename };
  throw new AppError('oversight.document_type');
}

/** Sends a document as an attachment (its name in UTF-8; never cached). */
export const sendDocument = (
  reply: FastifyReply,
  doc: { fileName: string; contentType: string; body: Buffer },
) =>
  reply
    .header('content-type', doc.contentType)
    .header(
      'content-disposition',
      `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(doc.body);
