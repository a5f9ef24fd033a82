import { z } from 'zod';

/**
 * Facilities — server rooms and storage facilities (issue 11; rule 65 第32条–第33条, features A32,
 * A33): the HTTP contract of rooms, their authorised persons (A32-1 入室する権限を有する者), the
 * entry/exit log (用件の確認, 入退室の記録, 部外者の識別化, 立会い), the door tablet and the safeguards
 * checklist with its inspections (A33-1, A33-2).
 *
 * Routes (all under /api/facilities/rooms):
 * - GET    /                                   → roomListView (rooms the caller reads; canCreate, keepable sections)
 * - POST   /                                   roomInput → roomView (201)           keepers of the chosen section
 * - GET    /:roomId                            → roomView
 * - PUT    /:roomId                            roomUpdateInput → roomView           keepers
 * - GET    /:roomId/candidates?q=              → { people: candidateView[] }        keepers (active staff of the unit)
 * - POST   /:roomId/authorised                 authorisedInput → roomView (201)     keepers
 * - DELETE /:roomId/authorised/:personId       → roomView                           keepers
 * - GET    /:roomId/entries?from=&to=&inside=  → { entries: entryView[] }          log readers (visitors unsealed)
 * - POST   /:roomId/entries                    entryInput → entryView (201)         authorised persons and keepers
 * - POST   /:roomId/entries/:entryId/exit      exitInput → entryView                authorised persons and keepers
 * - GET    /:roomId/inside                     → { entries: entryView[] }          door users and log readers
 * - GET    /:roomId/door                       → doorView (the tablet at the door)  door users and log readers
 * - GET    /:roomId/inspections                → { inspections: inspectionView[] } room readers
 * - POST   /:roomId/inspections                inspectionInput → inspectionView (201) keepers
 *
 * Who (defaults; A32-1 assigns these measures to the 保護管理者): the keeping section's 保護管理者 and
 * the unit's 総括保護管理者 keep a room; its authorised persons and keepers record entries and exits;
 * keepers, the unit's 総括保護管理者, 総括管理者 and 監査責任者 read the entry log; the room itself
 * (with its location note, A32-2) is read by those, its authorised persons, members of the keeping
 * section and the システム管理者. Outside that: 404 `facilities.room_not_found`.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

// ───────────────────────────── kinds ─────────────────────────────

/** 情報システム室 (A32-1 前段) / 媒体の保管施設 (A32-1 後段: 保有個人情報を記録する媒体を保管するための施設). */
export const ROOM_KINDS = ['server_room', 'storage'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** 入室に係る認証機能 (A32-3): none / ICカード / 暗証番号 / 生体認証. */
export const ENTRY_AUTH_KINDS = ['none', 'card', 'pin', 'biometric'] as const;
export type EntryAuthKind = (typeof ENTRY_AUTH_KINDS)[number];

/** Who entered: a member of staff (an authorised person) or a visitor (部外者). */
export const ENTRANT_KINDS = ['staff', 'visitor'] as const;
export type EntrantKind = (typeof ENTRANT_KINDS)[number];

/**
 * The identification a visitor showed (A32-1 部外者についての識別化): 職員証・社員証 / 運転免許証 /
 * マイナンバーカード (番号は控えない) / 旅券 / その他. Only the kind is kept, never the document's number.
 */
export const VISITOR_ID_KINDS = [
  'staff_card',
  'driver_licence',
  'mynumber_card_not_copied',
  'passport',
  'other',
] as const;
export type VisitorIdKind = (typeof VISITOR_ID_KINDS)[number];

/**
 * The safeguards checklist, in order: A33-1 施錠装置, 警報装置, 監視設備; A33-2 耐震, 防火, 防煙, 防水,
 * 予備電源, 配線の損傷防止.
 */
export const SAFEGUARD_ITEMS = [
  'locks',
  'alarms',
  'monitoring',
  'earthquake',
  'fire',
  'smoke',
  'water',
  'backup_power',
  'wiring',
] as const;
export type SafeguardItem = (typeof SAFEGUARD_ITEMS)[number];
/** The paragraph of 第33条 each item comes from (for labels: 第33条第1項 / 第2項). */
export const SAFEGUARD_ARTICLE: Record<SafeguardItem, 'A33-1' | 'A33-2'> = {
  locks: 'A33-1',
  alarms: 'A33-1',
  monitoring: 'A33-1',
  earthquake: 'A33-2',
  fire: 'A33-2',
  smoke: 'A33-2',
  water: 'A33-2',
  backup_power: 'A33-2',
  wiring: 'A33-2',
};

/** 措置済 / 一部 / 未措置 / 該当なし. */
export const SAFEGUARD_STATUSES = ['in_place', 'partial', 'missing', 'not_applicable'] as const;
export type SafeguardStatus = (typeof SAFEGUARD_STATUSES)[number];

/** Default inspection interval (days) of a room's safeguards (A33: checked at least yearly). */
export const DEFAULT_INSPECTION_INTERVAL_DAYS = 365;

// ───────────────────────────── inputs ─────────────────────────────

export const roomInput = z
  .object({
    /** 「東京高専 サーバ室（情報基盤センター棟2階）」 — avoid the exact place here (A32-2); use the note. */
    name: text(200),
    kind: z.enum(ROOM_KINDS),
    /** The keeping section (its 保護管理者 keeps the room, A32-1); the unit follows from it. */
    sectionId: z.string().min(1).max(36),
    /** 所在 (A32-2 所在表示の制限): shown only to those who read the room. */
    locationNote: optionalText(1000),
    entryAuth: z.enum(ENTRY_AUTH_KINDS).default('none'),
    inspectionIntervalDays: z.number().int().min(1).max(3650).default(DEFAULT_INSPECTION_INTERVAL_DAYS),
    notes: optionalText(4000),
  })
  .strict();
export type RoomInput = z.input<typeof roomInput>;

/** The whole record again; the keeping section does not change. active: false retires the room. */
export const roomUpdateInput = roomInput
  .omit({ sectionId: true })
  .extend({ active: z.boolean().default(true) })
  .strict();
export type RoomUpdateInput = z.input<typeof roomUpdateInput>;

/** A32-1: a person allowed to enter (active staff). */
export const authorisedInput = z.object({ personId: z.string().min(1).max(36) }).strict();
export type AuthorisedInput = z.input<typeof authorisedInput>;

/** A visitor (部外者). Name and organisation are personal data: kept sealed, shown to log readers only. */
export const visitorInput = z
  .object({
    name: text(100),
    organisation: text(200),
    /** The kind of identification checked (its number is never kept). */
    idKind: z.enum(VISITOR_ID_KINDS),
    /** The visitor badge handed out (識別化), e.g. 「来訪者 3」. */
    badgeNumber: text(30),
  })
  .strict();
export type VisitorInput = z.input<typeof visitorInput>;

/**
 * An entry. kind 'staff': personId (an authorised person of the room, else 409
 * facilities.room_not_authorised). kind 'visitor': visitor, and escortPersonId REQUIRED (立会い;
 * an authorised person; else facilities.room_escort_required). purpose is always required (用件の確認).
 * enteredAt: now when absent; a correction must be within today (Tokyo) and not in the future.
 */
export const entryInput = z
  .object({
    kind: z.enum(ENTRANT_KINDS),
    personId: z.string().min(1).max(36).nullable().default(null),
    visitor: visitorInput.nullable().default(null),
    escortPersonId: z.string().min(1).max(36).nullable().default(null),
    purpose: text(500),
    enteredAt: isoInstant.nullable().default(null),
  })
  .strict();
export type EntryInput = z.input<typeof entryInput>;

/** Exit: now when absent; a correction within today, not before the entry, not in the future. */
export const exitInput = z.object({ exitedAt: isoInstant.nullable().default(null) }).strict();
export type ExitInput = z.input<typeof exitInput>;

/** The entry log's filter: days (Tokyo) from–to (default today–today); inside=true: not yet out. */
export const entryListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  inside: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type EntryListQuery = Omit<z.input<typeof entryListQuery>, 'limit'> & { limit?: number };

export const safeguardInput = z
  .object({ status: z.enum(SAFEGUARD_STATUSES), note: optionalText(1000) })
  .strict();
export type SafeguardInput = z.input<typeof safeguardInput>;

/** An inspection records every item at once (A33), by the caller (the inspector). */
export const inspectionInput = z
  .object({
    /** 点検日: not in the future. */
    inspectedOn: isoDate,
    items: z.object(
      Object.fromEntries(SAFEGUARD_ITEMS.map((i) => [i, safeguardInput])) as Record<
        SafeguardItem,
        typeof safeguardInput
      >,
    ),
    notes: optionalText(4000),
  })
  .strict();
export type InspectionInput = z.input<typeof inspectionInput>;

export const candidateQuery = z.object({ q: z.string().trim().max(100).optional() });

// ───────────────────────────── views ─────────────────────────────

export const safeguardView = z.object({
  item: z.enum(SAFEGUARD_ITEMS),
  status: z.enum(SAFEGUARD_STATUSES),
  note: z.string().nullable(),
});
export type SafeguardView = z.infer<typeof safeguardView>;

export const authorisedPersonView = z.object({
  personId: z.string(),
  name: z.string(),
  employeeNumber: z.string().nullable(),
  addedAt: z.string(),
  addedByName: z.string(),
});
export type AuthorisedPersonView = z.infer<typeof authorisedPersonView>;

/** What the caller may do with the room. */
export const roomPermissions = z.object({
  /** Edit, authorised persons, inspections (keepers). */
  keep: z.boolean(),
  /** Record entries and exits (authorised persons and keepers). */
  record: z.boolean(),
  /** Read the entry log with visitors' names (keepers, 総括保護管理者, 総括管理者, 監査責任者). */
  readLog: z.boolean(),
});
export type RoomPermissions = z.infer<typeof roomPermissions>;

export const roomSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ROOM_KINDS),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  entryAuth: z.enum(ENTRY_AUTH_KINDS),
  inspectionIntervalDays: z.number(),
  lastInspectedOn: z.string().nullable(),
  /** lastInspectedOn + interval; null when never inspected. */
  nextInspectionDueOn: z.string().nullable(),
  /** Never inspected, or the last inspection is older than the interval (gap room_inspection_overdue). */
  inspectionOverdue: z.boolean(),
  /** How many are inside now. */
  insideCount: z.number(),
  authorisedCount: z.number(),
  active: z.boolean(),
  can: roomPermissions,
});
export type RoomSummaryView = z.infer<typeof roomSummaryView>;

