import type { EntryFields } from '../../../shared/api/register.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The rules an entry must meet beyond each field's own shape (the form shows the same messages):
 * - a file kept off the public register states its ground (法74②, 75③); where the ground points
 *   elsewhere (contained in another file, would impede the work) the note says which or why;
 * - a file that invites proposals for anonymised information names the office receiving them (法110).
 */
export function checkFields(fields: EntryFields): EntryFields {
  if (
    (fields.exemption === 'contained' || fields.exemption === 'impede') &&
    fields.exemptionNote.trim() === ''
  )
    throw new AppError('register.exemption_ground_missing');
  if (fields.anonProposalsInvited && fields.anonProposalOffice.trim() === '')
    throw new AppError('register.anon_office_missing');
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
