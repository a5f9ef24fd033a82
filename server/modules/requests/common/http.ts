import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** What every part's routes share (issue 12): the OpenAPI tag and the request's id in the path. */
export const tags = ['requests'];
export const params = z.object({ id: z.string().min(1).max(36) });

/** A document issued for the requester: its file name (numbers and codes only) and bytes. */
export interface Download {
  filename: string;
  body: Buffer | string;
}

/** Sends a document as an attachment, never cached (it carries the requester's information). */
export const download = (reply: FastifyReply, out: Download, contentType = 'application/pdf') =>
  reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${out.filename}"`)
    .header('cache-control', 'no-store')
    .send(out.body);
