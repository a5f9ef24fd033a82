import type { FieldDefinition, FieldValue, Sensitivity } from '../../../shared/vault/index.ts';
import {
  blindIndex,
  blindIndexOfNormalised,
  hmacSha256,
  indexKey,
  normaliseForIndex,
  openGroup,
  sealGroup,
} from '../../platform/crypto/index.ts';

/**
 * How a record is kept (A25): its values split by sensitivity into at most three groups, each sealed
 * with AES-256-GCM under the record's own data key, bound to file, record and group; searchable
 * fields leave truncated blind indexes; the scope field leaves a keyed hash. Nothing here touches
 * the database.
 */
export const GROUPS = ['normal', 'sensitive', 'my_number'] as const satisfies readonly Sensitivity[];
export type Group = (typeof GROUPS)[number];
export type Values = Record<string, FieldValue | null>;
export type Sealed = Record<`sealed_${Group}`, string | null>;

export const sealedColumn = (group: Group) => `sealed_${group}` as const;

/** The wrap context of a record's data key: a wrapped key copied to another record does not open. */
export const keyContext = (fileId: string, recordId: string) => `vault:file:${fileId}:record:${recordId}`;

/** Seals the values (nulls left out) of each group; a group without values is null. */
export function sealValues(
  dataKey: Buffer,
  where: { fileId: string; recordId: string; prefix?: string },
  fields: readonly FieldDefinition[],
  values: Values,
): Sealed {
  const groups: Record<Group, Record<string, FieldValue> | null> = {
    normal: null,
    sensitive: null,
    my_number: null,
  };
  for (const f of fields) {
    const v = values[f.key];
    if (v === null || v === undefined) continue;
    (groups[f.sensitivity] ??= {})[f.key] = v;
  }
  const seal = (group: Group) => {
    const g = groups[group];
    return g
      ? sealGroup(
          dataKey,
          { ...where, group: `${where.prefix ?? ''}${group}`, keyId: where.recordId, keyVersion: 1 },
          g,
        )
      : null;
  };
  return {
    sealed_normal: seal('normal'),
    sealed_sensitive: seal('sensitive'),
    sealed_my_number: seal('my_number'),
  };
}

/** Opens one sealed group (CiphertextError when it was altered or moved). */
export function openValues(
  dataKey: Buffer,
  where: { fileId: string; recordId: string; prefix?: string },
  group: Group,
  sealed: string | null,
): Values {
  if (sealed === null) return {};
  return openGroup(
    dataKey,
    { ...where, group: `${where.prefix ?? ''}${group}`, keyId: where.recordId, keyVersion: 1 },
    sealed,
  ) as Values;
}

/** The text a value is indexed and compared by. */
export function valueText(value: FieldValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return `${value.postalCode} ${value.address}`;
}

/**
 * A prefix index covers a value's first two characters (most family names, the start of a reading);
 * a longer prefix is looked up by its first two and checked on the decrypted values, and a shorter
 * term is refused (vault.search_term_short): one character would match a large share of any file.
 * One index row per value, not one per prefix length: a row per length (1–4) made the name alone
 * half of an import's index rows (docs/benchmarks.md, issue 6).
 */
export const PREFIX_LENGTH = 2;
const prefixField = (key: string) => `${key}^${PREFIX_LENGTH}`;

/** Index keys per (file, field): HKDF once, then cached for the process. */
export function createIndexer(master: Buffer) {
  const keys = new Map<string, Map<string, Buffer>>();
  const keyOf = (fileId: string, field: string) => {
    let ofFile = keys.get(fileId);
    if (!ofFile) {
      ofFile = new Map();
      keys.set(fileId, ofFile);
    }
    let k = ofFile.get(field);
    if (!k) {
      k = indexKey(master, fileId, field);
      ofFile.set(field, k);
    }
    return k;
  };
  /** 'name' → 'name^2', made once per field name. */
  const prefixNames = new Map<string, string>();
  const prefixNameOf = (key: string) => {
    let name = prefixNames.get(key);
    if (name === undefined) prefixNames.set(key, (name = prefixField(key)));
    return name;
  };

  /** The (field, value) index rows of a record's searchable values (each value normalised once). */
  function rows(
    fileId: string,
    bits: number,
    fields: readonly FieldDefinition[],
    values: Values,
  ): { field: string; value: number }[] {
    if (!Number.isInteger(bits) || bits < 1 || bits > 32)
      throw new RangeError('blind index bits must be 1 to 32');
    const out: { field: string; value: number }[] = [];
    for (const f of fields) {
      if (f.searchable === 'none') continue;
      const v = values[f.key];
      if (v === null || v === undefined) continue;
      const normalised = normaliseForIndex(valueText(v));
      out.push({ field: f.key, value: blindIndexOfNormalised(keyOf(fileId, f.key), normalised, bits) });
      if (f.searchable === 'prefix') {
        const prefix = firstChars(normalised, PREFIX_LENGTH);
        if (prefix !== null) {
          const field = prefixNameOf(f.key);
          out.push({ field, value: blindIndexOfNormalised(keyOf(fileId, field), prefix, bits) });
        }
      }
    }
    return out;
  }

  /**
   * The index row a search looks up: the whole value, or its first characters (a prefix term of
   * fewer than PREFIX_LENGTH characters is the caller's to refuse: see prefixTooShort).
   */
  function lookup(
    fileId: string,
    bits: number,
    field: FieldDefinition,
    term: string,
    mode: 'exact' | 'prefix',
  ): { field: string; value: number } {
    if (mode === 'exact')
      return { field: field.key, value: blindIndex(keyOf(fileId, field.key), term, bits) };
    const chars = [...normaliseForIndex(term)].slice(0, PREFIX_LENGTH);
    if (chars.length < PREFIX_LENGTH) throw new RangeError('a prefix term is too short for the index');
    const name = prefixField(field.key);
    return { field: name, value: blindIndex(keyOf(fileId, name), chars.join(''), bits) };
  }

  /** The keyed hash of a record's scope value (a class): grants scope on it without plain text. */
  function scopeTag(fileId: string, value: FieldValue | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    return hmacSha256(keyOf(fileId, '#scope'), normaliseForIndex(valueText(value)))
      .toString('base64url')
      .slice(0, 32);
  }

  return { rows, lookup, scopeTag };
}

export type Indexer = ReturnType<typeof createIndexer>;

/** The first n characters (code points) of a text, or null when it has fewer. */
function firstChars(text: string, n: number): string | null {
  let at = 0;
  for (let c = 0; c < n; c += 1) {
    if (at >= text.length) return null;
    at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  }
  return text.slice(0, at);
}

/** Whether a prefix search term is too short for the prefix index (refused, not guessed at). */
export const prefixTooShort = (term: string) => [...normaliseForIndex(term)].length < PREFIX_LENGTH;

/** Whether a decrypted value matches a search term (removes the blind index's false positives). */
export function matches(
  value: FieldValue | null | undefined,
  term: string,
  mode: 'exact' | 'prefix',
): boolean {
  if (value === null || value === undefined) return false;
  const v = normaliseForIndex(valueText(value));
  const t = normaliseForIndex(term);
  return mode === 'exact' ? v === t : v.startsWith(t);
}
