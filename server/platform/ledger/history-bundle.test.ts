import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_ACTION_LABELS,
  HISTORY_BUNDLE_FORMAT,
  type HistoryBundle,
} from '../../../shared/api/requests-history.ts';
import { entryBytes, payloadDigest, type EntryColumns } from './entry-codec.ts';
import { verifyHistoryBundle } from './history-bundle.ts';
import { inclusionRanges, leafHash, nodeHash, type Hash } from './merkle.ts';
import { createNoteSigner, signCheckpoint } from './note.ts';

/**
 * Issue 12, A22-2: the person's own check of an access history (no database): every alteration of
 * what was issued — an entry's bytes, the purpose shown, a proof, the key, the checkpoint — is caught.
 */

const SUBJECT = '0190a8b0-0000-7000-8000-00000000aaaa';
const OTHER = '0190a8b0-0000-7000-8000-00000000bbbb';

const entry = (i: number, over: Partial<EntryColumns> = {}): EntryColumns => ({
  id: `0190a8b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
  kind: 'access',
  type: i % 2 ? 'vault.record_viewed' : 'vault.records_searched',
  occurred_at: `2026-11-${String(10 + (i % 15)).padStart(2, '0')}T01:00:00.000Z`,
  actor_id: 'p-1',
  actor_label: 'E0001',
  request_id: null,
  ip: '192.0.2.1',
  terminal_id: null,
  unit_id: 'u-1',
  section_id: 's-1',
  purpose: `学生指導 ${i}`,
  subject_type: 'vault_file',
  subject_id: 'f-1',
  outcome: 'ok',
  reason: null,
  payload: JSON.stringify({ records: [i % 3 === 0 ? SUBJECT : OTHER], fields: null, myNumber: false }),
  payload_digest: null,
  pruned_at: null,
  ...over,
});

/** MTH over leaves (RFC 9162 §2.1.1), for the test's own tree. */
function mth(leaves: Hash[], start: number, end: number): Hash {
  if (end - start === 1) return leaves[start]!;
  let k = 1;
  while (k * 2 < end - start) k *= 2;
  return nodeHash(mth(leaves, start, start + k), mth(leaves, start + k, end));
}

const signer = createNoteSigner('mamori.test', randomBytes(32));

/** A log of `size` entries and a bundle of the entries that name SUBJECT. */
function fixture(size = 13) {
  const cols = Array.from({ length: size }, (_, i) => entry(i));
  const bytes = cols.map(entryBytes);
  const leaves = bytes.map(leafHash);
  const root = mth(leaves, 0, size);
  const note = (n: number, r: Hash) =>
    signCheckpoint(signer, {
      origin: 'mamori.test',
      treeSize: n,
      rootHash: r,
      issuedAt: '2026-11-30T00:30:00Z',
    });
  const bundle: HistoryBundle = {
    format: HISTORY_BUNDLE_FORMAT,
    number: 'R2026-0001',
    generatedAt: '2026-11-30T00:30:00Z',
    subjectRecordIds: [SUBJECT],
    verifierKey: signer.verifierKey,
    checkpoint: note(size, root),
    entries: cols
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.payload.includes(SUBJECT))
      .map(({ c, i }) => ({
        shown: {
          occurredAt: c.occurred_at,
          actorRole: '保護担当者',
          unitName: '東京工業高等専門学校',
          sectionName: '学生課教務係',
          action: HISTORY_ACTION_LABELS[i % 2 ? 'viewed' : 'searched'].ja,
          fileName: '学籍ファイル',
          purpose: c.purpose,
        },
        leafIndex: i,
        treeSize: size,
        entryBytes: bytes[i]!.toString('base64'),
        payload: c.payload,
        leafHash: leaves[i]!.toString('base64'),
        proof: inclusionRanges(i, size).map((r) => mth(leaves, r.start, r.end).toString('base64')),
      })),
  };
  return { bundle, leaves, root, note, cols, bytes };
}

const key = signer.verifierKey;
const copy = (b: HistoryBundle): HistoryBundle => structuredClone(b);

describe('verifyHistoryBundle (A22-2, issue 12)', () => {
  it('verifies a bundle as issued, entry by entry', () => {
    const { bundle } = fixture();
    expect(bundle.entries.length).toBe(5);
    const r = verifyHistoryBundle(JSON.parse(JSON.stringify(bundle)), { verifierKey: key });
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.leafIndex, e.ok])).toEqual([0, 3, 6, 9, 12].map((i) => [i, true]));
    expect(r.ok).toBe(true);
    expect(r.checkpoint?.treeSize).toBe(13);
  });

  it('catches one byte of an entry changed', () => {
    const b = copy(fixture().bundle);
    const raw = Buffer.from(b.entries[1]!.entryBytes, 'base64');
    raw[40]! ^= 0x01;
    b.entries[1]!.entryBytes = raw.toString('base64');
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.ok).toBe(false);
    expect(r.entries[1]!.problems).toContain('the leaf hash does not match the entry bytes');
    expect(r.entries.filter((e) => !e.ok)).toHaveLength(1);
  });

  it('catches entry bytes re-made with another purpose (leaf hash recomputed too)', () => {
    const { bundle, cols } = fixture();
    const b = copy(bundle);
    const forged = entryBytes({ ...cols[3]!, purpose: '請求対応' });
    b.entries[1]!.entryBytes = forged.toString('base64');
    b.entries[1]!.leafHash = leafHash(forged).toString('base64');
    b.entries[1]!.shown.purpose = '請求対応';
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.entries[1]!.problems).toEqual(['the inclusion proof does not lead to the checkpoint root']);
  });

  it('catches a purpose or time shown that is not the logged one', () => {
    const b = copy(fixture().bundle);
    b.entries[0]!.shown.purpose = '本人からの開示請求への対応';
    b.entries[2]!.shown.occurredAt = '2026-01-01T00:00:00.000Z';
    b.entries[3]!.shown.action = HISTORY_ACTION_LABELS.exported.ja;
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.entries[0]!.problems).toEqual(['the purpose shown is not the logged purpose']);
    expect(r.entries[2]!.problems).toEqual(['the time shown is not the logged time']);
    expect(r.entries[3]!.problems).toEqual(['the action shown is not the logged action']);
    expect(r.ok).toBe(false);
  });

  it('catches a swapped proof and a payload that is not the logged one', () => {
    const b = copy(fixture().bundle);
    [b.entries[0]!.proof, b.entries[1]!.proof] = [b.entries[1]!.proof, b.entries[0]!.proof];
    b.entries[2]!.payload = JSON.stringify({ records: [SUBJECT], fields: null, myNumber: true });
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.entries[0]!.problems).toContain('the inclusion proof does not lead to the checkpoint root');
    expect(r.entries[1]!.problems).toContain('the inclusion proof does not lead to the checkpoint root');
    expect(r.entries[2]!.problems).toEqual(['the payload does not hash to the digest in the entry bytes']);
  });

  it('catches an entry that is not about the subject records', () => {
    const { bundle, bytes, leaves, cols } = fixture();
    const b = copy(bundle);
    b.entries[0] = {
      ...b.entries[0]!,
      leafIndex: 1,
      shown: {
        ...b.entries[0]!.shown,
        occurredAt: cols[1]!.occurred_at,
        purpose: cols[1]!.purpose,
        action: HISTORY_ACTION_LABELS.viewed.ja,
      },
      entryBytes: bytes[1]!.toString('base64'),
      payload: cols[1]!.payload,
      leafHash: leaves[1]!.toString('base64'),
      proof: inclusionRanges(1, 13).map((r) => mth(leaves, r.start, r.end).toString('base64')),
    };
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.entries[0]!.problems).toEqual(['the payload names none of the subject records']);
  });

  it('refuses a checkpoint signed by another key, and a wrong key', () => {
    const { bundle, root } = fixture();
    const other = createNoteSigner('mamori.test', randomBytes(32));
    const b = copy(bundle);
    b.checkpoint = signCheckpoint(other, {
      origin: 'mamori.test',
      treeSize: 13,
      rootHash: root,
      issuedAt: '2026-11-30T00:30:00Z',
    });
    expect(verifyHistoryBundle(b, { verifierKey: key }).problems).toEqual([
      'checkpoint: the note is not signed by this key',
    ]);
    const wrong = verifyHistoryBundle(bundle, { verifierKey: other.verifierKey });
    expect(wrong.ok).toBe(false);
    expect(wrong.problems).toEqual(['checkpoint: the note is not signed by this key']);
    expect(verifyHistoryBundle(bundle, { verifierKey: 'nonsense' }).ok).toBe(false);
  });

  it('catches a bundle whose proofs are for another checkpoint', () => {
    const { bundle, leaves, note } = fixture(13);
    const b = copy(bundle);
    b.checkpoint = note(20, mth([...leaves, ...leaves], 0, 20));
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.ok).toBe(false);
    for (const e of r.entries) {
      expect(e.problems).toContain("tree size 13 is not the checkpoint's 20");
      expect(e.problems).toContain('the inclusion proof does not lead to the checkpoint root');
    }
  });

  it('compares with the published checkpoint: same size same root, else a consistency proof is needed', () => {
    const { bundle, leaves, root, note } = fixture(13);
    expect(verifyHistoryBundle(bundle, { verifierKey: key, publishedCheckpoint: note(13, root) }).ok).toBe(
      true,
    );
    const forked = verifyHistoryBundle(bundle, {
      verifierKey: key,
      publishedCheckpoint: note(13, mth([...leaves].reverse(), 0, 13)),
    });
    expect(forked.problems).toEqual([
      'the published checkpoint of the same size has another root: the log was forked',
    ]);
    const later = verifyHistoryBundle(bundle, {
      verifierKey: key,
      publishedCheckpoint: note(20, mth([...leaves, ...leaves], 0, 20)),
    });
    expect(later.ok).toBe(true);
    expect(later.notes.join()).toContain('npx mamori log consistency 13 20');
  });

  it('lists a pruned entry with a note, its time and purpose still checked', () => {
    const { cols } = fixture(4);
    const pruned = {
      ...cols[0]!,
      payload: '',
      payload_digest: payloadDigest(cols[0]!.payload),
      pruned_at: 'x',
    };
    const bytes = entryBytes(pruned);
    const leaves = [bytes, ...cols.slice(1).map(entryBytes)].map(leafHash);
    expect(bytes.equals(entryBytes(cols[0]!))).toBe(true);
    const { bundle } = fixture(4);
    const b = copy(bundle);
    b.entries[0]!.payload = null;
    expect(leaves[0]!.toString('base64')).toBe(b.entries[0]!.leafHash);
    const r = verifyHistoryBundle(b, { verifierKey: key });
    expect(r.ok).toBe(true);
    expect(r.entries[0]!.notes[0]).toMatch(/payload pruned/);
  });

  it('refuses what is not a bundle', () => {
    expect(verifyHistoryBundle({ format: 'x' }, { verifierKey: key }).problems).toEqual([
      `not a ${HISTORY_BUNDLE_FORMAT} bundle`,
    ]);
    expect(verifyHistoryBundle(null, { verifierKey: key }).ok).toBe(false);
  });
});
