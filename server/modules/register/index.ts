import type { Policy } from '../../platform/authz/index.ts';
import { createRegisterImport } from './import/index.ts';
import { createPublicRegister } from './register-public.service.ts';
import type { RegisterDeps } from './register.deps.ts';
import { registerPolicy } from './register.policy.ts';
import { createRegisterService } from './register.service.ts';

export { registerRoutes } from './register.routes.ts';
export type { RegisterDeps } from './register.deps.ts';

/** The register of personal information files (A20, 別紙様式1): kept, approved, published. */
export function createRegisterModule(deps: RegisterDeps) {
  return {
    files: createRegisterService(deps),
    public: createPublicRegister(deps),
    // A20-1, A20-2: an existing register brought in from CSV or Excel.
    import: createRegisterImport(deps),
  };
}

export type RegisterModule = ReturnType<typeof createRegisterModule>;
export const registerPolicies: Policy[] = [registerPolicy];
