import { hash } from 'node:crypto';
import { leafHash, type Hash } from './merkle.ts';

/**
 * The canonical bytes of an entry, which its Merkle leaf hashes (A22-2). Every column that says
 * something about the access is in them, so changing any one of them in the database changes the
 * leaf; the payload enters through its SHA-256 so that pruning it after the retention period keeps
 * the leaf checkable (payload_digest). The sequence number is the database's, not the log's: the
 * leaf number is the entry's place.
 */
export interface EntryColumns {
  id: string;
  kind: string;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  request_id: string | null;
  ip: string | null;
  terminal_id: string | null;
  unit_id: string | null;
  section_id: string | null;
  purpose: string | null;
  subject_type: string | null;
  subject_id: string | null;
  outcome: string;
  reason: string | null;
  payload: string;
  payload_digest: Buffer | null;
  pruned_at: string | null;
}

/** The columns of an entry in the order its canonical bytes list them (the payload through its digest). */
export const CONTENT_COLUMNS = [
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

const FORMAT = 'mamori-log-entry/v1';

// One-shot crypto.hash: several times cheaper per call than createHash().update().digest() (bench/).
export const payloadDigest = (payload: string): Buffer => hash('sha256', payload, 'buffer');

/** The digest of the entry's payload: computed while it is there, stored once it is pruned. */
export function digestOf(e: Pick<EntryColumns, 'payload' | 'payload_digest' | 'pruned_at'>): Buffer {
  if (e.pruned_at !== null) {
    if (!e.payload_digest) throw new Error('a pruned entry has lost its payload digest');
    return e.payload_digest;
  }
  return payloadDigest(e.payload);
}

/** digestOf in hex, without the intermediate Buffer (the hot path of sequencing and verification). */
function digestHexOf(e: Pick<EntryColumns, 'payload' | 'payload_digest' | 'pruned_at'>): string {
  return e.pruned_at !== null ? digestOf(e).toString('hex') : hash('sha256', e.payload, 'hex');
}

/** The canonical bytes (UTF-8 JSON array, fixed order). */
export function entryBytes(e: EntryColumns): Buffer {
  return Buffer.from(
    JSON.stringify([
      FORMAT,
      e.id,
      e.kind,
      e.type,
      e.occurred_at,
      e.actor_id,
      e.actor_label,
      e.request_id,
      e.ip,
      e.terminal_id,
      e.unit_id,
      e.section_id,
      e.purpose,
      e.subject_type,
      e.subject_id,
      e.outcome,
      e.reason,
      digestHexOf(e),
    ]),
    'utf8',
  );
}

/** RFC 9162 leaf hash of the entry. */
export const entryLeafHash = (e: EntryColumns): Hash => leafHash(entryBytes(e));
