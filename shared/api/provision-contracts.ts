import { z } from 'zod';

/**
 * Outsourcing (issue 9; rule 65 A19): the HTTP contract of contracts.
 * A contract hands work on held personal information to a contractor (委託) or has it done by
 * dispatched workers (派遣). It belongs to the section whose files it involves; its 保護管理者 keeps it.
 * Lifecycle: draft → active → ending → closed.
 * - A19-1: the contract states the six clauses; one missing → active only with an exception approved
 *   by the 総括保護管理者 (approval kind `contract_exception`).
 * - A19-2: a dispatch (派遣) contract always carries confidentiality — no exception for it.
 * - A19-3: subcontracting only with the 保護管理者's permission (approval kind `subcontract`); chains.
 * - A19-4: My Number outsourcing: a supervision plan and dated supervision records.
 * - A19-1(5): closing needs the erasure or return confirmation.
 * Texts are organisational (work, findings); never a held person's data.
 *
 * Routes (all under /api/provision/contracts):
 * - GET  /                                   contractListQuery → contractListView
 * - POST /                                   contractInput → contractView (201)
 * - GET  /:id                                → contractView
 * - PUT  /:id                                contractInput → contractView (draft only)
 * - PUT  /:id/clauses                        clausesInput → contractView (draft only)
 * - POST /:id/documents?kind=contract|erasure multipart "file" (PDF/PNG/JPEG ≤ 10 MB) → contractView (201)
 * - GET  /:id/documents/:kind                → the document (attachment)
 * - POST /:id/exception                      exceptionInput → contractView (201; approval kind contract_exception)
 * - POST /:id/activate                       → contractView
 * - GET  /:id/subcontracts                   → { subcontracts: subcontractView[] }
 * - POST /:id/subcontracts                   subcontractInput → contractView (201; approval kind subcontract)
 * - POST /:id/subcontracts/:sid/start        → contractView (従事開始; only once permitted)
 * - POST /:id/subcontracts/:sid/end          → contractView
 * - POST /:id/inspections                    inspectionInput → contractView (201)
 * - POST /:id/inspections/:iid/requests/:rid/done  requestDoneInput → contractView
 * - POST /:id/supervisions                   supervisionInput → contractView (201; My Number only)
 * - POST /:id/end                            endInput → contractView
 * - POST /:id/erasure                        erasureInput → contractView
 * - POST /:id/close                          → contractView
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

// ───────────────────────────── vocabularies ─────────────────────────────

/** The six clauses of A19-1, in the rule's order (1)–(6). */
export const CONTRACT_CLAUSES = [
  'confidentiality', // (1) 個人情報に関する秘密保持等の義務
  'subcontracting', // (2) 再委託の制限又は条件に関する事項
  'copying', // (3) 個人情報の複製等の制限に関する事項
  'incidents', // (4) 個人情報の漏えい等の事案の発生時における対応に関する事項
  'erasure_return', // (5) 委託終了時における個人情報の消去及び媒体の返却に関する事項
  'termination', // (6) 違反した場合における契約解除の措置その他必要な事項
] as const;
export type ContractClause = (typeof CONTRACT_CLAUSES)[number];

