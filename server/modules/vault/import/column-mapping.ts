import { z } from 'zod';
import type { MappingCode } from '../../../../shared/vault/import-codes.ts';
import type { FieldDefinition } from '../../../../shared/vault/index.ts';

/**
 * Which column of an imported file fills which field of the record schema (issue 6). The server
 * suggests a mapping from the headings; the person importing confirms or corrects it in the browser
 * and sends it back, so what arrives is checked against the schema and the file before any row is.
 */

/** Field key → 0-based column index, or null for a field left empty. */
export type ColumnMapping = Record<string, number | null>;

/** The mapping as the browser sends it (JSON); checkMapping then holds it against schema and file. */
export const columnMapping = z.record(z.string(), z.number().int().min(0).nullable());

export interface MappingProblem {
  code: MappingCode;
  /** The field concerned (for mapping_column_twice, each field after the first on that column). */
  field: string;
  /** The column concerned, when there is one. */
  column?: number;
}

/** What headings and names are compared as: NFKC, no spaces, brackets or middle dots, lower case. */
const SEPARATORS = /[\s()（）・]/gu;
const headingKey = (s: string): string => s.normalize('NFKC').replace(SEPARATORS, '').toLowerCase();

/**
 * The mapping the headings suggest: each field gets the first unused heading equal (headingKey) to
 * its label, then fields still without one the first unused heading equal to their source (the
 * register's 記録項目); a heading fills at most one field, and a field no heading names gets null.
 * Labels go first so that '氏名' goes to the field labelled 氏名 even when a field derived from the
 * 記録項目 氏名 (say 氏名（カナ）) comes before it.
 */
export function suggestMapping(
  fields: readonly FieldDefinition[],
  headings: readonly string[],
): ColumnMapping {
  const keys = headings.map(headingKey);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const f of fields) mapping[f.key] = null;
  const take = (name: string | undefined): number | null => {
    if (name === undefined) return null;
    const wanted = headingKey(name);
    if (wanted === '') return null;
    const i = keys.findIndex((k, j) => k === wanted && !used.has(j));
    if (i < 0) return null;
    used.add(i);
    return i;
  };
  for (const f of fields) mapping[f.key] = take(f.label);
  for (const f of fields) if (mapping[f.key] === null) mapping[f.key] = take(f.source);
  return mapping;
}

/**
 * Every problem of a mapping against the schema and the file's headings, in a stable order: unknown
 * fields and bad columns in the mapping's order, columns used twice, then required fields without a
 * column in the schema's order. An empty list means the mapping can be used. Throws nothing.
 */
export function checkMapping(
  fields: readonly FieldDefinition[],
  headings: readonly string[],
  mapping: ColumnMapping,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const firstUse = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!byKey.has(field)) {
      problems.push({ code: 'mapping_unknown_field', field });
      continue;
    }
    if (column === null) continue;
    if (column < 0 || column >= headings.length || !Number.isInteger(column))
      problems.push({ code: 'mapping_bad_column', field, column });
    else if (firstUse.has(column)) problems.push({ code: 'mapping_column_twice', field, column });
    else firstUse.set(column, field);
  }
  for (const f of fields) {
    const column = Object.hasOwn(mapping, f.key) ? mapping[f.key] : null;
    if (f.required && (column === null || column === undefined))
      problems.push({ code: 'mapping_required_missing', field: f.key });
  }
  return problems;
}
