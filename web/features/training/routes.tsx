import type { RouteObject } from 'react-router';

/** Pages of issue 10 — Training (A10): courses, sessions, completion, overdue lists. (spread into the signed-in routes of web/app/router.tsx). */
export const TRAINING_ROUTES: RouteObject[] = [];
