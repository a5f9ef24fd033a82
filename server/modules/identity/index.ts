import type { Policy } from '../../platform/authz/index.ts';
import { identityPolicy } from './identity.policy.ts';

export { createIdentityService, type IdentityService } from './identity.service.ts';
export { createSetupService, type SetupService } from './setup.service.ts';
export { identityRoutes, metaOf } from './identity.routes.ts';
export const identityPolicies: Policy[] = [identityPolicy];
