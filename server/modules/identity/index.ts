import type { Policy } from '../../platform/authz/index.ts';
import { identityPolicy } from './identity.policy.ts';
import { passwordPolicy } from './password.policy.ts';

export { createIdentityService, type IdentityService } from './identity.service.ts';
export { createSetupService, type SetupService } from './setup.service.ts';
export { identityRoutes, metaOf } from './identity.routes.ts';
export { createPasswordPolicyService, type PasswordPolicyService } from './password-policy.service.ts';
export { createSignInThrottle, type SignInThrottle } from './throttle.ts';
export { createAccountAdminService, type AccountAdminService } from './account-admin.service.ts';
export { passwordRoutes, passwordChangeGate } from './password.routes.ts';
export const identityPolicies: Policy[] = [identityPolicy, passwordPolicy];
