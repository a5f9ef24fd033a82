import type { SearchTerm } from '../../../../shared/api/requests-search.ts';
import { parseFieldValue, type FieldDefinition, type FieldValue } from '../../../../shared/vault/index.ts';
import { normaliseForIndex } from '../../../platform/crypto/index.ts';
import { prefixTooShort, valueText, type Values } from '../record-crypto.ts';

/** The terms a search for a person may use (the requester's particulars, 法77-1-1). */
export type SubjectTerms = Partial<Record<SearchTerm, string>>;

/** The identifying values of a record as a handler sees them to confirm a match. */
export interface Identifying {
  name?: string;
  nameKana?: string;
  birthDate?: string;
  /** 学生番号・学籍番号 or 職員番号. */
  number?: string;
}

/** The identifying fields of a file, each found by its key or its label (and type). */
export type IdentifyingFields = Partial<Record<SearchTerm, FieldDefinition>>;

/** Labels compared without spaces and brackets: 「氏名（漢字）」 is 氏名, 「保証人氏名」 is not. */
const bare = (label: string) => label.replace(/[\s\u3000()（）・]/g, '');

const RULES: Record<SearchTerm, { keys: string[]; labels: string[]; type?: FieldDefinition['type'] }> = {
  name: { keys: ['name', 'full_name'], labels: ['氏名', '氏名漢字', '本人氏名', '学生氏名', '職員氏名'] },
  nameKana: {
    keys: ['name_kana', 'kana'],
    labels: ['フリガナ', 'ふりがな', '氏名フリガナ', 'カナ氏名', '氏名カナ'],
  },
  birthDate: { keys: ['birth_date', 'birthday', 'date_of_birth'], labels: ['生年月日'], type: 'date' },
  studentNumber: { keys: ['student_number'], labels: ['学生番号', '学籍番号'] },
  staffNumber: { keys: ['staff_number', 'employee_number'], labels: ['職員番号', '教職員番号'] },
};

/**
 * The identifying fields of a file by key or label (the register's 記録項目 words). My Number
 * fields are never identifying fields: they are never searched nor returned (番号法第19条, A7の2).
 */
export function identifyingFields(fields: readonly FieldDefinition[]): IdentifyingFields {
  const out: IdentifyingFields = {};
  const usable = fields.filter((f) => f.sensitivity !== 'my_number' && f.type !== 'my_number');
  for (const [term, rule] of Object.entries(RULES) as [SearchTerm, (typeof RULES)[SearchTerm]][]) {
    const fits = (f: FieldDefinition) => !rule.type || f.type === rule.type;
    const byKey = usable.find((f) => rule.keys.includes(f.key) && fits(f));
    const byLabel = usable.find((f) => rule.labels.includes(bare(f.label)) && fits(f));
    const found = byKey ?? byLabel;
    if (found && !Object.values(out).includes(found)) out[term] = found;
  }
  return out;
}

/** The terms a file's blind indexes answer (empty: not searchable by index, to be looked at by hand). */
export function searchableOn(ids: IdentifyingFields): SearchTerm[] {
  return (Object.entries(ids) as [SearchTerm, FieldDefinition][])
    .filter(([, f]) => f.searchable !== 'none')
    .map(([t]) => t);
}

/**
 * The index lookup for a term on a field: the whole value (exact), or for a name under a prefix
 * index its first two characters (ADR 0007), confirmed later on the decrypted value. Null when the
 * field has no index or the term cannot be looked up (a one-character name).
 */
export function lookupOf(
  def: FieldDefinition,
  term: string,
): { term: string; mode: 'exact' | 'prefix' } | null {
  if (def.searchable === 'none') return null;
  if (def.searchable === 'prefix') return prefixTooShort(term) ? null : { term, mode: 'prefix' };
  // A whole value is compared as stored (a number typed with full-width digits, a date).
  const parsed = parseFieldValue({ ...def, required: false }, term);
  return { term: parsed.ok && parsed.value !== null ? valueText(parsed.value) : term, mode: 'exact' };
}

/**
 * Whether a decrypted value agrees with a term: names compared ignoring spaces and full/half-width
 * differences (and katakana/hiragana for readings), numbers and dates by their normalised text.
 */
export function agrees(value: FieldValue | null | undefined, term: string): boolean {
  if (value === null || value === undefined) return false;
  const v = normaliseForIndex(valueText(value));
  return v !== '' && v === normaliseForIndex(term);
}

/** The terms that agree with a record's values. */
export function agreeing(ids: IdentifyingFields, values: Values, terms: SubjectTerms): SearchTerm[] {
  return (Object.keys(ids) as SearchTerm[]).filter((t) => {
    const term = terms[t];
    return term !== undefined && term !== '' && agrees(values[ids[t]!.key], term);
  });
}

/** A birth date alone tells nobody apart: a candidate needs a name, a reading or a number to agree. */
export const enoughToBeACandidate = (matchedOn: SearchTerm[]) => matchedOn.some((t) => t !== 'birthDate');

/** The identifying values of a record (text as stored). */
export function identifyingValues(ids: IdentifyingFields, values: Values): Identifying {
  const text = (t: SearchTerm) => {
    const v = ids[t] ? values[ids[t].key] : null;
    return v === null || v === undefined ? undefined : valueText(v);
  };
  const out: Identifying = {};
  const set = (k: keyof Identifying, v: string | undefined) => {
    if (v !== undefined && v !== '') out[k] = v;
  };
  set('name', text('name'));
  set('nameKana', text('nameKana'));
  set('birthDate', text('birthDate'));
  set('number', text('studentNumber') ?? text('staffNumber'));
  return out;
}
