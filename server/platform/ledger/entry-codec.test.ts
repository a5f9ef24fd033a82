import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf, entryBytes, entryLeafHash, payloadDigest, type EntryColumns } from './entry-codec.ts';
import { leafHash } from './merkle.ts';

/**
 * A22-2: the leaf of an entry covers every column that says something about the access, so that an
 * edit in the database changes the leaf; pruning the payload after the retention period (A22-1) keeps it.
 */

const base: EntryColumns = {
  id: '01JDZ8Y7Q4X6V5T3R2P1N0M9K8',
  kind: 'access',
  type: 'vault.record.read',
  occurred_at: '2026-11-29T05:00:00.000Z',
  actor_id: 'usr_01',
  actor_label: 'usr_01',
  request_id: 'req_01',
  ip: '192.0.2.10',
  terminal_id: 'term_01',
  unit_id: 'unit_01',
  section_id: 'sec_01',
  purpose: 'A11-3 student guidance',
  subject_type: 'file',
  subject_id: 'file_01',
  outcome: 'ok',
  reason: null,
  payload: '{"records":["rec_1","rec_2"]}',
  payload_digest: null,
  pruned_at: null,
};

/** The columns the leaf covers directly (payload through its digest; pruning metadata is not content). */
const CONTENT = [
  'id',
  'kind',
  'type',
  'occurred_at',
  'actor_id',
  'actor_label',
  'request_id',
  'ip',
  'terminal_id',
  'unit_id',
  'section_id',
  'purpose',
  'subject_type',
  'subject_id',
  'outcome',
  'reason',
  'payload',
] as const satisfies readonly (keyof EntryColumns)[];
const NULLABLE = new Set<string>([
  'actor_id',
  'request_id',
  'ip',
  'terminal_id',
  'unit_id',
  'section_id',
  'purpose',
  'subject_type',
  'subject_id',
  'reason',
]);

const prune = (e: EntryColumns, at = '2031-04-01T00:00:00.000Z'): EntryColumns => ({
  ...e,
  payload: '{}',
  payload_digest: payloadDigest(e.payload),
  pruned_at: at,
});
const hex = (e: EntryColumns) => entryLeafHash(e).toString('hex');

const entryArb = fc.record({
  id: fc.string({ minLength: 1 }),
  kind: fc.constantFrom('audit', 'access'),
  type: fc.string(),
  occurred_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actor_id: fc.option(fc.string()),
  actor_label: fc.string(),
  request_id: fc.option(fc.string()),
  ip: fc.option(fc.string()),
  terminal_id: fc.option(fc.string()),
  unit_id: fc.option(fc.string()),
  section_id: fc.option(fc.string()),
  purpose: fc.option(fc.string()),
  subject_type: fc.option(fc.string()),
  subject_id: fc.option(fc.string()),
  outcome: fc.constantFrom('ok', 'denied', 'error'),
  reason: fc.option(fc.string()),
  payload: fc.string(),
  payload_digest: fc.constant(null),
  pruned_at: fc.constant(null),
}) satisfies fc.Arbitrary<EntryColumns>;

describe('entry leaf hash (A22-2)', () => {
  it('is the RFC 9162 leaf hash of a fixed-order JSON array that starts with the format name', () => {
    const bytes = entryBytes(base);
    expect(entryLeafHash(base).equals(leafHash(bytes))).toBe(true);
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown[];
    expect(parsed[0]).toBe('mamori-log-entry/v1');
    expect(parsed[1]).toBe(base.id);
    expect(parsed.at(-1)).toBe(payloadDigest(base.payload).toString('hex'));
    expect(parsed).toHaveLength(CONTENT.length + 1);
  });

  it('changes when any single column that says something about the access changes', () => {
    fc.assert(
      fc.property(entryArb, fc.constantFrom(...CONTENT), fc.option(fc.string()), (e, column, value) => {
        if (value === null && !NULLABLE.has(column)) return;
        if (e[column] === value) return;
        expect(hex({ ...e, [column]: value })).not.toBe(hex(e));
      }),
      { numRuns: 500 },
    );
    // Null and the empty string or the text "null" are different values.
    for (const column of NULLABLE) {
      const withNull = { ...base, [column]: null };
      expect(hex({ ...withNull, [column]: '' })).not.toBe(hex(withNull));
      expect(hex({ ...withNull, [column]: 'null' })).not.toBe(hex(withNull));
    }
  });

  it('tells different entries apart even when text moves between neighbouring columns', () => {
    fc.assert(
      fc.property(entryArb, entryArb, (a, b) => {
        const same = CONTENT.every((c) => a[c] === b[c]);
        expect(entryBytes(a).equals(entryBytes(b))).toBe(same);
      }),
    );
    expect(hex({ ...base, type: 'ab', occurred_at: 'c' })).not.toBe(
      hex({ ...base, type: 'a', occurred_at: 'bc' }),
    );
    expect(hex({ ...base, type: 'a","b' })).not.toBe(hex({ ...base, type: 'a', occurred_at: 'b' }));
  });

  it('stays the same when the payload is pruned after the retention period (A22-1)', () => {
    fc.assert(
      fc.property(entryArb, fc.string(), (e, replacement) => {
        const pruned = { ...prune(e), payload: replacement };
        expect(hex(pruned)).toBe(hex(e));
        expect(digestOf(pruned).equals(payloadDigest(e.payload))).toBe(true);
      }),
    );
  });

  it('changes when a pruned entry’s digest is altered, and fails when a pruned entry lost its digest', () => {
    const pruned = prune(base);
    const altered = Buffer.from(pruned.payload_digest!);
    altered[0] = altered[0]! ^ 1;
    expect(hex({ ...pruned, payload_digest: altered })).not.toBe(hex(base));
    expect(
      hex({
        ...base,
        payload_digest: payloadDigest('something else'),
        pruned_at: '2031-04-01T00:00:00.000Z',
      }),
    ).not.toBe(hex(base));
    expect(() => entryLeafHash({ ...pruned, payload_digest: null })).toThrow(/lost its payload digest/);
    // Marking an unpruned entry as pruned without its digest cannot pass silently either.
    expect(() => entryLeafHash({ ...base, pruned_at: '2031-04-01T00:00:00.000Z' })).toThrow();
  });

  it('takes the payload, not a stored digest, while the payload is there', () => {
    // An unpruned entry's leaf comes from its payload; a stray digest cannot stand in for an edit.
    const edited = { ...base, payload: '{"records":["rec_3"]}', payload_digest: payloadDigest(base.payload) };
    expect(hex(edited)).not.toBe(hex(base));
  });
});
