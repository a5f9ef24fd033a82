import { z } from 'zod';
import { mediumView } from './handling-movements.ts';

/**
 * The HTTP contract of facilities — devices and media (issue 11; rule 65 A14, A30).
 * A register of terminals and media that hold or process personal information: where each is kept
 * (A14), its encryption and theft prevention (A30-1), check-out and return inside the office, taking
 * out and bringing in with the 保護管理者's approval (A30-2; approval kinds `device_take_out`,
 * `device_bring_in`), loss or theft (an incident is opened at once, A34), and disposal with a witness.
 * Labels, places and notes are organisational text (「教務係 USBメモリ No.1」), never a held person's data.
 *
 * Routes (all under /api/facilities/devices):
 * - GET  /                              deviceListQuery → deviceListView (+ handling's media, read-only)
 * - POST /                              deviceInput → deviceDetailView (201)
 * - GET  /:id                           → deviceDetailView (with its history)
 * - PATCH /:id                          deviceEditInput → deviceDetailView
 * - POST /:id/check-out                 checkOutInput → deviceDetailView (in_store → checked_out)
 * - POST /:id/check-in                  checkInInput → deviceDetailView (checked_out → in_store)
 * - POST /:id/take-outs                 takeOutRequestInput → deviceDetailView (201; approval requested)
 * - POST /:id/take-out                  recordTakeOutInput → deviceDetailView (in_store → taken_out;
 *                                       409 facilities.device_approval_required without an approved,
 *                                       unused request of that device)
 * - POST /:id/take-back                 checkInInput → deviceDetailView (taken_out → in_store)
 * - POST /bring-ins                     bringInInput → bringInView (201; approval requested; once
 *                                       approved the device is registered as on_site)
 * - GET  /bring-ins                     → { bringIns: bringInView[] } (the caller's and the kept sections')
 * - POST /:id/removal                   removalInput → deviceDetailView (on_site → removed)
 * - POST /:id/lost                      lostInput → deviceDetailView (201; → lost, an incident opened)
 * - POST /:id/dispose                   disposeInput → deviceDetailView (→ disposed; witness ≠ recorder)
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** An instant with its offset (the browser sends local time with +09:00, or Z). */
const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

// ───────────────────────────── vocabularies ─────────────────────────────

/** A30: terminals (端末). */
export const TERMINAL_KINDS = ['desktop_pc', 'laptop_pc', 'tablet', 'smartphone'] as const;
/** A14, A30: media (記録媒体). */
export const MEDIA_KINDS = ['usb_memory', 'external_disk', 'optical_disc', 'sd_card', 'other'] as const;
export const DEVICE_KINDS = [...TERMINAL_KINDS, ...MEDIA_KINDS] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * in_store (保管中), checked_out (庁内貸出中), taken_out (持出中, approved, A30-2), on_site (持込中: an
 * outside device brought in with approval), removed (持込終了: the brought-in device has left),
 * lost (紛失・盗難), disposed (廃棄済).
 */
