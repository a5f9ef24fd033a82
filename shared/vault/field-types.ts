import { z } from 'zod';

/**
 * The record schema of a personal information file in the vault (issue 6): one typed field per
 * 記録項目 of its register entry, each with a sensitivity that decides how it is encrypted (A25) and
 * who may see it unmasked (A7の2, A11の2 for My Numbers). Shared by the browser (the schema editor,
 * record forms) and the server (storage, blind indexes).
 */
export const FIELD_TYPES = [
  'text',
  'kana',
  'date',
  'number',
  'choice',
  'postal_address',
  'phone',
  'mail',
  'my_number',
  'note',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** normal; sensitive = 要配慮個人情報 (法第2条第3項); my_number = 個人番号 (特定個人情報, A7の2). */
export const SENSITIVITY_LEVELS = ['normal', 'sensitive', 'my_number'] as const;
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];

/**
 * How a field can be searched through its blind index: not at all, by the whole normalised value, or
 * by its beginning (which reveals more about the values, so it is never derived automatically).
 */
export const SEARCH_MODES = ['none', 'exact', 'prefix'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** Types whose values may be found by their beginning (a reading, a name, a postal code, digits). */
const PREFIX_TYPES: readonly FieldType[] = ['text', 'kana', 'postal_address', 'phone', 'mail'];

/** Longest value of a text (one line) or note, by default and at most. */
export const MAX_LENGTH = {
  text: { default: 200, limit: 1000 },
  note: { default: 4000, limit: 20000 },
} as const;

export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

const choiceLabel = z.string().trim().min(1).max(100);

const fieldShape = z.object({
  /** Stable ascii slug: stored values and blind indexes are keyed by it, labels may change. */
  key: z.string().regex(FIELD_KEY, 'field_key'),
  label: z.string().trim().min(1).max(100),
  type: z.enum(FIELD_TYPES),
  sensitivity: z.enum(SENSITIVITY_LEVELS),
  required: z.boolean().default(false),
  searchable: z.enum(SEARCH_MODES).default('none'),
  choices: z.array(choiceLabel).min(1).max(100).optional(),
  maxLength: z.number().int().positive().optional(),
  /** The 記録項目 of the register entry the field was derived from. */
  source: z.string().trim().min(1).max(200).optional(),
});

type FieldShape = z.output<typeof fieldShape>;

/** Rules between the properties of one field; each message is a stable code. */
function checkField(f: FieldShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  // A7の2 / A11の2: a My Number is always handled as 特定個人情報, and nothing else is.
  if ((f.type === 'my_number') !== (f.sensitivity === 'my_number'))
    issue('sensitivity', 'my_number_sensitivity');
  if (f.searchable !== 'none' && f.type === 'note') issue('searchable', 'note_not_searchable');
  // A My Number may be found only by the whole number, never by a part of it.
  if (f.searchable === 'prefix' && !PREFIX_TYPES.includes(f.type)) issue('searchable', 'prefix_not_allowed');
  if (f.type === 'choice') {
    if (!f.choices) issue('choices', 'choices_required');
    else if (new Set(f.choices).size !== f.choices.length) issue('choices', 'choices_not_distinct');
  } else if (f.choices !== undefined) issue('choices', 'choices_only_for_choice');
  if (f.maxLength !== undefined) {
    if (f.type !== 'text' && f.type !== 'note') issue('maxLength', 'max_length_only_for_text');
    else if (f.maxLength > MAX_LENGTH[f.type].limit) issue('maxLength', 'max_length_too_large');
  }
}

/** One field of a record schema, with its cross-field rules. */
export const fieldDefinition = fieldShape.superRefine(checkField);
export type FieldDefinition = z.output<typeof fieldDefinition>;
export type FieldDefinitionInput = z.input<typeof fieldDefinition>;

/** A versioned record schema: 1–200 fields with distinct keys. */
export const recordSchema = z
  .object({
    version: z.number().int().positive(),
    fields: z.array(fieldDefinition).min(1).max(200),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.fields.forEach((f, i) => {
      if (seen.has(f.key))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'duplicate_key' });
      seen.add(f.key);
    });
  });
export type RecordSchema = z.output<typeof recordSchema>;
export type RecordSchemaInput = z.input<typeof recordSchema>;
