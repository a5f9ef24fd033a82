import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { RequestCtx } from './types.ts';

/** The caller's context; throws auth.required when there is no valid session. */
export function requireCtx(request: FastifyRequest): RequestCtx {
  if (!request.ctx || request.ctx.actor.kind !== 'person') throw new AppError('auth.required');
  return request.ctx;
}
