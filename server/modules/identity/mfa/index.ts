import type { Policy } from '../../../platform/authz/index.ts';
import { mfaPolicy } from './mfa.policy.ts';

export { createMfaService, type MfaService } from './mfa.service.ts';
export { mfaRoutes } from './mfa.routes.ts';
export { createWebauthnService, type WebauthnService } from './webauthn.service.ts';
export const mfaPolicies: Policy[] = [mfaPolicy];
