import { hash } from 'node:crypto';
import {
  HISTORY_ACTION_LABELS,
  HISTORY_BUNDLE_FORMAT,
  historyActionOf,
} from '../../../shared/api/requests-history.ts';
import { leafHash, verifyInclusion } from './merkle.ts';
import { openNote, parseCheckpointText, parseVerifierKey, type NoteVerifier } from './note.ts';

/**
 * The independent check of an access-history bundle (issue 12; A22-2: the record of access cannot be
 * altered unseen): what `npx mamori log verify-history` runs, with no database and no service — only
 * the bundle, the verifier key the person got from GET /log/key, and optionally the checkpoint
 * published at GET /log/checkpoint. Pure code over RFC 9162 (merkle.ts) and C2SP signed notes
 * (note.ts):
 * - the bundle's checkpoint is signed by the given key, and every entry's tree size is its size;
 * - each entry's leaf is SHA-256(0x00 || bytes), and its proof leads from that leaf to the root;
 * - the bytes are the canonical entry (entry-codec.ts: ['mamori-log-entry/v1', id, kind, type,
 *   occurred_at, …, purpose, …, payload digest]) of an access; the time, purpose and action shown
 *   are the bytes' own; the payload hashes to the digest and names one of the subject records;
 * - a published checkpoint of the same size has the same root; of another size, a consistency
 *   proof (`npx mamori log consistency`) is needed to relate the two — not a failure.
 * The role, section and file name shown are the issuer's words: they are not in the leaf.
 */

/** The first element of the canonical bytes (entry-codec.ts FORMAT). */
export const ENTRY_FORMAT = 'mamori-log-entry/v1';

/** Positions in the canonical bytes (entry-codec.ts entryBytes). */
const AT = { format: 0, kind: 2, type: 3, occurredAt: 4, purpose: 12, digest: 17, length: 18 } as const;

export interface EntryCheck {
  leafIndex: number | null;
  ok: boolean;
  problems: string[];
  /** Not failures: what the check could not cover (a pruned payload). */
  notes: string[];
}

export interface HistoryCheck {
  ok: boolean;
  checkpoint: { treeSize: number; rootHash: string; signedAt: string } | null;
  /** Problems of the bundle as a whole (format, key, checkpoint, published checkpoint). */
  problems: string[];
  notes: string[];
  entries: EntryCheck[];
}

/** Strict base64 (null when not canonical: Node's decoder skips foreign characters). */
function b64(text: unknown): Buffer | null {
  if (typeof text !== 'string') return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Opens a signed checkpoint note with the verifier; the reason as a string when it fails. */
function openCheckpoint(note: unknown, verifier: NoteVerifier) {
  if (typeof note !== 'string') return 'no checkpoint note / チェックポイントがありません';
  try {
    return parseCheckpointText(openNote(note, verifier));
  } catch (e) {
    return `checkpoint: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function checkEntry(
  raw: unknown,
  cp: { treeSize: number; rootHash: Buffer },
  subjects: Set<string>,
): EntryCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const out = (leafIndex: number | null): EntryCheck => ({
    leafIndex,
    ok: problems.length === 0,
    problems,
    notes,
  });
  if (!isObject(raw)) {
    problems.push('not an entry');
    return out(null);
  }
  const leafIndex = Number.isSafeInteger(raw.leafIndex) ? (raw.leafIndex as number) : null;
  if (leafIndex === null) problems.push('no leaf index');
  if (raw.treeSize !== cp.treeSize)
    problems.push(`tree size ${String(raw.treeSize)} is not the checkpoint's ${cp.treeSize}`);
  const bytes = b64(raw.entryBytes);
  const given = b64(raw.leafHash);
  const proof = Array.isArray(raw.proof) ? raw.proof.map(b64) : null;
  if (!bytes) problems.push('entry bytes are not base64');
  if (!given || given.length !== 32) problems.push('leaf hash is not a base64 SHA-256');
  if (!proof || proof.some((p) => !p || p.length !== 32)) problems.push('proof is not a list of hashes');
  if (!bytes || leafIndex === null || !proof || proof.some((p) => !p)) return out(leafIndex);

  // The leaf is recomputed from the bytes: the hash the issuer gave is only compared with it.
  const leaf = leafHash(bytes);
  if (given && !leaf.equals(given)) problems.push('the leaf hash does not match the entry bytes');
  if (!verifyInclusion(leafIndex, cp.treeSize, leaf, proof as Buffer[], cp.rootHash))
    problems.push('the inclusion proof does not lead to the checkpoint root');

  let cols: unknown[] | null = null;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === AT.length && parsed[AT.format] === ENTRY_FORMAT)
      cols = parsed;
  } catch {
    cols = null;
  }
  if (!cols) {
    problems.push(`the bytes are not a canonical ${ENTRY_FORMAT} entry`);
    return out(leafIndex);
  }
  if (cols[AT.kind] !== 'access') problems.push('the entry is not an access entry');
  const shown = isObject(raw.shown) ? raw.shown : {};
  if (shown.occurredAt !== cols[AT.occurredAt]) problems.push('the time shown is not the logged time');
  if ((shown.purpose ?? null) !== cols[AT.purpose])
    problems.push('the purpose shown is not the logged purpose');
  const type = cols[AT.type];
  const typeText = typeof type === 'string' ? type : '';
  if (shown.action !== HISTORY_ACTION_LABELS[historyActionOf(typeText)].ja)
    problems.push('the action shown is not the logged action');

  if (raw.payload === null || raw.payload === undefined) {
    // Pruned after the retention period (A22-1): the digest stays in the leaf, the records do not.
    notes.push('payload pruned: which records it named rests on the log’s record index');
  } else if (typeof raw.payload !== 'string') {
    problems.push('the payload is not a string');
  } else {
    if (hash('sha256', raw.payload, 'hex') !== cols[AT.digest])
      problems.push('the payload does not hash to the digest in the entry bytes');
    let records: unknown = null;
    try {
      const p = JSON.parse(raw.payload) as unknown;
      records = isObject(p) ? p.records : null;
    } catch {
      problems.push('the payload is not JSON');
    }
    if (!Array.isArray(records) || !records.some((r) => subjects.has(String(r))))
      problems.push('the payload names none of the subject records');
  }
  return out(leafIndex);
}

