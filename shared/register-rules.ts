import type { EntryFields } from './api/register.ts';

type RuleFields = Pick<
  EntryFields,
  'exemption' | 'exemptionNote' | 'anonProposalsInvited' | 'anonProposalOffice'
>;

/**
 * The rules an entry must meet beyond each field's own shape, with the field each one is about:
 * checked by the server (register.rules.ts) and by the form (the same messages, by error code).
 * - a file kept off the public register states its ground (法74②, 75③); where the ground points
 *   elsewhere (contained in another file, would impede the work) the note says which or why;
 * - a file that invites proposals for anonymised information names the office receiving them (法110).
 */
export const ENTRY_RULES = [
  {
    code: 'register.exemption_ground_missing',
    field: 'exemptionNote',
    broken: (f: RuleFields) =>
      (f.exemption === 'contained' || f.exemption === 'impede') && f.exemptionNote.trim() === '',
  },
  {
    code: 'register.anon_office_missing',
    field: 'anonProposalOffice',
    broken: (f: RuleFields) => f.anonProposalsInvited && f.anonProposalOffice.trim() === '',
  },
] as const;
