import type { RouteObject } from 'react-router';
import { REVIEWS_ROUTES } from './reviews/routes.tsx';

/**
 * Pages of issue 10 — oversight: the hub, the committee (A9), guidance from ministries (A39), local
 * rules (A40), historical materials (A41); inspections and evaluation (A37, A38) in ./reviews
 * (spread into the signed-in routes of web/app/router.tsx).
 */
export const OVERSIGHT_ROUTES: RouteObject[] = [...REVIEWS_ROUTES];
