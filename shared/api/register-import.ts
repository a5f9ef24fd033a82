import { z } from 'zod';
import { PUBLISHED_FIELDS } from '../register-fields.ts';

/**
 * Shapes of the import of an existing register (issue 5; A20-1, A20-2): a CSV or Excel file of
 * entries, previewed row by row, then written all at once or not at all. The columns are the public
 * download's (学校等, the 19 fields of 別紙様式1) plus 課等 and the internal fields; see
 * server/modules/register/import/parse-register-file.ts for the values each column accepts.
 */

/** draft: each row becomes a draft of its section (A20-1); registered: an accepted entry (A20-2). */
export const REGISTER_IMPORT_MODES = ['draft', 'registered'] as const;
export type RegisterImportMode = (typeof REGISTER_IMPORT_MODES)[number];

/** The columns beside the 19 published fields, in template order: where the file belongs, and the internal fields. */
export const REGISTER_IMPORT_EXTRA_COLUMNS = [
  { key: 'unit', ja: '学校等', en: 'College or headquarters' },
  { key: 'section', ja: '課等', en: 'Section' },
  { key: 'exemption', ja: '公表', en: 'Publication' },
  { key: 'exemptionNote', ja: '公表しない理由（補足）', en: 'Ground for not publishing (note)' },
  { key: 'sensitivity', ja: '要配慮区分', en: 'Sensitivity' },
  { key: 'importance', ja: '重要度', en: 'Importance' },
  { key: 'myNumber', ja: 'マイナンバー', en: 'My Number' },
  { key: 'historical', ja: '歴史資料', en: 'Historical record' },
  { key: 'retentionBasis', ja: '保存根拠', en: 'Retention basis' },
  { key: 'retentionYears', ja: '保存期間（年）', en: 'Retention period (years)' },
  { key: 'linkedSystems', ja: '連携システム', en: 'Linked systems' },
] as const;

/** The English name of a column the server names by its Japanese heading (row errors). */
export const IMPORT_COLUMN_EN: Record<string, string> = Object.fromEntries(
  [...PUBLISHED_FIELDS, ...REGISTER_IMPORT_EXTRA_COLUMNS].map((c) => [c.ja, c.en]),
);

/** The most rows one file may hold. */
export const REGISTER_IMPORT_MAX_ROWS = 2000;

const message = z.object({ ja: z.string(), en: z.string() });

export const registerImportRowView = z.object({
  /** The row as the spreadsheet numbers it: the header is 1, the first entry 2. */
  line: z.number().int(),
  /** The unit and section as resolved (their registered names), else as written in the file. */
  unitName: z.string(),
  sectionName: z.string(),
  name: z.string(),
  /** Whether the entry would be on the public register once accepted (not exempt, 法74②・75③). */
  published: z.boolean(),
  myNumber: z.boolean(),
  /** Each error names the column (its Japanese heading), never the value. */
  errors: z.array(z.object({ column: z.string(), code: z.string(), message })),
});
export type RegisterImportRowView = z.infer<typeof registerImportRowView>;

export const registerImportPreviewView = z.object({
  format: z.enum(['utf-8', 'utf-8-bom', 'cp932', 'xlsx']),
  mode: z.enum(REGISTER_IMPORT_MODES),
  rows: z.array(registerImportRowView),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Headings of the file's columns that are not read (e.g. ID and 最終更新日 of the public download). */
  ignoredColumns: z.array(z.string()),
  /** SHA-256 of the file: the import must send it back with the same file. */
  digest: z.string(),
});
export type RegisterImportPreviewView = z.infer<typeof registerImportPreviewView>;

export const registerImportResultView = z.object({
  mode: z.enum(REGISTER_IMPORT_MODES),
  imported: z.number().int(),
  /** Of those, the entries now on the public register (registered mode, not exempt). */
  published: z.number().int(),
  fileIds: z.array(z.string()),
});
export type RegisterImportResultView = z.infer<typeof registerImportResultView>;
