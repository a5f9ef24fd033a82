/**
 * Tables of the verifiable log (issue 4, A22): the Merkle tree's perfect subtrees, the signed
 * checkpoints, where the witnesses stand, the record index of access entries, and leases (one
 * sequencer at a time). The entries themselves are `ledger_entries` (schema.ts), with the columns
 * this issue added (LedgerColumns).
 */
export interface LedgerColumns {
  unit_id: string | null;
  section_id: string | null;
  purpose: string | null;
  outcome: string; // 'ok' | 'denied' | 'error'
  reason: string | null;
  /** Contiguous leaf number assigned by the sequencer; null while pending. */
  leaf_index: number | null;
  /** RFC 9162 leaf hash of the entry's canonical bytes (entry-codec.ts), set with leaf_index. */
  leaf_hash: Buffer | null;
  /** SHA-256 of the payload, kept when the payload is pruned after the retention period. */
  payload_digest: Buffer | null;
  pruned_at: string | null;
}

/** A perfect subtree of 2^level leaves (level ≥ 1) starting at leaf idx << level. */
export interface LedgerNodeTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface LedgerCheckpointTable {
  tree_size: number;
  root_hash: Buffer;
  issued_at: string;
  /** The signed note, exactly as signed (c2sp.org/signed-note). */
  note: string;
}

/** "Who accessed this record": one row per record named by an access entry (derived, verified). */
export interface LedgerRecordRefTable {
  entry_seq: number;
  record_id: string;
}

/** Where each witness stands: the last checkpoint it took, or its last failure. */
export interface LedgerWitnessTable {
  name: string;
  kind: string; // 'directory' | 'mail'
  tree_size: number | null;
  witnessed_at: string | null;
  failed_at: string | null;
  failure: string | null;
}

/** A lease: one holder at a time (the sequencer, scheduled jobs); expires unless renewed. */
export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface LedgerTables {
  ledger_nodes: LedgerNodeTable;
  ledger_checkpoints: LedgerCheckpointTable;
  ledger_record_refs: LedgerRecordRefTable;
  ledger_witnesses: LedgerWitnessTable;
  leases: LeaseTable;
}
