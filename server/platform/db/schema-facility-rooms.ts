/**
 * Tables of facilities — server rooms and storage facilities (issue 11; rule 65 A32, A33); see
 * migration 0024-facility-rooms. Instants are ISO-8601 UTC text, days YYYY-MM-DD (Tokyo); flags 0/1.
 */
export interface FacilityRoomTable {
  id: string;
  name: string;
  kind: string; // RoomKind: server_room (情報システム室) | storage (媒体の保管施設, A32-1 後段)
  unit_id: string;
  /** The keeping section: its 保護管理者 keeps the room (A32-1). */
  section_id: string;
  /** 所在 (A32-2 所在表示の制限): shown only to those who read the room. */
  location_note: string | null;
  entry_auth: string; // EntryAuthKind (A32-3)
  inspection_interval_days: number;
  /** The last inspection's day (A33), null before any. */
  last_inspected_on: string | null;
  notes: string | null;
  active: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A32-1 入室する権限を有する者: one row per room and person while authorised. */
export interface FacilityRoomPersonTable {
  room_id: string;
  person_id: string;
  added_at: string;
  added_by: string;
}

/** One entry into a room and its exit (A32-1 入退室の記録, 用件の確認, 識別化, 立会い). */
export interface FacilityRoomEntryTable {
  id: string;
  room_id: string;
  kind: string; // EntrantKind
  /** staff: the authorised person who entered. */
  person_id: string | null;
  /** visitor: keys.seal('facility-visitor', JSON {name, organisation}) — personal data, sealed. */
  visitor_sealed: string | null;
  visitor_id_kind: string | null;
  visitor_badge: string | null;
  /** 立会い: the authorised person escorting a visitor. */
  escort_id: string | null;
  purpose: string;
  entered_at: string;
  /** The Tokyo day of entered_at (the log's filter). */
  entered_on: string;
  exited_at: string | null;
  recorded_by: string;
  recorded_at: string;
  exit_recorded_by: string | null;
  exit_recorded_at: string | null;
}

/** An inspection of the safeguards (A33-1, A33-2): every item at once, with its day and inspector. */
export interface FacilityRoomInspectionTable {
  id: string;
  room_id: string;
  inspected_on: string;
  inspector_id: string;
  /** SafeguardView[] as JSON, in SAFEGUARD_ITEMS order. */
  items: string;
  notes: string | null;
  recorded_at: string;
}

/** room.inspection_due sent once per room and due day ('never' before any inspection). */
export interface FacilityRoomReminderTable {
  room_id: string;
  due_on: string;
  sent_at: string;
}

export interface FacilityRoomsTables {
  facility_rooms: FacilityRoomTable;
  facility_room_people: FacilityRoomPersonTable;
  facility_room_entries: FacilityRoomEntryTable;
  facility_room_inspections: FacilityRoomInspectionTable;
  facility_room_reminders: FacilityRoomReminderTable;
}