export const DEVICE_STATUSES = [
  'in_store',
  'checked_out',
  'taken_out',
  'on_site',
  'removed',
  'lost',
  'disposed',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** A30-1: full-disk (全体暗号化), file-level (ファイル暗号化), none (なし). */
export const ENCRYPTIONS = ['full_disk', 'file', 'none'] as const;
export type Encryption = (typeof ENCRYPTIONS)[number];

/** How a device or medium was made unreadable (A30, cf. A15). */
export const DISPOSAL_METHODS = [
  'physical_destruction',
  'degaussing',
  'secure_erase',
  'shredding',
  'other',
] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

/** Kinds of entries in a device's history (each with its time, person and note). */
export const DEVICE_EVENT_KINDS = [
  'registered',
  'edited',
  'checked_out',
  'checked_in',
  'take_out_requested',
  'taken_out',
  'taken_back',
  'brought_in',
  'removed',
  'lost',
  'disposed',
] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

/** Where a take-out stands: its request's status until carried out, then out / returned. */
export const TAKE_OUT_STATES = [
  'requested',
  'sent_back',
  'approved',
  'denied',
  'withdrawn',
  'expired',
  'out',
  'returned',
] as const;
export type TakeOutState = (typeof TAKE_OUT_STATES)[number];

/** Where a bring-in request stands; once approved the device is on site. */
export const BRING_IN_STATES = [
  'requested',
  'sent_back',
  'approved',
  'denied',
  'withdrawn',
  'expired',
] as const;
export type BringInState = (typeof BRING_IN_STATES)[number];

// ───────────────────────────── inputs ─────────────────────────────

const deviceFields = {
  kind: z.enum(DEVICE_KINDS),
  /** The device's name in the section: 「教務係 ノートPC No.2」. */
  label: text(200),
  /** Asset or serial number: 「資産番号 2024-0153」「S/N ABC123」. */
  identifier: text(200),
  /** Where it is kept when not in use (A14): 「教務係 施錠キャビネットA」. */
  storagePlace: text(300),
  /** A30-1: encryption, with a note (「BitLocker」「パスワード付きZIP」). */
  encryption: z.enum(ENCRYPTIONS),
  encryptionNote: optionalText(500),
  /** A30-1 盗難防止: 「ワイヤーロック」「施錠キャビネットに保管」. */
  theftPrevention: optionalText(500),
  /** The register's files it holds (optional), all of its section. */
  fileIds: z.array(id).max(50).default([]),
};

export const deviceInput = z.object({ ...deviceFields, sectionId: id }).strict();
export type DeviceInput = z.input<typeof deviceInput>;

/** Any of the fields (the section never changes); at least one. Absent fields stay as they are. */
export const deviceEditInput = z
  .object({
    kind: deviceFields.kind.optional(),
    label: deviceFields.label.optional(),
    identifier: deviceFields.identifier.optional(),
    storagePlace: deviceFields.storagePlace.optional(),
    encryption: deviceFields.encryption.optional(),
    encryptionNote: z.string().trim().max(500).nullable().optional(),
    theftPrevention: z.string().trim().max(500).nullable().optional(),
    fileIds: z.array(id).max(50).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'empty' });
export type DeviceEditInput = z.input<typeof deviceEditInput>;

export const deviceListQuery = z.object({
  status: z.enum(DEVICE_STATUSES).optional(),
  sectionId: id.optional(),
  kind: z.enum(DEVICE_KINDS).optional(),
});
export type DeviceListQuery = z.input<typeof deviceListQuery>;

/** Lent inside the office to a member of the device's section, until a day. */
export const checkOutInput = z.object({ personId: id, dueDate: isoDate, note: optionalText(1000) }).strict();
export type CheckOutInput = z.input<typeof checkOutInput>;

/** Back in its place (confirmed or changed). */
export const checkInInput = z
  .object({ storagePlace: text(300).optional(), note: optionalText(1000) })
  .strict();
export type CheckInInput = z.input<typeof checkInInput>;

/** A30-2: a request to take a device out of the office (decided by the section's 保護管理者). */
export const takeOutRequestInput = z
  .object({
    /** Where to, in words (「○○大学 会議室」「自宅（在宅勤務）」: no private address). */
    destination: text(300),
    purpose: text(1000),
    from: isoDate,
    dueBack: isoDate,
  })
  .strict();
export type TakeOutRequestInput = z.input<typeof takeOutRequestInput>;

/** Records that the device left: under the named approved request, or the device's only one. */
export const recordTakeOutInput = z.object({ takeOutId: id.optional() }).strict();
export type RecordTakeOutInput = z.input<typeof recordTakeOutInput>;

/** A30-2: a request to bring an outside device in (a contractor's laptop, a personal device). */
export const bringInInput = z
  .object({
    kind: z.enum(DEVICE_KINDS),
    label: text(200),
    identifier: text(200),
    /** Whose it is, organisationally (「○○株式会社」「個人所有」). */
    ownerDescription: text(300),
    purpose: text(1000),
    from: isoDate,
    until: isoDate,
    storagePlace: text(300),
    encryption: z.enum(ENCRYPTIONS),
    encryptionNote: optionalText(500),
    theftPrevention: optionalText(500),
    /** The requester's section it is brought into (default: the requester's only one). */
    sectionId: id.nullable().default(null),
  })
  .strict();
export type BringInInput = z.input<typeof bringInInput>;

/** A brought-in device leaves. */
export const removalInput = z.object({ note: optionalText(1000) }).strict();
export type RemovalInput = z.input<typeof removalInput>;

/** Loss or theft (A34): anyone who reads the device reports it; an incident is opened at once. */
export const lostInput = z
  .object({
    stolen: z.boolean().default(false),
    /** 知った日時 (not in the future). */
    awareAt: instant,
    /** What was done already (「警察に届け出た」「遠隔ロックした」). */
    actionsTaken: optionalText(2000),
  })
  .strict();
export type LostInput = z.input<typeof lostInput>;

/** A30, cf. A15: how and before whom it was made unreadable; the witness is not the recorder. */
export const disposeInput = z
  .object({
    method: z.enum(DISPOSAL_METHODS),
    methodNote: optionalText(500),
    witnessId: id,
    disposedOn: isoDate,
  })
  .strict();
export type DisposeInput = z.input<typeof disposeInput>;

// ───────────────────────────── views ─────────────────────────────

const person = z.object({ id: z.string(), name: z.string() });

export const takeOutView = z.object({
  id: z.string(),
  state: z.enum(TAKE_OUT_STATES),
  requestId: z.string(),
  requestNumber: z.string(),
  destination: z.string(),
  purpose: z.string(),
  from: z.string(),
  dueBack: z.string(),
  requestedBy: person,
  requestedAt: z.string(),
  outAt: z.string().nullable(),
  outBy: person.nullable(),
  returnedAt: z.string().nullable(),
  returnedBy: person.nullable(),
  /** Out and not back by dueBack (A30-2). */
  overdue: z.boolean(),
});
export type TakeOutView = z.infer<typeof takeOutView>;

export const deviceEventView = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_EVENT_KINDS),
  at: z.string(),
  by: person,
  /** The other person the entry names: lent to (checked_out), the witness (disposed). */
  person: person.nullable(),
  /** A due day, when the entry has one (checked_out, taken_out). */
  dueDate: z.string().nullable(),
  /** Organisational details (a note, the storage place, the request's number). */
  note: z.string().nullable(),
});
export type DeviceEventView = z.infer<typeof deviceEventView>;

