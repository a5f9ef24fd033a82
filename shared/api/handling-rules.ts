import { z } from 'zod';
import { APPROVAL_KINDS, APPROVAL_LEVELS } from './approvals.ts';

/**
 * Which acts on a file need approval, and whose (issue 7; A12 「その内容に応じて」): defaults by the
 * register's sensitivity and importance, raised per file by the unit's 総括保護管理者, never below the
 * rule's minimums (A13, A15, A17).
 */
export const REQUIREMENTS = ['none', ...APPROVAL_LEVELS] as const;
export const requirement = z.enum(REQUIREMENTS);
export const rulesShape = z.object(
  Object.fromEntries(APPROVAL_KINDS.map((k) => [k, requirement])) as Record<
    (typeof APPROVAL_KINDS)[number],
    typeof requirement
  >,
);

export const rulesInput = z
  .object({ rules: rulesShape.strict(), reason: z.string().trim().min(1).max(1000) })
  .strict();
export type RulesInput = z.input<typeof rulesInput>;

export const rulesView = z.object({
  fileId: z.string(),
  fileName: z.string(),
  sensitivity: z.string(),
  importance: z.string(),
  myNumber: z.boolean(),
  /** What applies now. */
  rules: rulesShape,
  defaults: rulesShape,
  minimums: rulesShape,
  overridden: z.boolean(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type RulesView = z.infer<typeof rulesView>;
