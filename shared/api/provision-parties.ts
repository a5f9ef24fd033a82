import { z } from 'zod';
import { contractSummaryView } from './provision-contracts.ts';
import { provisionSummary } from './provision-provisions.ts';

/**
 * Third parties (issue 9; rule 65 A17–A19): the HTTP contract of the register of outside parties
 * (recipients of provisions, A17–A18; contractors, A19) and their capability checks (A19-1: 委託先の
 * 能力の確認), and of the cross views: per file, who receives or processes it; per party, what it
 * receives or processes (features A18, A19 "Views").
 *
 * Routes (all under /api/provision):
 * - GET  /parties?kind=&q=&contractor=&overdue=&state=       → partyListView
 * - POST /parties                                              partyInput → partyView (201)
 * - GET  /parties/:partyId                                     → partyView
 * - PUT  /parties/:partyId                                     partyUpdateInput → partyView
 * - GET  /parties/:partyId/checks                              → { checks: checkView[] }
 * - POST /parties/:partyId/checks                              checkInput → checkView (201)
 * - POST /parties/:partyId/checks/:checkId/evidence            multipart "file" (PDF/PNG/JPEG ≤ 10 MB) → checkView (201)
 * - GET  /parties/:partyId/evidence/:documentId                → the document (attachment)
 * - GET  /parties/:partyId/overview                            → partyOverviewView
 * - GET  /parties/:partyId/overview/export.xlsx | export.pdf
 * - GET  /files/:fileId                                        → fileOverviewView
 * - GET  /files/:fileId/export.xlsx | export.pdf
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

// ───────────────────────────── kinds ─────────────────────────────

/**
 * 国の行政機関 / 独立行政法人等 / 地方公共団体 / 企業 / 研究機関等 / その他. The first three are 行政機関等
 * (A18: provision to them needs no written agreement; A18-3: measures only where deemed necessary).
 */
