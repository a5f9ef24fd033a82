import { z } from 'zod';
import {
  accountAlert,
  accountDetail,
  changePasswordInput,
  passwordPolicyInput,
  passwordPolicyView,
  policyReviewInput,
  resetPasswordInput,
} from '../../../shared/api/password.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { AccountAdminService } from './account-admin.service.ts';
import type { PasswordPolicyService } from './password-policy.service.ts';

const tags = ['password'];
const personParams = z.object({ id: z.uuid() });
const personSessionParams = z.object({ id: z.uuid(), sessionId: z.string().min(1).max(64) });

/** Routes a person may still call while their password must change (A21-2). */
const ALLOWED_WHILE_CHANGE_REQUIRED = new Set([
  '/api/session',
  '/api/auth/logout',
  '/api/csrf',
  '/api/session/keepalive',
  '/api/me/password',
  '/api/me/password-rules',
  '/api/preferences',
]);

/**
 * Refuses every other API call with 403 auth.password_change_required while the signed-in person's
 * password is temporary or older than the policy's maximum age. Register before the routes.
 */
export function passwordChangeGate(app: App, passwords: PasswordPolicyService) {
  app.addHook('onRequest', async (req) => {
    const ctx = req.ctx;
    if (!ctx || ctx.actor.kind !== 'person' || !req.url.startsWith('/api/')) return;
    if (ALLOWED_WHILE_CHANGE_REQUIRED.has(req.routeOptions.url ?? '')) return;
    if (await passwords.changeRequired(ctx.actor.personId))
      throw new AppError('auth.password_change_required');
  });
}

/** Own password change, the password policy with its review, and the administration of accounts. */
export function passwordRoutes(
  app: App,
  s: { passwords: PasswordPolicyService; accounts: AccountAdminService },
) {
  app.post('/api/me/password', { schema: { tags, body: changePasswordInput } }, async (req, reply) => {
    await s.accounts.changeOwn(requireCtx(req), req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });
  app.get('/api/me/password-rules', { schema: { tags, response: { 200: passwordPolicyView } } }, (req) => {
    requireCtx(req);
    return s.passwords.rulesFor();
  });

  app.get('/api/password-policy', { schema: { tags, response: { 200: passwordPolicyView } } }, (req) =>
    s.passwords.view(requireCtx(req)),
  );
  app.put(
    '/api/password-policy',
    { schema: { tags, body: passwordPolicyInput, response: { 200: passwordPolicyView } } },
    (req) => s.passwords.update(requireCtx(req), req.body),
  );
  app.post(
    '/api/password-policy/review',
    { schema: { tags, body: policyReviewInput, response: { 200: passwordPolicyView } } },
    (req) => s.passwords.review(requireCtx(req), req.body),
  );

  app.get('/api/accounts/alerts', { schema: { tags, response: { 200: z.array(accountAlert) } } }, (req) =>
    s.accounts.alerts(requireCtx(req)),
  );
  app.get(
    '/api/people/:id/account/detail',
    { schema: { tags, params: personParams, response: { 200: accountDetail } } },
    (req) => s.accounts.detail(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/people/:id/sessions/:sessionId/end',
    { schema: { tags, params: personSessionParams } },
    async (req, reply) => {
      await s.accounts.endSession(requireCtx(req), req.params.id, req.params.sessionId);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/people/:id/password',
    { schema: { tags, params: personParams, body: resetPasswordInput } },
    async (req, reply) => {
      await s.accounts.resetPassword(requireCtx(req), req.params.id, req.body.temporaryPassword);
      return reply.status(204).send();
    },
  );
}
