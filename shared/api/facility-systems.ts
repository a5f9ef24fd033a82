import { z } from 'zod';

/**
 * Facilities — information systems (issue 11; rule 65 A23, A24, A28): the HTTP contract.
 *
 * Systems that process personal information, kept by a section's 保護管理者 (A23/A24/A28 are the
 * 保護管理者's duties), linked to files of the register of the same unit; their safeguards (A23:
 * network controls — firewall / route control, remote access; A24: patching of published
 * vulnerabilities, malware protection) each with a history of checks; and their design documents
 * (A28: 設計書、構成図等), which only the keepers, the システム管理者, the 監査責任者 and the unit's
 * 総括保護管理者 list and download — every download is audited and shown in the document's history.
 *
 * Routes (all under /api/facilities/systems):
 * - GET  /?unitId=&sectionId=&q=&overdue=                  → systemListView
 * - GET  /options                                          → systemOptionsView (sections the caller may register systems in, with the unit's files)
 * - POST /                                                 systemInput → systemView (201)
 * - GET  /:id                                              → systemView
 * - PUT  /:id                                              systemUpdateInput → systemView
 * - POST /:id/measures/:measureId/checks                   measureCheckInput → systemView (201)
 * - GET  /:id/documents                                    → documentListView (403/404 for others)
 * - POST /:id/documents                                    multipart: fields "kind" (DOCUMENT_KINDS), "title" (optional), then "file"
 *                                                          (PDF/PNG/JPEG/DOCX/XLSX/PPTX ≤ 10 MB) → designDocumentView (201)
 * - GET  /:id/documents/:documentId/file                   → the document (attachment; audited: facilities.system_document_downloaded)
 * - GET  /:id/documents/:documentId/downloads              → documentHistoryView (the document and who downloaded it, when)
 * - POST /:id/documents/:documentId/dispose                documentDisposeInput → designDocumentView (A28 廃棄: file deleted, record kept)
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

// ───────────────────────────── kinds ─────────────────────────────

/** Where the system runs: 自組織内 (オンプレミス) / クラウド / 外部委託. */
export const HOSTINGS = ['on_premises', 'cloud', 'outsourced'] as const;
export type Hosting = (typeof HOSTINGS)[number];

/**
 * Safeguards checked periodically: A23 ファイアウォール・経路制御 (network_control), リモートアクセス
 * (remote_access); A24 脆弱性対策・ソフトウェアの最新化 (patching), 不正プログラム対策 (malware).
 */
