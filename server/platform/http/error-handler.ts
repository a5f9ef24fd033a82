import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../../shared/errors.ts';
import { isAppError, type ErrorDetail } from '../errors.ts';
import { localeOf, problem } from './problem.ts';

/** Sends a problem+json answer for a code. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  errors?: ErrorDetail[],
) {
  const body = problem(
    code,
    localeOf(request.headers['accept-language'], request.ctx?.locale),
    request.id,
    errors,
  );
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps every error to problem+json with a stable code; unexpected errors are logged without request data. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      // A refusal that lifts after a while (slow-down, lockout) says when: Retry-After in seconds.
      const retryAfter = error.params?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      return sendProblem(request, reply, error.code, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        code: v.keyword,
      }));
      return sendProblem(request, reply, 'request.invalid', details);
    }
    if (error.code?.startsWith('FST_CSRF')) return sendProblem(request, reply, 'request.csrf');
    if (error.statusCode === 429) return sendProblem(request, reply, 'request.too_many');
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE')
      return sendProblem(request, reply, 'request.payload_too_large');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendProblem(request, reply, 'request.invalid');
    // The message of an unexpected error may quote data; log its name, code and stack only.
    request.log.error(
      { err: { type: error.name, code: error.code, stack: error.stack } },
      'unexpected error',
    );
    return sendProblem(request, reply, 'server.error');
  });
}
