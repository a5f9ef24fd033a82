import type { Decision } from '../../../../shared/api/requests-decision.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';

/** A confirmed record as the rules see it: its match and the keys of the fields it discloses. */
export interface RuleRecord {
  matchId: string;
  /** Keys of its fields that may be disclosed at all (My Numbers excluded: 番号法). */
  fieldKeys: string[];
}

export interface RuleItem {
  matchId: string;
  fieldKey: string | null;
}

/** Whether anything of the record is left to disclose once the items are withheld. */
export function disclosesSomething(r: RuleRecord, items: readonly RuleItem[]): boolean {
  const mine = items.filter((i) => i.matchId === r.matchId);
  if (mine.some((i) => i.fieldKey === null)) return false;
  const withheld = new Set(mine.map((i) => i.fieldKey));
  return r.fieldKeys.length === 0 || r.fieldKeys.some((k) => !withheld.has(k));
}

/**
 * The code that refuses a decision for the confirmed records and the withheld items, or null when
 * it holds together: 全部開示 withholds nothing (法78); 部分開示 withholds something and discloses
 * something (法79); 不開示 withholds every record whole, each with its ground (法78-1, 法82-2);
 * 保有していない has no confirmed record (法82-2); 存否応答拒否 states its reason (法81).
 */
export function decisionProblem(
  decision: Decision,
  reason: string | null,
  records: readonly RuleRecord[],
  items: readonly RuleItem[],
): ErrorCode | null {
  const confirmed = new Set(records.map((r) => r.matchId));
  if (items.some((i) => !confirmed.has(i.matchId))) return 'requests.match_not_confirmed';
  switch (decision) {
    case 'full':
      if (records.length === 0) return 'requests.decision_no_records';
      return items.length ? 'requests.full_has_withheld' : null;
    case 'partial':
      if (records.length === 0) return 'requests.decision_no_records';
      if (items.length === 0) return 'requests.partial_needs_withheld';
      return records.some((r) => disclosesSomething(r, items)) ? null : 'requests.partial_needs_disclosed';
    case 'none': {
      if (records.length === 0) return 'requests.decision_no_records';
      const whole = new Set(items.filter((i) => i.fieldKey === null).map((i) => i.matchId));
      return records.every((r) => whole.has(r.matchId)) ? null : 'requests.none_needs_all_withheld';
    }
    case 'not_held':
      return records.length ? 'requests.not_held_has_records' : null;
    case 'refuse_existence':
      return reason ? null : 'requests.refusal_needs_reason';
  }
}
