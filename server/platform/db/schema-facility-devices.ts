/**
 * Tables of facilities — devices and media (issue 11; A14, A30); see migration 0022-facility-devices.
 * Instants are ISO-8601 UTC text, days YYYY-MM-DD (Tokyo). Texts are organisational (labels, places,
 * notes), never a held person's data.
 */

/** A14, A30: a terminal or medium (K2026-0001) that holds or processes personal information. */
export interface FacilityDeviceTable {
  id: string;
  number: string;
  kind: string; // DeviceKind
  label: string;
  identifier: string;
  unit_id: string;
  section_id: string;
  storage_place: string;
  encryption: string; // Encryption
  encryption_note: string | null;
  theft_prevention: string | null;
  /** The register's files it holds, a JSON array of ids (files of its section). */
  file_ids: string;
  status: string; // DeviceStatus
  /** checked_out / taken_out: who has it, until when. */
  holder_id: string | null;
  due_date: string | null;
  /** A brought-in device (A30-2): whose it is (organisationally) and until when it may stay. */
  owner_description: string | null;
  on_site_until: string | null;
  /** lost: the incident opened for it (A34). */
  incident_id: string | null;
  incident_number: string | null;
  /** disposed (A30, cf. A15). */
  disposal_method: string | null;
  disposal_note: string | null;
  disposed_on: string | null;
  witness_id: string | null;
  disposed_by: string | null;
  disposed_at: string | null;
  registered_by: string;
  registered_at: string;
  updated_at: string;
}

/** The history of a device: one row per change (with its audit event in the same transaction). */
export interface FacilityDeviceEventTable {
  id: string;
  device_id: string;
  kind: string; // DeviceEventKind
  at: string;
  by_id: string;
  /** The other person named: lent to, the witness. */
  person_id: string | null;
  due_date: string | null;
  note: string | null;
}

/** A30-2: a request to take a device out (approval kind device_take_out) and what became of it. */
export interface FacilityDeviceTakeOutTable {
  id: string;
  device_id: string;
  request_id: string;
  destination: string;
  purpose: string;
  from_date: string;
  due_back: string;
  requested_by: string;
  requested_at: string;
  out_at: string | null;
  out_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
  /** When the holder and keepers were told it is overdue (device.return_overdue, once). */
  overdue_told_at: string | null;
}

/** A30-2: a request to bring an outside device in (approval kind device_bring_in). */
export interface FacilityDeviceBringInTable {
  id: string;
  request_id: string;
  unit_id: string;
  section_id: string;
  kind: string;
  label: string;
  identifier: string;
  owner_description: string;
  purpose: string;
  from_date: string;
  until_date: string;
  storage_place: string;
  encryption: string;
  encryption_note: string | null;
  theft_prevention: string | null;
  requested_by: string;
  requested_at: string;
  /** Once approved: the device registered as on_site. */
  device_id: string | null;
}

export interface FacilityDevicesTables {
  facility_devices: FacilityDeviceTable;
  facility_device_events: FacilityDeviceEventTable;
  facility_device_take_outs: FacilityDeviceTakeOutTable;
  facility_device_bring_ins: FacilityDeviceBringInTable;
}
