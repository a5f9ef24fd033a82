/**
 * The mandatory report to the 個人情報保護委員会 (法68①, 規則43): each of the four cases alone, the
 * strong-encryption exception, the threshold edge (100 is not more than 100; 101 is), a configured
 * threshold, and "not yet known" while the count is unknown.
 */
import { describe, expect, it } from 'vitest';
import { decidePpc } from './ppc-decision.ts';

const none = {
  sensitive: false,
  strongEncryption: false,
  financialRisk: false,
  wrongfulPurpose: false,
  personsCount: 3 as number | null,
  myNumber: false,
};
const threshold = { personsThreshold: 100 };

describe('whether the report to the 個人情報保護委員会 is mandatory', () => {
  it('is not, for a few persons and none of the cases', () => {
    expect(decidePpc(none, threshold)).toEqual({ required: false, cases: [], myNumber: false });
  });

  it('is, for 要配慮個人情報 — unless strongly encrypted', () => {
    expect(decidePpc({ ...none, sensitive: true }, threshold)).toEqual({
      required: true,
      cases: ['sensitive'],
      myNumber: false,
    });
    expect(decidePpc({ ...none, sensitive: true, strongEncryption: true }, threshold).required).toBe(false);
  });

  it('is, when misuse could cause 財産的被害', () => {
    expect(decidePpc({ ...none, financialRisk: true }, threshold)).toMatchObject({
      required: true,
      cases: ['financial'],
    });
  });

  it('is, when 不正の目的 may be involved, even with strong encryption', () => {
    expect(decidePpc({ ...none, wrongfulPurpose: true, strongEncryption: true }, threshold)).toMatchObject({
      required: true,
      cases: ['wrongful'],
    });
  });

  it('is not for 100 persons and is for 101 (「百人を超える」)', () => {
    expect(decidePpc({ ...none, personsCount: 100 }, threshold)).toMatchObject({
      required: false,
      cases: [],
    });
    expect(decidePpc({ ...none, personsCount: 101 }, threshold)).toMatchObject({
      required: true,
      cases: ['over_threshold'],
    });
  });

  it('follows a configured threshold', () => {
    expect(decidePpc({ ...none, personsCount: 101 }, { personsThreshold: 1000 }).required).toBe(false);
    expect(decidePpc({ ...none, personsCount: 1000 }, { personsThreshold: 1000 }).required).toBe(false);
    expect(decidePpc({ ...none, personsCount: 1001 }, { personsThreshold: 1000 }).cases).toEqual([
      'over_threshold',
    ]);
    expect(decidePpc({ ...none, personsCount: 11 }, { personsThreshold: 10 }).required).toBe(true);
  });

  it('lists every case that holds, in the order of 規則43', () => {
    const all = { ...none, sensitive: true, financialRisk: true, wrongfulPurpose: true, personsCount: 500 };
    expect(decidePpc(all, threshold).cases).toEqual(['sensitive', 'financial', 'wrongful', 'over_threshold']);
  });

  it('is not yet known while the count is unknown and no other case holds', () => {
    expect(decidePpc({ ...none, personsCount: null }, threshold)).toEqual({
      required: null,
      cases: [],
      myNumber: false,
    });
    // Another case settles it without the count.
    expect(decidePpc({ ...none, personsCount: null, financialRisk: true }, threshold).required).toBe(true);
  });

  it('carries the My Number flag (A34-7) without making the PPC report mandatory by itself', () => {
    expect(decidePpc({ ...none, myNumber: true }, threshold)).toEqual({
      required: false,
      cases: [],
      myNumber: true,
    });
  });
});
