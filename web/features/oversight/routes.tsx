import type { RouteObject } from 'react-router';

/** Pages of issue 10 — Oversight: inspections (A37), evaluation (A38), the committee (A9), guidance (A39), local rules (A40), historical materials (A41). (spread into the signed-in routes of web/app/router.tsx). */
export const OVERSIGHT_ROUTES: RouteObject[] = [];
