import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { kana } from './fields.ts';

/** Shapes of sign-in and the session (minimal here; the identity issue adds MFA and SSO). */
export const loginInput = z.object({
  employeeNumber: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(256),
});

export const preferencesInput = z.object({
  locale: z.enum(['ja', 'en']),
  calendar: z.enum(['japanese', 'gregorian']),
});

export const sessionView = z.object({
  person: z.object({
    id: z.uuid(),
    employeeNumber: z.string(),
    name: z.string(),
    unitId: z.uuid(),
    sectionId: z.uuid().nullable(),
  }),
  roles: z.array(
    z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable(), sectionId: z.uuid().nullable() }),
  ),
  permissions: z.object({
    viewGaps: z.boolean(),
    manageSections: z.boolean(),
    managePeople: z.boolean(),
    importStaff: z.boolean(),
    appointRoles: z.array(z.enum(ROLES)),
  }),
  preferences: preferencesInput,
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

export const setupInput = z.object({
  token: z.string().trim().min(1).max(100),
  employeeNumber: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/),
  familyName: z.string().trim().min(1).max(100),
  givenName: z.string().trim().min(1).max(100),
  familyNameKana: kana,
  givenNameKana: kana,
  email: z.email().max(254),
  password: z.string().min(12).max(256),
});
export type SetupInput = z.infer<typeof setupInput>;
