import type { PasswordTables } from './schema-password.ts';
import type { MfaTables } from './schema-mfa.ts';
import type { SsoTables } from './schema-sso.ts';
import type { TerminalTables } from './schema-terminals.ts';
import type { LedgerColumns, LedgerTables } from './schema-ledger.ts';
import type { LogAnalysisTables } from './schema-log-analysis.ts';
import type { RegisterTables } from './schema-register.ts';
import type { VaultTables } from './schema-vault.ts';
import type { HandlingTables } from './schema-handling.ts';
import type { IncidentTables } from './schema-incidents.ts';
import type { ProvisionPartiesTables } from './schema-provision-parties.ts';
import type { ProvisionContractsTables } from './schema-provision-contracts.ts';
import type { ProvisionProvisionsTables } from './schema-provision-provisions.ts';
import type { TrainingTables } from './schema-training.ts';
import type { AuditsTables } from './schema-audits.ts';
import type { OversightTables } from './schema-oversight.ts';
import type { ComplianceTables } from './schema-compliance.ts';
import type { FacilityDevicesTables } from './schema-facility-devices.ts';
import type { FacilitySystemsTables } from './schema-facility-systems.ts';
import type { FacilityRoomsTables } from './schema-facility-rooms.ts';
import type { FacilityBackupsTables } from './schema-facility-backups.ts';
import type { RequestsTables } from './schema-requests.ts';
import type { RequestsSearchTables } from './schema-requests-search.ts';
import type { RequestsDecisionTables } from './schema-requests-decision.ts';
import type { RequestsRemediesTables } from './schema-requests-remedies.ts';
import type { Generated } from 'kysely';

/**
 * The tables, written once for SQLite and PostgreSQL. Instants are ISO-8601 UTC text, dates of the
 * rule (appointment terms) are YYYY-MM-DD text in Asia/Tokyo, flags are integers 0/1, ids are UUIDs.
 */
export interface UnitTable {
  id: string;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  address: string | null;
  sort_order: number;
  created_at: string;
}

export interface SectionTable {
  id: string;
  unit_id: string;
  parent_id: string | null;
  name: string;
  handles_personal_info: number;
  handles_my_number: number;
  sort_order: number;
  created_at: string;
}

export interface PersonTable {
  id: string;
  employee_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  email: string | null;
  kind: string;
  title: string | null;
  unit_id: string;
  section_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AppointmentTable {
  id: string;
  role: string;
  scope_kind: string;
  unit_id: string | null;
  section_id: string | null;
  person_id: string;
  appointed_by: string | null;
  basis: string;
  duties: string | null;
  handling_range: string | null;
  starts_on: string;
  ends_on: string | null;
  terminated_on: string | null;
  terminated_by: string | null;
  termination_reason: string | null;
  created_at: string;
}

export interface CredentialTable {
  person_id: string;
  password_hash: string;
  failed_count: number;
  locked_until: string | null;
  updated_at: string;
}

export interface SessionTable {
  id: string; // SHA-256 of the cookie token: a stolen database does not yield live sessions
  person_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  ended_at: string | null;
  /** SHA-256 of the roles the session was issued for; a change rotates the session (A31). */
  roles_digest: string | null;
  /** When a rotated session replaced this one (valid for a few seconds more, then refused). */
  replaced_at: string | null;
}

export interface PreferenceTable {
  person_id: string;
  locale: string;
  calendar: string;
  updated_at: string;
}

export interface LedgerEntryTable extends LedgerColumns {
  seq: Generated<number>;
  id: string;
  kind: string; // 'audit' | 'access'
  type: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  request_id: string | null;
  ip: string | null;
  subject_type: string | null;
  subject_id: string | null;
  payload: string; // JSON
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

interface BaseTables {
  units: UnitTable;
  sections: SectionTable;
  people: PersonTable;
  appointments: AppointmentTable;
  credentials: CredentialTable;
  sessions: SessionTable;
  preferences: PreferenceTable;
  ledger_entries: LedgerEntryTable;
  settings: SettingTable;
}

/** All tables: the foundation's, each identity area's (issue 3), the log's (issue 4) and the register's (issue 5), each in its own file. */
export type DB = BaseTables &
  PasswordTables &
  MfaTables &
  SsoTables &
  TerminalTables &
  LedgerTables &
  LogAnalysisTables &
  RegisterTables &
  VaultTables &
  HandlingTables &
  IncidentTables &
  ProvisionPartiesTables &
  ProvisionContractsTables &
  ProvisionProvisionsTables &
  TrainingTables &
  AuditsTables &
  OversightTables &
  ComplianceTables &
  FacilityDevicesTables &
  FacilitySystemsTables &
  FacilityRoomsTables &
  FacilityBackupsTables &
  RequestsTables &
  RequestsSearchTables &
  RequestsDecisionTables &
  RequestsRemediesTables;
