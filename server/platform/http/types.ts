import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../context.ts';
import type { Locale } from './problem.ts';

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the request knows about its caller once the session hook ran. */
export interface RequestCtx extends Ctx {
  locale: Locale | null;
  sessionId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestCtx | null;
    /** The approved terminal the request came from (A29), resolved before the session; else null. */
    terminal: string | null;
  }
}