export const PARTY_KINDS = [
  'public_body',
  'independent_agency',
  'local_government',
  'company',
  'research_partner',
  'other',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PUBLIC_BODY_KINDS: readonly PartyKind[] = [
  'public_body',
  'independent_agency',
  'local_government',
];
/** 行政機関等 (A18): derived from the kind, never entered. */
export const isPublicBodyKind = (kind: PartyKind): boolean => PUBLIC_BODY_KINDS.includes(kind);

/** How a contractor's capability was checked (A19-1): 書面 / 実地 / 第三者認証 (Pマーク, ISMS …). */
export const CHECK_METHODS = ['document', 'on_site', 'certification'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** 適 / 条件付き / 不適. */
export const CHECK_RESULTS = ['pass', 'conditional', 'fail'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** Evidence documents: PDF or an image, at most this size. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/**
 * 法人番号: 13 digits, the first a check digit (法人番号の指定等に関する省令第2条):
 * 9 − (Σ_{n=1..12} P_n × Q_n mod 9), P_n the n-th digit from the right of the 12-digit base,
 * Q_n = 1 for odd n, 2 for even n.
 */
export function corporateNumberValid(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const base = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(value[0]) === 9 - (sum % 9);
}

// ───────────────────────────── inputs ─────────────────────────────

/** A contact of the counterpart organisation (business contact: department, person, phone, mail). */
export const contactInput = z
  .object({
    department: optionalText(200),
    name: optionalText(100),
    phone: z
      .string()
      .trim()
      .max(30)
      .regex(/^[0-9+\-() ]*$/, 'phone')
      .nullable()
      .default(null),
    email: z.email().max(254).nullable().default(null),
  })
  .strict();
export type ContactInput = z.input<typeof contactInput>;

export const partyInput = z
  .object({
    kind: z.enum(PARTY_KINDS),
    /** 「株式会社サンプル情報システム」「文部科学省 高等教育局」. */
    name: text(200),
    address: optionalText(500),
    /** 法人番号 (13 digits with its check digit), optional. */
    corporateNumber: z
      .string()
      .trim()
      .refine(corporateNumberValid, 'corporate_number')
      .nullable()
      .default(null),
    contacts: z.array(contactInput).max(10).default([]),
    /** A contractor (A19): capability checks apply and are due periodically. */
    contractor: z.boolean().default(false),
    /** 責任者等の管理体制 (A19-1(1)). */
    managementStructure: optionalText(4000),
    notes: optionalText(4000),
  })
  .strict();
export type PartyInput = z.input<typeof partyInput>;

/** The whole record is sent again; active: false retires the party (it stays for history). */
export const partyUpdateInput = partyInput.extend({ active: z.boolean().default(true) }).strict();
export type PartyUpdateInput = z.input<typeof partyUpdateInput>;

/** A capability check (A19-1: 委託先の能力の確認) recorded by the caller. */
export const checkInput = z
  .object({
    /** 確認日: not in the future. */
    checkedOn: isoDate,
    method: z.enum(CHECK_METHODS),
    /** For certification: which (「プライバシーマーク 第12345678号」「ISMS (ISO/IEC 27001)」). */
    certification: optionalText(200),
    findings: text(4000),
    result: z.enum(CHECK_RESULTS),
    /** 次回確認期限: default a year after checkedOn; after checkedOn. */
    nextDueOn: isoDate.nullable().default(null),
  })
  .strict()
  .refine((c) => c.method !== 'certification' || c.certification !== null, {
    path: ['certification'],
    message: 'required',
  });
export type CheckInput = z.input<typeof checkInput>;

export const partyListQuery = z.object({
  kind: z.enum(PARTY_KINDS).optional(),
  /** Part of the name (or the 法人番号). */
  q: z.string().trim().max(100).optional(),
  contractor: z.enum(['true', 'false']).optional(),
  /** Only contractors whose capability check is overdue or missing. */
  overdue: z.enum(['true', 'false']).optional(),
  state: z.enum(['active', 'retired', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type PartyListQuery = Omit<z.input<typeof partyListQuery>, 'limit'> & { limit?: number };

// ───────────────────────────── views ─────────────────────────────

export const contactView = z.object({
  department: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const evidenceView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  /** SHA-256, hex. */
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  /** GET it here. */
  path: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const checkView = z.object({
  id: z.string(),
  partyId: z.string(),
  checkedOn: z.string(),
  method: z.enum(CHECK_METHODS),
  certification: z.string().nullable(),
  findings: z.string(),
  result: z.enum(CHECK_RESULTS),
  nextDueOn: z.string(),
  checkedByName: z.string(),
  recordedAt: z.string(),
  evidence: z.array(evidenceView),
});
export type CheckView = z.infer<typeof checkView>;

/** The state of a contractor's checks: none yet, current, or past its next due date. */
export const CHECK_STATES = ['none', 'current', 'overdue', 'not_applicable'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

export const partySummaryView = z.object({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  isPublicBody: z.boolean(),
  name: z.string(),
  corporateNumber: z.string().nullable(),
  contractor: z.boolean(),
  active: z.boolean(),
  /** The latest check (null when none) and when the next is due. */
  lastCheckedOn: z.string().nullable(),
  lastResult: z.enum(CHECK_RESULTS).nullable(),
  nextCheckDueOn: z.string().nullable(),
  checkState: z.enum(CHECK_STATES),
});
export type PartySummaryView = z.infer<typeof partySummaryView>;

export const partyListView = z.object({
  parties: z.array(partySummaryView),
  /** The caller may add and edit parties and record checks (保護管理者, 総括保護管理者). */
  canEdit: z.boolean(),
});
export type PartyListView = z.infer<typeof partyListView>;

export const partyView = partySummaryView.extend({
  address: z.string().nullable(),
  contacts: z.array(contactView),
  managementStructure: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  checks: z.array(checkView),
  can: z.object({ edit: z.boolean(), check: z.boolean() }),
});
export type PartyView = z.infer<typeof partyView>;

// ───────────────────────────── cross views (A18, A19 "Views") ─────────────────────────────

/**
 * GET /api/provision/files/:fileId — who receives a file (provisions, A17–A18) or processes it
 * (contracts and their subcontractors, A19). The lines are the provisions' and contracts' own
 * summaries (their parts' byFile), limited to what the caller reads.
 */
export const fileOverviewView = z.object({
  file: z.object({ id: z.string(), name: z.string(), unitName: z.string(), sectionName: z.string() }),
  provisions: z.array(provisionSummary),
  contracts: z.array(contractSummaryView),
});
export type FileOverviewView = z.infer<typeof fileOverviewView>;

/**
 * GET /api/provision/parties/:partyId/overview — what a party receives (provisions) or processes
 * (contracts, as contractor or as subcontractor), limited to what the caller reads.
 */
export const partyOverviewView = z.object({
  party: partySummaryView,
  provisions: z.array(provisionSummary),
  contracts: z.array(contractSummaryView),
});
export type PartyOverviewView = z.infer<typeof partyOverviewView>;
