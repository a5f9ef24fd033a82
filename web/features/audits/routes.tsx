import type { RouteObject } from 'react-router';

/** Pages of issue 10 — Audits (A36): plans, checklists, evidence, findings, reports. (spread into the signed-in routes of web/app/router.tsx). */
export const AUDITS_ROUTES: RouteObject[] = [];
