export {
  createViews,
  type ContractsSource,
  type ProvisionsSource,
  type ProvisionViews,
} from './views.service.ts';
export { viewsRoutes } from './views.routes.ts';
