import type { ApprovalKind, ApprovalLevel } from '../../../../shared/api/approvals.ts';
import type { Importance, Sensitivity } from '../../../../shared/register-fields.ts';

/** What an act needs before it is done: nothing, or the approval of a level (A12 「その内容に応じて」). */
export type Requirement = 'none' | ApprovalLevel;
export type Rules = Record<ApprovalKind, Requirement>;

const RANK: Record<Requirement, number> = { none: 0, protection_manager: 1, chief_protection_manager: 2 };
export const stricter = (a: Requirement, b: Requirement): Requirement => (RANK[a] >= RANK[b] ? a : b);

/**
 * What no setting can lower: a correction is made on the 保護管理者's instruction (A13), disposal on
 * theirs (A15) and a file's disposal on the 総括保護管理者's, use outside the purpose is decided by
 * the 総括保護管理者 (A17-2, A17-4); a My Number file's copies and movements always need approval
 * (A11の2, A17の2).
 */
export function minimums(myNumber: boolean): Rules {
  const held: Requirement = myNumber ? 'protection_manager' : 'none';
  return {
    export: held,
    transmit: held,
    send_out: held,
    take_out: held,
    correction: 'protection_manager',
    out_of_purpose: 'chief_protection_manager',
    dispose_records: 'protection_manager',
    dispose_file: 'chief_protection_manager',
    dispose_medium: 'protection_manager',
  };
}

/**
 * The defaults by the register's sensitivity and importance (A12): an ordinary file of low or
 * medium importance may be copied and sent within the work without asking; media leaving the
 * office always need the 保護管理者; sensitive or important files need them for every act; highly
 * sensitive files send media out only with the 総括保護管理者.
 */
export function defaults(sensitivity: Sensitivity, importance: Importance, myNumber: boolean): Rules {
  const plain = sensitivity === 'ordinary' && importance !== 'high';
  const copy: Requirement = plain ? 'none' : 'protection_manager';
  const media: Requirement =
    sensitivity === 'highly_sensitive' ? 'chief_protection_manager' : 'protection_manager';
  const base: Rules = {
    export: copy,
    transmit: copy,
    send_out: media,
    take_out: media,
    correction: 'protection_manager',
    out_of_purpose: 'chief_protection_manager',
    dispose_records: 'protection_manager',
    dispose_file: 'chief_protection_manager',
    dispose_medium: 'protection_manager',
  };
  return raise(base, minimums(myNumber));
}

/** Each act at the stricter of two rule sets. */
export function raise(rules: Rules, floor: Rules): Rules {
  return Object.fromEntries(
    (Object.keys(rules) as ApprovalKind[]).map((k) => [k, stricter(rules[k], floor[k])]),
  ) as Rules;
}
