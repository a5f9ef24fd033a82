import type { Facts, IncidentSettings, PpcDecision } from '../../../../shared/api/incidents.ts';

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
  throw new Error(`not yet: ${JSON.stringify(facts)} ${JSON.stringify(settings)}`);
}