export const roomView = roomSummaryView.extend({
  locationNote: z.string().nullable(),
  notes: z.string().nullable(),
  /** The current state: the last inspection's items, or every item 'missing' before any inspection. */
  safeguards: z.array(safeguardView),
  authorised: z.array(authorisedPersonView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoomView = z.infer<typeof roomView>;

export const roomListView = z.object({
  rooms: z.array(roomSummaryView),
  /** Sections where the caller may create a room (keeper), for the form's picker. */
  keepableSections: z.array(
    z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() }),
  ),
});
export type RoomListView = z.infer<typeof roomListView>;

export const candidateView = z.object({
  personId: z.string(),
  name: z.string(),
  employeeNumber: z.string().nullable(),
  sectionName: z.string().nullable(),
});
export type CandidateView = z.infer<typeof candidateView>;

export const visitorView = z.object({
  /** Opened (unsealed) only for readers of the log; null otherwise. */
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  idKind: z.enum(VISITOR_ID_KINDS),
  badgeNumber: z.string(),
});
export type VisitorView = z.infer<typeof visitorView>;

export const entryView = z.object({
  id: z.string(),
  roomId: z.string(),
  kind: z.enum(ENTRANT_KINDS),
  /** Staff entries: the person. */
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  visitor: visitorView.nullable(),
  escortPersonId: z.string().nullable(),
  escortName: z.string().nullable(),
  purpose: z.string(),
  enteredAt: z.string(),
  exitedAt: z.string().nullable(),
  /** Not yet out. */
  inside: z.boolean(),
  recordedByName: z.string(),
  exitRecordedByName: z.string().nullable(),
});
export type EntryView = z.infer<typeof entryView>;

/** The door tablet (/facilities/rooms/:id/door): big buttons, few fields. */
export const doorView = z.object({
  room: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ROOM_KINDS),
    entryAuth: z.enum(ENTRY_AUTH_KINDS),
    active: z.boolean(),
  }),
  /** Whom to pick for a staff entry or as an escort. */
  authorised: z.array(
    z.object({ personId: z.string(), name: z.string(), employeeNumber: z.string().nullable() }),
  ),
  /** Who is inside now (visitors' names only for log readers). */
  inside: z.array(entryView),
  can: roomPermissions,
  /** Server time (ISO) and today's date (Tokyo), for the clock on the screen and corrections. */
  now: z.string(),
  today: z.string(),
});
export type DoorView = z.infer<typeof doorView>;

export const inspectionView = z.object({
  id: z.string(),
  roomId: z.string(),
  inspectedOn: z.string(),
  inspectorId: z.string(),
  inspectorName: z.string(),
  items: z.array(safeguardView),
  notes: z.string().nullable(),
  recordedAt: z.string(),
});
export type InspectionView = z.infer<typeof inspectionView>;
