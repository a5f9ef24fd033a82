import { z } from 'zod';
import { EVIDENCE_KINDS, evidenceItem } from './evidence.ts';

/**
 * Audits (issue 10; rule 65 A36): the HTTP contract. The 監査責任者 plans and runs every audit
 * (regular, ad hoc, external) over 第3–19条 and 第21–35条 or a subset, answers a checklist generated
 * from the articles in scope (shared/compliance/articles.ts) with evidence — links to Mamori's own
 * records and uploaded documents — records findings with corrective actions tracked to done, and
 * issues the report (PDF) to the 総括保護管理者 of each unit in scope, with a record of delivery.
 *
 * Routes (prefix /api/audits):
 * - GET    /                                   ?status= → { items: AuditListItem[] }
 * - POST   /                                   planInput → auditView (201)
 * - GET    /my-findings                        → { items: FindingView[] } (the caller's corrective actions)
 * - GET    /:id                                → auditView
 * - PATCH  /:id                                planInput (while planned) → auditView
 * - POST   /:id/start                          → auditView (planned → in_progress; checklist generated)
 * - PUT    /:id/items/:itemId                  answerInput → auditView
 * - GET    /:id/evidence-candidates            ?kind= → { items: EvidenceItem[] }
 * - POST   /:id/items/:itemId/evidence         evidenceLinkInput → auditView (201)
 * - DELETE /:id/items/:itemId/evidence/:evidenceId → auditView
 * - POST   /:id/items/:itemId/documents        multipart "file" (PDF/PNG/JPEG/text ≤ 10 MB) → auditView (201)
 * - GET    /:id/documents/:documentId          → the document (attachment)
 * - POST   /:id/findings                       findingInput → findingView (201)
 * - GET    /:id/findings/:findingId            → findingView (the 監査責任者, readers of the audit, the owner)
 * - PATCH  /:id/findings/:findingId            findingInput → findingView (監査責任者; while open)
 * - POST   /:id/findings/:findingId/progress   progressInput → findingView (owner or 監査責任者)
 * - POST   /:id/findings/:findingId/done       progressInput → findingView (owner or 監査責任者)
 * - POST   /:id/findings/:findingId/confirm    → findingView (監査責任者 confirms a done finding)
 * - POST   /:id/report                         → auditView (in_progress → reported; 409 audits.items_unanswered)
 * - GET    /:id/report.pdf                     → the report (once reported)
 * - POST   /:id/acknowledge                    → auditView (総括保護管理者 of a unit in scope acknowledges receipt)
 * - POST   /:id/close                          → auditView (reported → closed; every finding done and confirmed)
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** A36: regular (定期), ad hoc (随時), external (外部監査: the auditor's organisation, name, contact). */
export const AUDIT_KINDS = ['regular', 'ad_hoc', 'external'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** planned → in_progress (checklist generated) → reported (report delivered) → closed (findings done). */
export const AUDIT_STATUSES = ['planned', 'in_progress', 'reported', 'closed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** The answer to a checklist item. */
export const ITEM_ANSWERS = ['conforms', 'partly', 'does_not', 'not_applicable'] as const;
export type ItemAnswer = (typeof ITEM_ANSWERS)[number];

export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATUSES = ['open', 'done'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Articles an audit may cover (A36): 第3条から第35条まで, without 第20条. */
export const AUDITABLE_ARTICLES: readonly number[] = Array.from({ length: 33 }, (_, i) => i + 3).filter(
  (a) => a !== 20,
);

// ───────────────────────────── inputs ─────────────────────────────

export const externalAuditorInput = z
  .object({ organisation: text(200), name: text(100), contact: text(200) })
  .strict();
export type ExternalAuditorInput = z.input<typeof externalAuditorInput>;

/**
 * A plan (A36). unitIds null = every unit; articles default to AUDIT_DEFAULT_ARTICLES (the server
 * fills them when omitted). external is required for kind 'external' and refused otherwise.
 */
export const planInput = z
  .object({
    title: text(200),
    kind: z.enum(AUDIT_KINDS),
    external: externalAuditorInput.nullable().default(null),
    unitIds: z.array(id).min(1).max(100).nullable(),
    articles: z
      .array(z.number().int())
      .min(1)
      .max(40)
      .refine((a) => a.every((n) => AUDITABLE_ARTICLES.includes(n)), 'articles 3–35 without 20')
      .optional(),
    periodFrom: isoDate,
    periodTo: isoDate,
    plannedStart: isoDate,
    plannedEnd: isoDate,
    note: optionalText(2000),
  })
  .strict();
export type PlanInput = z.input<typeof planInput>;
export type Plan = z.output<typeof planInput>;

export const auditListQuery = z.object({ status: z.enum(AUDIT_STATUSES).optional() });

export const answerInput = z.object({ answer: z.enum(ITEM_ANSWERS), note: optionalText(4000) }).strict();
export type AnswerInput = z.input<typeof answerInput>;

/** A link to a Mamori record: the server accepts only a ref its evidence source lists for the audit's scope. */
export const evidenceLinkInput = z
  .object({ kind: z.enum(EVIDENCE_KINDS), ref: z.string().min(1).max(100) })
  .strict();
export type EvidenceLinkInput = z.input<typeof evidenceLinkInput>;

export const candidatesQuery = z.object({ kind: z.enum(EVIDENCE_KINDS) });

/** A finding (A36) with its corrective action, owner (a person) and due date. itemId: a checklist item, optional. */
export const findingInput = z
  .object({
    itemId: id.nullable().default(null),
    severity: z.enum(FINDING_SEVERITIES),
    description: text(4000),
    action: text(4000),
    ownerId: id,
    due: isoDate,
  })
  .strict();
export type FindingInput = z.input<typeof findingInput>;

export const progressInput = z.object({ note: text(2000) }).strict();
export type ProgressInput = z.input<typeof progressInput>;

// ───────────────────────────── views ─────────────────────────────

export const externalAuditorView = z.object({
  organisation: z.string(),
  name: z.string(),
  contact: z.string(),
});

export const evidenceView = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  ref: z.string(),
  /** The label and path as they were when linked. */
  label: z.string(),
  path: z.string(),
  at: z.string(),
  linkedAt: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const auditDocumentView = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
  /** GET this path to download. */
  path: z.string(),
});
export type AuditDocumentView = z.infer<typeof auditDocumentView>;

export const checklistItemView = z.object({
  id: z.string(),
  /** The feature id (A10-1, A11の2 …) and its article. */
  featureId: z.string(),
  article: z.number(),
  question: z.string(),
  questionEn: z.string(),
  answer: z.enum(ITEM_ANSWERS).nullable(),
  note: z.string().nullable(),
  answeredAt: z.string().nullable(),
  evidence: z.array(evidenceView),
  documents: z.array(auditDocumentView),
});
export type ChecklistItemView = z.infer<typeof checklistItemView>;

export const progressView = z.object({
  at: z.string(),
  byName: z.string().nullable(),
  note: z.string(),
});

export const findingView = z.object({
  id: z.string(),
  auditId: z.string(),
  auditNumber: z.string(),
  auditTitle: z.string(),
  itemId: z.string().nullable(),
  /** The checklist item's feature id, when the finding belongs to one. */
  featureId: z.string().nullable(),
  severity: z.enum(FINDING_SEVERITIES),
  description: z.string(),
  action: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  due: z.string(),
  overdue: z.boolean(),
  status: z.enum(FINDING_STATUSES),
  doneAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  progress: z.array(progressView),
  createdAt: z.string(),
  /** What the caller may do: record progress / mark done, confirm, edit. */
  can: z.object({ progress: z.boolean(), confirm: z.boolean(), edit: z.boolean() }),
});
export type FindingView = z.infer<typeof findingView>;

export const deliveryView = z.object({
  personId: z.string(),
  personName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  deliveredAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const auditListItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  kind: z.enum(AUDIT_KINDS),
  status: z.enum(AUDIT_STATUSES),
  /** null = all units. */
  unitNames: z.array(z.string()).nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  items: z.number(),
  answered: z.number(),
  findings: z.number(),
  openFindings: z.number(),
  reportedAt: z.string().nullable(),
});
export type AuditListItem = z.infer<typeof auditListItem>;

export const auditView = auditListItem.extend({
  external: externalAuditorView.nullable(),
  unitIds: z.array(z.string()).nullable(),
  articles: z.array(z.number()),
  note: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  checklist: z.array(checklistItemView),
  findings: z.array(findingView),
  deliveries: z.array(deliveryView),
  /** What the caller may do on this audit. */
  can: z.object({
    edit: z.boolean(),
    start: z.boolean(),
    answer: z.boolean(),
    report: z.boolean(),
    close: z.boolean(),
    acknowledge: z.boolean(),
    readReport: z.boolean(),
  }),
});
export type AuditView = z.infer<typeof auditView>;

export const candidatesView = z.object({ items: z.array(evidenceItem) });
