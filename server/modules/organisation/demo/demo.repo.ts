import type { Executor } from '../../../platform/db/index.ts';

/** SQL of the demo: marking it loaded, and removing the organisation it created. */
export const demoRepo = {
  isLoaded: async (db: Executor) =>
    (await db.selectFrom('settings').select('value').where('key', '=', 'demo_loaded').executeTakeFirst()) !==
    undefined,
  hasOrganisation: async (db: Executor) =>
    (await db.selectFrom('units').select('id').limit(1).execute()).length > 0,
  markLoaded: (db: Executor, now: string) =>
    db.insertInto('settings').values({ key: 'demo_loaded', value: '1', updated_at: now }).execute(),
  /** Deletes the organisation data and sign-ins; the ledger is append-only and keeps its entries. */
  async wipe(db: Executor) {
    // Third parties (issue 9), incidents (issue 8) and handling (issue 7) first, then the vault:
    // their rows refer to requests, records, register files and people.
    for (const table of [
      // Issue 12: individuals' requests (children first; vault_suspensions before the vault's records).
      'subject_request_recipient_notices',
      'subject_request_remedy_items',
      'vault_suspensions',
      'subject_request_withheld',
      'subject_request_matches',
      'subject_request_decisions',
      'subject_request_reminders',
      'subject_request_pauses',
      'subject_requests',
      // Issue 11: facilities (devices refer to approval requests and people; systems to files).
      'facility_restore_tests',
      'facility_backup_runs',
      'facility_device_events',
      'facility_device_take_outs',
      'facility_device_bring_ins',
      'facility_devices',
      'facility_system_downloads',
      'facility_system_documents',
      'facility_system_reminders',
      'facility_system_checks',
      'facility_system_measures',
      'facility_system_files',
      'facility_systems',
      'facility_room_reminders',
      'facility_room_inspections',
      'facility_room_entries',
      'facility_room_people',
      'facility_rooms',
      // Issue 10: oversight, training (its suspension columns live on vault_grants) and the overview.
      'compliance_snapshots',
      'compliance_gaps',
      'audit_deliveries',
      'audit_finding_progress',
      'audit_findings',
      'audit_documents',
      'audit_evidence',
      'audit_items',
      'audits',
      'oversight_evaluation_actions',
      'oversight_evaluations',
      'oversight_documents',
      'oversight_meetings',
      'oversight_guidance',
      'oversight_local_rules',
      'oversight_historical',
      'oversight_inspection_reminders',
      'oversight_inspections',
      'oversight_inspection_schedules',
      'training_reminders',
      'training_completions',
      'training_enrolments',
      'training_sessions',
      'training_courses',
      'provision_acts',
      'provision_improvements',
      'provision_checks',
      'provision_files',
      'provisions',
      'provision_contract_documents',
      'provision_contract_improvements',
      'provision_contract_checks',
      'provision_subcontracts',
      'provision_contract_clauses',
      'provision_contracts',
      'provision_party_documents',
      'provision_party_checks',
      'provision_parties',
      'incident_reminders',
      'incident_measures',
      'incident_links',
      'incident_steps',
      'incident_events',
      'incidents',
      'incident_settings',
      'handling_restrictions',
      'handling_reviews',
      'handling_disposals',
      'handling_corrections',
      'handling_movements',
      'handling_media',
      'handling_exports',
      'notifications',
      'handling_rules',
      'approval_deputies',
      'approval_events',
      'approval_requests',
      'vault_imports',
      'vault_changes',
      'vault_grants',
      'vault_index',
      'vault_records',
      'vault_schemas',
      'vault_files',
    ] as const)
      await db.deleteFrom(table).execute();
    await db.deleteFrom('register_versions').execute();
    await db.deleteFrom('register_files').execute();
    await db.deleteFrom('settings').where('key', '=', 'register.public_revision').execute();
    await db.deleteFrom('sessions').execute();
    await db.deleteFrom('terminals').execute();
    await db.deleteFrom('terminal_areas').execute();
    await db.deleteFrom('preferences').execute();
    await db.deleteFrom('credentials').execute();
    await db.deleteFrom('password_history').execute();
    await db.deleteFrom('sign_in_throttle').execute();
    await db.deleteFrom('sso_pending').execute();
    await db.deleteFrom('sso_providers').execute();
    await db.deleteFrom('mfa_challenges').execute();
    await db.deleteFrom('mfa_totp').execute();
    await db.deleteFrom('mfa_recovery_codes').execute();
    await db.deleteFrom('mfa_webauthn_credentials').execute();
    await db.deleteFrom('appointments').execute();
    await db.deleteFrom('people').execute();
    await db.updateTable('sections').set({ parent_id: null }).execute();
    await db.deleteFrom('sections').execute();
    await db.deleteFrom('units').execute();
    await db.deleteFrom('settings').where('key', '=', 'demo_loaded').execute();
  },
};
