import type { EntryFields } from '../../../shared/api/register.ts';
import { ENTRY_RULES } from '../../../shared/register-rules.ts';
import { AppError } from '../../platform/errors.ts';

/** An entry that breaks a rule of shared/register-rules.ts is refused with that rule's error. */
export function checkFields(fields: EntryFields): EntryFields {
  const broken = ENTRY_RULES.find((r) => r.broken(fields));
  if (broken) throw new AppError(broken.code);
  return fields;
}

/** What changed, field by field, in the order the entry lists its fields. */
export function diffFields(
  before: EntryFields,
  after: EntryFields,
): { field: string; before: unknown; after: unknown }[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof EntryFields)[];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
}