/** 委託 (A19-1) or 労働者派遣 (A19-2). */
export const CONTRACT_KINDS = ['outsourcing', 'dispatch'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** draft (起案中) → active (契約中) → ending (終了手続中) → closed (終了). */
export const CONTRACT_STATUSES = ['draft', 'active', 'ending', 'closed'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * A subcontract (A19-3): requested (許諾申請中) → permitted (許諾済) | refused (不許諾) | withdrawn;
 * permitted → working (従事中, recorded only once permitted) → ended.
 */
export const SUBCONTRACT_STATUSES = [
  'requested',
  'permitted',
  'refused',
  'withdrawn',
  'working',
  'ended',
] as const;
export type SubcontractStatus = (typeof SUBCONTRACT_STATUSES)[number];

/** How a contractor was inspected or supervised (実地 / 書面 / 報告聴取 / その他). */
export const CONTRACT_CHECK_METHODS = ['on_site', 'documentary', 'report', 'other'] as const;
export type ContractCheckMethod = (typeof CONTRACT_CHECK_METHODS)[number];

/** How the information was disposed of at the end (A19-1(5)): 消去 / 媒体の返却 / both. */
export const ERASURE_METHODS = ['erased', 'returned', 'erased_and_returned'] as const;
export type ErasureMethod = (typeof ERASURE_METHODS)[number];

/** Uploaded documents: the contract itself, or evidence of erasure/return (消去証明書). */
export const CONTRACT_DOCUMENT_KINDS = ['contract', 'erasure'] as const;
export type ContractDocumentKind = (typeof CONTRACT_DOCUMENT_KINDS)[number];

export const CONTRACT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const CONTRACT_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** Days before the end from which an active contract shows as contract_expiring. */
export const CONTRACT_EXPIRING_DAYS = 30;

// ───────────────────────────── inputs ─────────────────────────────

/** A contract's facts (create, or update while draft). The section's files decide the 保護管理者. */
export const contractInput = z
  .object({
    /** The contractor (委託先 / 派遣元) from the parties register. */
    partyId: id,
    /** The owning section (its unit follows). */
    sectionId: id,
    /** 契約件名 (「学籍システム保守業務委託」). */
    title: text(200),
    /** The work outsourced (委託する業務の内容). */
    work: text(4000),
    /** The contract's own number (契約番号), if any. */
    reference: optionalText(100),
    kind: z.enum(CONTRACT_KINDS).default('outsourcing'),
    /** Register files of the section the contractor handles; a My Number file makes A19-4 apply. */
    fileIds: z.array(id).max(50).default([]),
    startsOn: isoDate,
    endsOn: isoDate,
    /** A19-4: how the contractor will be supervised (required before a My Number contract is active). */
    supervisionPlan: optionalText(8000),
  })
  .strict();
export type ContractInput = z.input<typeof contractInput>;

/** One clause of the checklist: stated or not, and where (条項番号: 「第12条」). */
export const clauseInput = z
  .object({
    clause: z.enum(CONTRACT_CLAUSES),
    present: z.boolean(),
    /** 条項番号; required when present. */
    reference: optionalText(100),
    note: optionalText(1000),
  })
  .strict();
export type ClauseInput = z.input<typeof clauseInput>;
/** The checklist, saved while draft (any subset; unsaved clauses count as absent). */
export const clausesInput = z.object({ clauses: z.array(clauseInput).min(1).max(6) }).strict();
export type ClausesInput = z.input<typeof clausesInput>;

/** A19-1 exception: the missing clauses, exactly, and why (decided by the 総括保護管理者). */
export const exceptionInput = z
  .object({ clauses: z.array(z.enum(CONTRACT_CLAUSES)).min(1).max(6), reason: text(4000) })
  .strict();
export type ExceptionInput = z.input<typeof exceptionInput>;

/** A19-3: a subcontracting request; parent null = directly under the contract. */
export const subcontractInput = z
  .object({
    partyId: id,
    work: text(4000),
    /** Files of the contract the subcontractor handles (a subset of its parent's). */
    fileIds: z.array(id).max(50).default([]),
    /** A permitted (or working) subcontract of the same contract: a deeper chain. */
    parentId: id.nullable().default(null),
    reason: text(4000),
  })
  .strict();
export type SubcontractInput = z.input<typeof subcontractInput>;

/** A periodic inspection of the contractor (A19-1 検査), with improvement requests. */
export const inspectionInput = z
  .object({
    on: isoDate,
    method: z.enum(CONTRACT_CHECK_METHODS),
    findings: text(4000),
    /** The next inspection due; null when none planned. */
    nextDue: isoDate.nullable().default(null),
    requests: z
      .array(z.object({ text: text(2000), due: isoDate.nullable().default(null) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type InspectionInput = z.input<typeof inspectionInput>;
export const requestDoneInput = z.object({ note: text(2000) }).strict();

/** A19-4: a supervision record of a My Number contractor. */
export const supervisionInput = z
  .object({
    on: isoDate,
    method: z.enum(CONTRACT_CHECK_METHODS),
    findings: text(4000),
    nextDue: isoDate.nullable().default(null),
  })
  .strict();
export type SupervisionInput = z.input<typeof supervisionInput>;

/** Ending (at or after the period's end, or earlier with a reason). */
export const endInput = z.object({ note: optionalText(2000) }).strict();

/** A19-1(5): erasure or return confirmed (the caller is recorded as who confirmed). */
export const erasureInput = z
  .object({
    on: isoDate,
    method: z.enum(ERASURE_METHODS),
    /** 消去証明書の内容、返却した媒体、確認方法など. */
    evidence: text(4000),
  })
  .strict();
export type ErasureInput = z.input<typeof erasureInput>;

export const contractListQuery = z.object({
  status: z.enum([...CONTRACT_STATUSES, 'open', 'all']).default('open'),
  partyId: id.optional(),
  fileId: id.optional(),
  sectionId: id.optional(),
});
export type ContractListQuery = z.input<typeof contractListQuery>;

// ───────────────────────────── views ─────────────────────────────

export const clauseView = z.object({
  clause: z.enum(CONTRACT_CLAUSES),
  present: z.boolean(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  /** Covered by an approved exception (A19-1). */
  excepted: z.boolean(),
});
export type ClauseView = z.infer<typeof clauseView>;

export const documentView = z.object({
  kind: z.enum(CONTRACT_DOCUMENT_KINDS),
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type DocumentView = z.infer<typeof documentView>;

export const exceptionView = z.object({
  requestId: z.string(),
  /** The approval request's number (R2026-000123). */
  number: z.string().nullable(),
  clauses: z.array(z.enum(CONTRACT_CLAUSES)),
  reason: z.string(),
  status: z.string(),
  requestedAt: z.string(),
});
export type ExceptionView = z.infer<typeof exceptionView>;

export const subcontractView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  /** 1 = 再委託, 2 = 再々委託, … */
  depth: z.number(),
  partyId: z.string(),
  partyName: z.string(),
  work: z.string(),
  fileIds: z.array(z.string()),
  status: z.enum(SUBCONTRACT_STATUSES),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
});
export type SubcontractView = z.infer<typeof subcontractView>;

export const improvementView = z.object({
  id: z.string(),
  text: z.string(),
  due: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type ImprovementView = z.infer<typeof improvementView>;

export const inspectionView = z.object({
  id: z.string(),
  on: z.string(),
  method: z.enum(CONTRACT_CHECK_METHODS),
  findings: z.string(),
  nextDue: z.string().nullable(),
  byName: z.string().nullable(),
  requests: z.array(improvementView),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const supervisionView = z.object({
  id: z.string(),
  on: z.string(),
  method: z.enum(CONTRACT_CHECK_METHODS),
  findings: z.string(),
  nextDue: z.string().nullable(),
  byName: z.string().nullable(),
});
export type SupervisionView = z.infer<typeof supervisionView>;

export const erasureView = z.object({
  on: z.string(),
  method: z.enum(ERASURE_METHODS),
  evidence: z.string(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string(),
});
export type ErasureView = z.infer<typeof erasureView>;

/** A subcontractor in a summary (for the views by file and by party). */
export const subcontractorBrief = z.object({
  partyId: z.string(),
  partyName: z.string(),
  depth: z.number(),
  status: z.enum(SUBCONTRACT_STATUSES),
});

/** A contract in lists and in the views by file / by party. */
export const contractSummaryView = z.object({
  id: z.string(),
  /** 委託契約番号 given by the app (C2026-0001). */
  number: z.string(),
  title: z.string(),
  reference: z.string().nullable(),
  kind: z.enum(CONTRACT_KINDS),
  status: z.enum(CONTRACT_STATUSES),
  partyId: z.string(),
  partyName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** A file with My Numbers is involved (A19-4). */
  myNumber: z.boolean(),
  /** Clauses neither present nor excepted (A19-1). */
  missingClauses: z.array(z.enum(CONTRACT_CLAUSES)),
  /** Active and ending within CONTRACT_EXPIRING_DAYS or past its end. */
  expiring: z.boolean(),
  subcontractors: z.array(subcontractorBrief),
});
export type ContractSummaryView = z.infer<typeof contractSummaryView>;
export const contractListView = z.object({
  contracts: z.array(contractSummaryView),
  /** The caller may create contracts (a 保護管理者). */
  canCreate: z.boolean(),
});
export type ContractListView = z.infer<typeof contractListView>;

export const contractView = contractSummaryView.extend({
  work: z.string(),
  supervisionPlan: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), myNumber: z.boolean() })),
  clauses: z.array(clauseView),
  documents: z.array(documentView),
  exception: exceptionView.nullable(),
  subcontracts: z.array(subcontractView),
  inspections: z.array(inspectionView),
  supervisions: z.array(supervisionView),
  erasure: erasureView.nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The next inspection due / the next supervision due (A19-4), across records. */
  nextInspectionDue: z.string().nullable(),
  nextSupervisionDue: z.string().nullable(),
  /** Why activation would be refused now (error codes), empty when it may be activated. */
  activationBlockers: z.array(z.string()),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    activate: z.boolean(),
    requestException: z.boolean(),
    subcontract: z.boolean(),
    inspect: z.boolean(),
    supervise: z.boolean(),
    end: z.boolean(),
    confirmErasure: z.boolean(),
    close: z.boolean(),
  }),
});
export type ContractView = z.infer<typeof contractView>;

/** Plain summary for the views helper (per file, per party): same shape as a list row. */
export type ContractBrief = ContractSummaryView;
