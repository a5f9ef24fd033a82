import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A21-2: the organisation's password policy as shown and edited. */
export const passwordPolicyView = z.object({
  minLength: z.number().int(),
  maxLength: z.number().int(),
  requiredClasses: z.number().int().min(0).max(4),
  maxAgeDays: z.number().int().nullable(),
  historyCount: z.number().int(),
  nextReviewOn: isoDate,
  reviewOverdue: z.boolean(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewNote: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type PasswordPolicyView = z.infer<typeof passwordPolicyView>;

export const passwordPolicyInput = z.object({
  minLength: z.number().int().min(8).max(64),
  maxLength: z.number().int().min(64).max(256),
  requiredClasses: z.number().int().min(0).max(4),
  maxAgeDays: z.number().int().min(1).max(3650).nullable(),
  historyCount: z.number().int().min(0).max(24),
});
export type PasswordPolicyInput = z.infer<typeof passwordPolicyInput>;

export const policyReviewInput = z.object({
  note: z.string().trim().min(1).max(500),
  nextReviewOn: isoDate,
});
export type PolicyReviewInput = z.infer<typeof policyReviewInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(1024),
});

export const resetPasswordInput = z.object({ temporaryPassword: z.string().min(1).max(1024) });

/** One account an administrator should look at: locked or slowed now, or whose password must change. */
export const accountAlert = z.object({
  personId: z.uuid(),
  employeeNumber: z.string(),
  name: z.string(),
  locked: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  passwordChangeRequired: z.boolean(),
});
export type AccountAlert = z.infer<typeof accountAlert>;

/** Another person's session as an administrator sees it (public id only). */
export const adminSessionSummary = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AdminSessionSummary = z.infer<typeof adminSessionSummary>;

export const accountDetail = z.object({
  locked: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  hasPassword: z.boolean(),
  passwordChangeRequired: z.boolean(),
  passwordSetAt: z.iso.datetime().nullable(),
  signIns: z.array(
    z.object({
      at: z.iso.datetime(),
      ip: z.string().nullable(),
      result: z.enum(['success', 'failure', 'locked']),
    }),
  ),
  sessions: z.array(adminSessionSummary),
});
export type AccountDetail = z.infer<typeof accountDetail>;
