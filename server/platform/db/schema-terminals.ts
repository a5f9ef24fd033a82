/**
 * Tables of terminals (issue 3): areas (A11の2 取扱区域 and general areas) and the terminals
 * registered to them (A29 端末の限定). A terminal row is first a request, then (approved) a terminal.
 */
export interface TerminalAreaTable {
  id: string;
  unit_id: string;
  /** Null for a unit's area (managed by its 総括保護管理者); else the section's (its 保護管理者). */
  section_id: string | null;
  kind: string; // 'general' | 'handling_area'
  name: string;
  address_ranges: string; // JSON array of CIDR strings; empty: any address
  created_at: string;
  updated_at: string;
  /** Areas are removed softly, so that terminals and the ledger keep pointing at them. */
  removed_at: string | null;
}

export interface TerminalTable {
  id: string;
  area_id: string;
  requested_by: string;
  label: string;
  reason: string;
  /** SHA-256 of the device secret held in the browser's signed cookie; the secret itself is never stored. */
  secret_hash: string;
  status: string; // 'pending' | 'approved' | 'rejected' | 'revoked'
  request_ip: string | null;
  requested_at: string;
  /** JSON array of CIDR strings narrowing the area's ranges for this terminal; null: the area's. */
  address_ranges: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

/** The ledger records the terminal of each event's request (ctx.terminal). */
export interface LedgerTerminalColumn {
  terminal_id: string | null;
}

export interface TerminalTables {
  terminal_areas: TerminalAreaTable;
  terminals: TerminalTable;
  ledger_entries: LedgerTerminalColumn;
}