export const deviceView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(DEVICE_KINDS),
  label: z.string(),
  identifier: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  storagePlace: z.string(),
  encryption: z.enum(ENCRYPTIONS),
  encryptionNote: z.string().nullable(),
  theftPrevention: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(DEVICE_STATUSES),
  /** checked_out / taken_out: who has it and until when. */
  holder: person.nullable(),
  dueDate: z.string().nullable(),
  /** taken_out past its due day, or checked_out past its due day. */
  overdue: z.boolean(),
  /** on_site / removed: brought in, whose and until when. */
  ownerDescription: z.string().nullable(),
  onSiteUntil: z.string().nullable(),
  /** lost: the incident opened for it. */
  incident: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** disposed: how, when, before whom, by whom. */
  disposal: z
    .object({
      method: z.enum(DISPOSAL_METHODS),
      methodNote: z.string().nullable(),
      disposedOn: z.string(),
      witness: person,
      recordedBy: person,
      recordedAt: z.string(),
    })
    .nullable(),
  registeredAt: z.string(),
  updatedAt: z.string(),
});
export type DeviceView = z.infer<typeof deviceView>;

export const deviceDetailView = z.object({
  device: deviceView,
  history: z.array(deviceEventView),
  takeOuts: z.array(takeOutView),
  /** Members of the device's section (check-out to, witness) — for keepers only, else []. */
  members: z.array(person),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    checkOut: z.boolean(),
    checkIn: z.boolean(),
    requestTakeOut: z.boolean(),
    recordTakeOut: z.boolean(),
    recordReturn: z.boolean(),
    recordRemoval: z.boolean(),
    reportLost: z.boolean(),
    dispose: z.boolean(),
  }),
});
export type DeviceDetailView = z.infer<typeof deviceDetailView>;

/** A section the caller keeps (register there) or belongs to (bring in there), with its files. */
export const deviceSectionView = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DeviceSectionView = z.infer<typeof deviceSectionView>;

export const deviceListView = z.object({
  devices: z.array(deviceView),
  /** A14: handling's register of media that hold files (issue 7, ADR 0008) — read-only, never a copy. */
  media: z.array(mediumView),
  /** Sections where the caller may register devices (empty: no register button). */
  keeperSections: z.array(deviceSectionView),
  /** Sections the caller belongs to (for a bring-in request). */
  memberSections: z.array(deviceSectionView.omit({ files: true })),
});
export type DeviceListView = z.infer<typeof deviceListView>;

export const bringInView = z.object({
  id: z.string(),
  state: z.enum(BRING_IN_STATES),
  requestId: z.string(),
  requestNumber: z.string(),
  kind: z.enum(DEVICE_KINDS),
  label: z.string(),
  identifier: z.string(),
  ownerDescription: z.string(),
  purpose: z.string(),
  from: z.string(),
  until: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  requestedBy: person,
  requestedAt: z.string(),
  /** Once approved: the device registered as on_site. */
  deviceId: z.string().nullable(),
  deviceNumber: z.string().nullable(),
});
export type BringInView = z.infer<typeof bringInView>;
export const bringInListView = z.object({ bringIns: z.array(bringInView) });
export type BringInListView = z.infer<typeof bringInListView>;