/** Checks a bundle (parsed JSON) with the verifier key; see the module comment for what is checked. */
export function verifyHistoryBundle(
  bundle: unknown,
  opts: { verifierKey: string; publishedCheckpoint?: string },
): HistoryCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const fail = (): HistoryCheck => ({ ok: false, checkpoint: null, problems, notes, entries: [] });
  if (!isObject(bundle) || bundle.format !== HISTORY_BUNDLE_FORMAT) {
    problems.push(`not a ${HISTORY_BUNDLE_FORMAT} bundle`);
    return fail();
  }
  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(opts.verifierKey);
  } catch (e) {
    problems.push(`verifier key: ${e instanceof Error ? e.message : String(e)}`);
    return fail();
  }
  if (typeof bundle.verifierKey === 'string' && bundle.verifierKey.trim() !== opts.verifierKey.trim())
    notes.push('the bundle names another verifier key; the key given was used');
  const cp = openCheckpoint(bundle.checkpoint, verifier);
  if (typeof cp === 'string') {
    problems.push(cp);
    return fail();
  }
  const subjects = new Set(Array.isArray(bundle.subjectRecordIds) ? bundle.subjectRecordIds.map(String) : []);
  if (subjects.size === 0) problems.push('the bundle names no subject record');
  const rawEntries = Array.isArray(bundle.entries) ? bundle.entries : null;
  if (!rawEntries) problems.push('the bundle has no entry list');
  const entries = (rawEntries ?? []).map((e) => checkEntry(e, cp, subjects));
  const leaves = entries.map((e) => e.leafIndex).filter((l) => l !== null);
  if (new Set(leaves).size !== leaves.length) problems.push('an entry appears twice');

  if (opts.publishedCheckpoint !== undefined) {
    const published = openCheckpoint(opts.publishedCheckpoint, verifier);
    if (typeof published === 'string') problems.push(`published ${published}`);
    else if (published.treeSize === cp.treeSize) {
      if (!published.rootHash.equals(cp.rootHash))
        problems.push('the published checkpoint of the same size has another root: the log was forked');
    } else
      notes.push(
        `the published checkpoint has size ${published.treeSize}, the bundle's ${cp.treeSize}: ` +
          `run \`npx mamori log consistency ${Math.min(published.treeSize, cp.treeSize)} ${Math.max(published.treeSize, cp.treeSize)}\` to relate them`,
      );
  }
  return {
    ok: problems.length === 0 && entries.every((e) => e.ok),
    checkpoint: { treeSize: cp.treeSize, rootHash: cp.rootHash.toString('base64'), signedAt: cp.issuedAt },
    problems,
    notes,
    entries,
  };
}
