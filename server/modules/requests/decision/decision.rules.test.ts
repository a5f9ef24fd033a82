/** The combinations of decision and withheld items (法78–82): pure rules, each refusal with its code. */
import { describe, expect, it } from 'vitest';
import { decisionProblem, disclosesSomething, type RuleRecord } from './decision.rules.ts';

const recs: RuleRecord[] = [
  { matchId: 'a', fieldKeys: ['name', 'health'] },
  { matchId: 'b', fieldKeys: ['name'] },
];
const field = (matchId: string, fieldKey: string) => ({ matchId, fieldKey });
const whole = (matchId: string) => ({ matchId, fieldKey: null });

describe('decisionProblem (法78–82)', () => {
  it('holds a full disclosure only without withheld items, and with records', () => {
    expect(decisionProblem('full', null, recs, [])).toBeNull();
    expect(decisionProblem('full', null, recs, [field('a', 'health')])).toBe('requests.full_has_withheld');
    expect(decisionProblem('full', null, [], [])).toBe('requests.decision_no_records');
  });

  it('holds a partial disclosure when something is withheld and something disclosed (法79)', () => {
    expect(decisionProblem('partial', null, recs, [])).toBe('requests.partial_needs_withheld');
    expect(decisionProblem('partial', null, recs, [field('a', 'health')])).toBeNull();
    expect(decisionProblem('partial', null, recs, [whole('a')])).toBeNull();
    expect(decisionProblem('partial', null, recs, [whole('a'), whole('b')])).toBe(
      'requests.partial_needs_disclosed',
    );
    expect(
      decisionProblem('partial', null, recs, [field('a', 'name'), field('a', 'health'), whole('b')]),
    ).toBe('requests.partial_needs_disclosed');
  });

  it('holds 不開示 when every record is withheld whole, 保有していない without records, 存否応答拒否 with a reason', () => {
    expect(decisionProblem('none', null, recs, [whole('a')])).toBe('requests.none_needs_all_withheld');
    expect(decisionProblem('none', null, recs, [whole('a'), whole('b')])).toBeNull();
    expect(decisionProblem('none', null, [], [])).toBe('requests.decision_no_records');
    expect(decisionProblem('not_held', null, recs, [])).toBe('requests.not_held_has_records');
    expect(decisionProblem('not_held', null, [], [])).toBeNull();
    expect(decisionProblem('refuse_existence', null, recs, [])).toBe('requests.refusal_needs_reason');
    expect(decisionProblem('refuse_existence', '法第81条による', recs, [])).toBeNull();
  });

  it('refuses items of records no longer confirmed', () => {
    expect(decisionProblem('partial', null, recs, [field('z', 'name')])).toBe('requests.match_not_confirmed');
  });

  it('counts a record without known fields as disclosing unless withheld whole', () => {
    expect(disclosesSomething({ matchId: 'c', fieldKeys: [] }, [])).toBe(true);
    expect(disclosesSomething({ matchId: 'c', fieldKeys: [] }, [whole('c')])).toBe(false);
  });
});
