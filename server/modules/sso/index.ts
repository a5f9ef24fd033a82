import type { Policy } from '../../platform/authz/index.ts';
import type { IdentityService } from '../identity/index.ts';
import { createSsoProviderService, type SsoProviderDeps } from './sso-provider.service.ts';
import { createSsoSignInService } from './sso-signin.service.ts';
import { ssoPolicy } from './sso.policy.ts';

export { ssoRoutes } from './sso.routes.ts';
export { ssoPaths } from './sso-signin.service.ts';

/** Single sign-on (issue 3, A21): OIDC and SAML identity providers per unit. */
export function createSsoModule(deps: SsoProviderDeps & { identity: IdentityService }) {
  const providers = createSsoProviderService(deps);
  const signIn = createSsoSignInService({ ...deps, providers });
  return { providers, signIn };
}

export type SsoServices = ReturnType<typeof createSsoModule>;
export const ssoPolicies: Policy[] = [ssoPolicy];
