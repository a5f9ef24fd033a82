import type { RouteObject } from 'react-router';
import { CourseNewPage } from './course-new-page.tsx';
import { CoursePage } from './course-page.tsx';
import { CoursesPage } from './courses-page.tsx';
import { MyTrainingPage } from './my-page.tsx';
import { OverduePage } from './overdue-page.tsx';
import { SessionPage } from './session-page.tsx';

/** Pages of issue 10 — Training (A10): courses, sessions, completion, overdue lists. (spread into the signed-in routes of web/app/router.tsx). */
export const TRAINING_ROUTES: RouteObject[] = [
  // A10: everyone's own training — what is required, by when, and online material to complete.
  { path: '/training', element: <MyTrainingPage /> },
  // A10-1..4: the courses of the four kinds, kept by the 総括管理者 and the 総括保護管理者.
  { path: '/training/courses', element: <CoursesPage /> },
  { path: '/training/courses/new', element: <CourseNewPage /> },
  { path: '/training/courses/:id', element: <CoursePage /> },
  // A10-4: the 保護管理者 enrols the section's staff and records their attendance.
  { path: '/training/sessions/:id', element: <SessionPage /> },
  { path: '/training/overdue', element: <OverduePage /> },
];
