import type { RouteObject } from 'react-router';

/** Pages of issue 10 — inspections by 保護管理者 (A37) and the yearly evaluation (A38). */
export const REVIEWS_ROUTES: RouteObject[] = [];
