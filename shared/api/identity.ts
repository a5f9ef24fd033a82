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
    /** A21: the システム管理者 administers accounts and the password policy (password area). */
    manageAccounts: z.boolean(),
    managePasswordPolicy: z.boolean(),
    /** A29: the manager of a terminal area (保護管理者, 総括保護管理者, システム管理者) approves its terminals. */
    approveTerminals: z.boolean(),
    appointRoles: z.array(z.enum(ROLES)),
  }),
  /**
   * The person's abilities as CASL rules (issue 3: the UI receives the abilities and hides or
   * disables what the person cannot do). The server decides; web/app/ability.ts only mirrors it.
   */
  abilityRules: z.array(
    z.object({
      action: z.union([z.string(), z.array(z.string())]),
      subject: z.union([z.string(), z.array(z.string())]),
      conditions: z.record(z.string(), z.unknown()).optional(),
      inverted: z.boolean().optional(),
    }),
  ),
  preferences: preferencesInput,
  csrfToken: z.string(),
  /** A31: the server ends a session unused for this long; the browser warns a minute before. */
  idleTimeoutSeconds: z.number().int().positive(),
  /** A21-2: the password is temporary or too old; the web app sends the person to change it. */
  passwordChangeRequired: z.boolean(),
  /** A31: the absolute end of the session, however much it is used. */
  expiresAt: z.iso.datetime(),
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

/** One active session of the caller. `id` is a public id: neither the cookie token nor its stored hash. */
export const sessionSummary = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

/** One recent sign-in attempt on the caller's account, from the ledger. */
export const signInRecord = z.object({
  at: z.iso.datetime(),
  ip: z.string().nullable(),
  result: z.enum(['success', 'failure', 'locked']),
});
export type SignInRecord = z.infer<typeof signInRecord>;

/** What an administrator sees of a person's account. */
export const accountView = z.object({
  locked: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  hasPassword: z.boolean(),
});
export type AccountView = z.infer<typeof accountView>;
