export { createIdentityService, type IdentityService } from './identity.service.ts';
export { createSetupService, type SetupService } from './setup.service.ts';
export { identityRoutes, metaOf } from './identity.routes.ts';
