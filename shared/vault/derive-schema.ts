import {
  guessFor,
  KNOWN_KEYS,
  parts,
  ruleName,
  SENSITIVE,
  type DeriveWarningCode,
  type Guess,
} from './derive-rules.ts';
import {
  recordSchema,
  type FieldDefinitionInput,
  type RecordSchema,
  type Sensitivity,
} from './field-types.ts';

export { DERIVE_WARNING_CODES, DERIVE_WARNING_MESSAGES, type DeriveWarningCode } from './derive-rules.ts';

export interface DeriveWarning {
  /** The 記録項目 as the register lists it. */
  item: string;
  code: DeriveWarningCode;
}

export interface DerivedSchema {
  schema: RecordSchema;
  warnings: DeriveWarning[];
}

/** What the register entry says about the file as a whole (別紙様式1 要配慮; A20-5 特定個人情報). */
export interface DeriveOptions {
  sensitive: boolean;
  myNumber: boolean;
}

/** Rules whose items may hold 要配慮 content when the file does, without saying so in their name. */
const OPEN_RULES = new Set(['default', 'combined', 'note', 'choice', 'result', 'contact', 'datetime']);

/** The longest start of `s` within `max` UTF-16 units (what zod counts), never splitting a character. */
function clip(s: string, max: number): string {
  let out = '';
  for (const c of s) {
    if (out.length + c.length > max) break;
    out += c;
  }
  return out;
}

/** The guess for one item; an item naming things of different kinds becomes one text field. */
function guessItem(name: string, myNumber: boolean): Guess {
  const pieces = parts(name);
  const rules = new Set(pieces.map((p) => guessFor(p, myNumber).rule));
  if (pieces.length > 1 && rules.size > 1)
    return { rule: 'combined', type: 'text', searchable: 'none', warnings: ['combined_item'] };
  return guessFor(name, myNumber);
}

/**
 * The first record schema (version 1) of a personal information file, one field per 記録項目 of its
 * register entry, typed by what the item's name suggests. Items named as 要配慮 (病歴, 障害, 診断,
 * アレルギー…) are sensitive whatever the file says (A25: encrypted by sensitivity); 個人番号 is a
 * My Number field only when the entry holds My Numbers (A20-5, A7の2). Throws RangeError when no
 * item has a name.
 */
export function deriveSchema(recordItems: readonly string[], opts: DeriveOptions): DerivedSchema {
  const items = recordItems.map((i) => i.trim()).filter((i) => i !== '');
  if (items.length === 0) throw new RangeError('a record schema needs at least one 記録項目');
  const warnings: DeriveWarning[] = [];
  const usedKeys = new Set<string>();
  let named = false;

  const fields = items.map((item, i): FieldDefinitionInput => {
    const name = ruleName(item);
    const g = guessItem(name, opts.myNumber);
    const looksSensitive = SENSITIVE.test(name);
    const sensitivity: Sensitivity =
      g.type === 'my_number' ? 'my_number' : looksSensitive ? 'sensitive' : 'normal';
    // A named 病歴, 診断書 or アレルギー is free content, not a one-line text.
    const asNote = looksSensitive && g.rule === 'default';
    const type = asNote ? 'note' : g.type;
    const codes = asNote ? g.warnings.filter((c) => c !== 'default_text') : [...g.warnings];
    if (opts.sensitive && sensitivity === 'normal' && OPEN_RULES.has(g.rule)) codes.push('check_sensitivity');
    if (!opts.sensitive && looksSensitive) codes.push('sensitive_not_in_register');
    for (const code of codes) warnings.push({ item, code });

    const known = KNOWN_KEYS.get(name);
    const key =
      known && known.rule === g.rule && !usedKeys.has(known.key)
        ? known.key
        : `f${String(i + 1).padStart(2, '0')}`;
    usedKeys.add(key);
    // The person's own name comes first in a file; a later 氏名 (保証人氏名…) is someone else's.
    const required = g.rule === 'name' && !named;
    if (g.rule === 'name') named = true;
    return {
      key,
      label: clip(item, 100),
      type,
      sensitivity,
      required,
      searchable: type === 'note' ? 'none' : g.searchable,
      source: clip(item, 200),
    };
  });

  return { schema: recordSchema.parse({ version: 1, fields }), warnings };
}
