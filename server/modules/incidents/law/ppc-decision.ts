import type { Facts, IncidentSettings, PpcCase, PpcDecision } from '../../../../shared/api/incidents.ts';

/**
 * Whether a report to the 個人情報保護委員会 is mandatory (法68①, 規則43): a leak, loss or damage that
 * occurred or may have occurred and
 * 1. involves 要配慮個人情報 (unless protected by strong encryption) — 'sensitive';
 * 2. could cause 財産的被害 by misuse — 'financial';
 * 3. may have been done 不正の目的 — 'wrongful';
 * 4. affects more than `personsThreshold` (100) persons — 'over_threshold' (100 is not, 101 is).
 * `required` is null when no case holds yet and the number of persons is still unknown.
 */
export function decidePpc(
  facts: Pick<
    Facts,
    'sensitive' | 'strongEncryption' | 'financialRisk' | 'wrongfulPurpose' | 'personsCount' | 'myNumber'
  >,
  settings: Pick<IncidentSettings, 'personsThreshold'>,
): PpcDecision {
  const cases: PpcCase[] = [];
  // 規則43①: 高度な暗号化その他の保護措置 takes the sensitive case away, not the others.
  if (facts.sensitive && !facts.strongEncryption) cases.push('sensitive');
  if (facts.financialRisk) cases.push('financial');
  if (facts.wrongfulPurpose) cases.push('wrongful');
  // 規則43④: 「百人を超える」 — strictly more than the threshold.
  if (facts.personsCount !== null && facts.personsCount > settings.personsThreshold)
    cases.push('over_threshold');
  const required = cases.length > 0 ? true : facts.personsCount === null ? null : false;
  return { required, cases, myNumber: facts.myNumber };
}
