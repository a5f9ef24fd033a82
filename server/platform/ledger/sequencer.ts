import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { dialectOf } from '../db/dialect.ts';
import { entryLeafHash } from './entry-codec.ts';
import { ledgerRepo } from './ledger.repo.ts';
import { Frontier, nodeKeyString, type Hash } from './merkle.ts';
import { checkpointText, type Checkpoint, type NoteSigner } from './note.ts';

/** A checkpoint as signed: the note and what it says. */
export interface SignedCheckpoint extends Checkpoint {
  note: string;
}

// Any constant shared by all app servers: the PostgreSQL advisory lock of the sequencer.
export const SEQUENCER_LOCK = 0x6d616d6f; // "mamo"

/**
 * The sequencer (A22-2): gives entries without a place contiguous leaf numbers, adds them to the
 * RFC 9162 tree (storing every perfect subtree that completes) and signs a checkpoint, all in one
 * transaction per batch; it also fills the record index ("who accessed this record") from the access
 * entries it places, so that the writers' group commit inserts one row per entry. On PostgreSQL a transaction-scoped advisory lock lets exactly one app
 * server sequence at a time; a crashed one loses the lock with its connection and another takes
 * over on its next run. Unique leaf numbers and node keys make a lost race fail, never fork the tree.
 */
export function createSequencer(deps: {
  database: Database;
  clock: Clock;
  signer: NoteSigner;
  origin: string;
}) {
  const { database, clock, signer, origin } = deps;

  /** Sequences up to `max` pending entries; returns the new checkpoint, or null when none was due. */
  async function runBatch(max: number): Promise<SignedCheckpoint | null> {
    return database.transaction(async (tx) => {
      if (dialectOf(tx as unknown as Kysely<unknown>) === 'postgres') {
        const got = await sql<{
          ok: boolean;
        }>`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as ok`.execute(tx);
        if (!got.rows[0]?.ok) return null;
      }
      const pending = await ledgerRepo.pending(tx, max);
      if (pending.length === 0) return null;
      const latest = await ledgerRepo.latestCheckpoint(tx);
      const size = latest ? Number(latest.tree_size) : 0;
      const keys = Frontier.keysFor(size);
      const found = await ledgerRepo.nodes(tx, keys);
      const parts = keys.map((k) => {
        const hash = found.get(nodeKeyString(k));
        if (!hash) throw new Error(`the tree is missing node ${nodeKeyString(k)}; run "mamori log verify"`);
        return hash;
      });
      const frontier = new Frontier(size, parts);
      const leaves: { seq: number; leafIndex: number; leafHash: Hash }[] = [];
      const nodes: { level: number; idx: number; hash: Hash }[] = [];
      const refs: { entry_seq: number; record_id: string }[] = [];
      for (const row of pending) {
        for (const record_id of recordsNamed(row) ?? []) refs.push({ entry_seq: Number(row.seq), record_id });
        const leafHash = entryLeafHash(row);
        leaves.push({ seq: Number(row.seq), leafIndex: frontier.size, leafHash });
        frontier.push(leafHash, (k, hash) => nodes.push({ level: k.level, idx: k.index, hash }));
      }
      await ledgerRepo.setLeaves(tx, leaves);
      await database.insertRows(tx, 'ledger_nodes', nodes);
      await database.insertRows(tx, 'ledger_record_refs', refs);
      const checkpoint: Checkpoint = {
        origin,
        treeSize: frontier.size,
        rootHash: frontier.root(),
        issuedAt: clock.now().toISOString(),
      };
      const note = signer.sign(checkpointText(checkpoint));
      await ledgerRepo.insertCheckpoint(tx, {
        tree_size: checkpoint.treeSize,
        root_hash: checkpoint.rootHash,
        issued_at: checkpoint.issuedAt,
        note,
      });
      return { ...checkpoint, note };
    });
  }

  return { runBatch };
}

export type Sequencer = ReturnType<typeof createSequencer>;

/**
 * The records an entry names, as the record index must list them: those of an access entry's payload,
 * each once; none for audit or pruned entries; null when the payload is not JSON (an altered payload,
 * which its leaf hash reports).
 */
export function recordsNamed(row: {
  kind: string;
  payload: string;
  pruned_at: string | null;
}): string[] | null {
  if (row.kind !== 'access' || row.pruned_at !== null) return [];
  try {
    const p = JSON.parse(row.payload) as { records?: unknown };
    return Array.isArray(p.records) ? [...new Set(p.records.map(String))] : [];
  } catch {
    return null;
  }
}