export const MEASURE_KINDS = ['network_control', 'remote_access', 'patching', 'malware'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
/** The article behind each kind of safeguard. */
export const MEASURE_ARTICLE: Record<MeasureKind, '第23条' | '第24条'> = {
  network_control: '第23条',
  remote_access: '第23条',
  patching: '第24条',
  malware: '第24条',
};

/** 問題なし / 要対応. */
export const CHECK_RESULTS = ['ok', 'issues'] as const;
export type SystemCheckResult = (typeof CHECK_RESULTS)[number];

/** A28 設計書、構成図等: 設計書 / 構成図 / その他. */
export const DOCUMENT_KINDS = ['design', 'diagram', 'other'] as const;
export type DesignDocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Design documents: PDF, PNG, JPEG or Office (DOCX, XLSX, PPTX), at most 10 MB (checked by content). */
export const DESIGN_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DESIGN_DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

export const DEFAULT_CHECK_INTERVAL_DAYS = 90;

// ───────────────────────────── inputs ─────────────────────────────

/** A safeguard of the system. On edit: an existing measure by its id; id null adds one; one left out is retired (its checks stay). */
export const measureInput = z
  .object({
    id: z.uuid().nullable().default(null),
    kind: z.enum(MEASURE_KINDS),
    /** 「学外からの接続は VPN 経由のみ。ファイアウォールで 443 以外を遮断」. */
    description: text(2000),
  })
  .strict();
export type MeasureInput = z.input<typeof measureInput>;

export const systemInput = z
  .object({
    /** The owning section (its 保護管理者 keeps the system). */
    sectionId: z.uuid(),
    /** 「教務システム」. */
    name: text(200),
    /** 利用目的・概要. */
    purpose: text(4000),
    hosting: z.enum(HOSTINGS),
    /** Files of the register (of the same unit) the system processes. */
    fileIds: z.array(z.uuid()).max(200).default([]),
    /** How often each safeguard must be checked (days), default 90. */
    checkIntervalDays: z.number().int().min(1).max(730).default(DEFAULT_CHECK_INTERVAL_DAYS),
    measures: z.array(measureInput).max(50).default([]),
    notes: optionalText(4000),
  })
  .strict();
export type SystemInput = z.input<typeof systemInput>;

/** The whole record again (the section cannot change); active: false retires the system (it stays for history). */
export const systemUpdateInput = systemInput
  .omit({ sectionId: true })
  .extend({ active: z.boolean().default(true) })
  .strict();
export type SystemUpdateInput = z.input<typeof systemUpdateInput>;

/** A check of one safeguard (A23, A24): 点検日 (not in the future), result, note. */
export const measureCheckInput = z
  .object({
    checkedOn: isoDate,
    result: z.enum(CHECK_RESULTS),
    /** Required when the result is 'issues' (what was found and what is done). */
    note: optionalText(4000),
  })
  .strict()
  .refine((c) => c.result !== 'issues' || (c.note !== null && c.note !== ''), {
    path: ['note'],
    message: 'required',
  });
export type MeasureCheckInput = z.input<typeof measureCheckInput>;

/** A28 廃棄: why (「改版により旧版を廃棄」). */
export const documentDisposeInput = z.object({ reason: text(1000) }).strict();
export type DocumentDisposeInput = z.input<typeof documentDisposeInput>;

export const systemListQuery = z.object({
  unitId: z.uuid().optional(),
  sectionId: z.uuid().optional(),
  /** Part of the name. */
  q: z.string().trim().max(100).optional(),
  /** Only systems with a safeguard overdue for checking. */
  overdue: z.enum(['true', 'false']).optional(),
  state: z.enum(['active', 'retired', 'all']).default('active'),
});
export type SystemListQuery = z.input<typeof systemListQuery>;

// ───────────────────────────── views ─────────────────────────────

export const measureCheckView = z.object({
  id: z.string(),
  checkedOn: z.string(),
  result: z.enum(CHECK_RESULTS),
  note: z.string().nullable(),
  checkedByName: z.string(),
  recordedAt: z.string(),
});
export type MeasureCheckView = z.infer<typeof measureCheckView>;

export const measureView = z.object({
  id: z.string(),
  kind: z.enum(MEASURE_KINDS),
  article: z.enum(['第23条', '第24条']),
  description: z.string(),
  /** The latest check, or null when never checked. */
  lastCheck: measureCheckView.nullable(),
  /** Next check due: the last check + the interval (never checked: added + the interval). */
  dueOn: z.string(),
  overdue: z.boolean(),
  /** Every check, newest first. */
  checks: z.array(measureCheckView),
});
export type MeasureView = z.infer<typeof measureView>;

export const linkedFileView = z.object({ id: z.string(), name: z.string() });

export const systemSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  hosting: z.enum(HOSTINGS),
  checkIntervalDays: z.number(),
  active: z.boolean(),
  measureCount: z.number(),
  /** Safeguards past their due date. */
  overdueCount: z.number(),
  /** The earliest due date of its safeguards (null without any). */
  nextDueOn: z.string().nullable(),
});
export type SystemSummaryView = z.infer<typeof systemSummaryView>;

export const systemListView = z.object({
  systems: z.array(systemSummaryView),
  /** The caller keeps a section (保護管理者) and may register systems. */
  canCreate: z.boolean(),
});
export type SystemListView = z.infer<typeof systemListView>;

export const systemView = systemSummaryView.extend({
  purpose: z.string(),
  notes: z.string().nullable(),
  files: z.array(linkedFileView),
  measures: z.array(measureView),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({
    /** Edit the record and its safeguards (the section's 保護管理者). */
    edit: z.boolean(),
    /** Record checks (the keepers and the システム管理者). */
    check: z.boolean(),
    /** List and download design documents (A28). */
    documents: z.boolean(),
    /** Upload and dispose of design documents (the keepers). */
    manageDocuments: z.boolean(),
  }),
});
export type SystemView = z.infer<typeof systemView>;

export const systemOptionsView = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      /** Files of the register of the section's unit (linkable). */
      files: z.array(z.object({ id: z.string(), name: z.string(), sectionId: z.string() })),
    }),
  ),
});
export type SystemOptionsView = z.infer<typeof systemOptionsView>;

export const designDocumentView = z.object({
  id: z.string(),
  systemId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  /** SHA-256, hex. */
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  downloadCount: z.number(),
  /** A28 廃棄: the file is gone, the record stays. */
  disposed: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).nullable(),
  /** GET it here; null once disposed. */
  downloadPath: z.string().nullable(),
});
export type DesignDocumentView = z.infer<typeof designDocumentView>;

export const documentListView = z.object({
  documents: z.array(designDocumentView),
  /** The caller may upload and dispose of documents (the keepers). */
  canManage: z.boolean(),
});
export type DocumentListView = z.infer<typeof documentListView>;

export const documentDownloadView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  at: z.string(),
});
export type DocumentDownloadView = z.infer<typeof documentDownloadView>;

export const documentHistoryView = z.object({
  document: designDocumentView,
  /** Every download, newest first. */
  downloads: z.array(documentDownloadView),
});
export type DocumentHistoryView = z.infer<typeof documentHistoryView>;
