import { entryFields, type VersionView } from '../../../shared/api/register.ts';
import type { VersionRow } from './register.repo.ts';

export function presentVersion(v: VersionRow): VersionView {
  return {
    id: v.id,
    number: v.number,
    status: v.status as VersionView['status'],
    // Parsed through the schema: an entry written by an older release gets the defaults of newer fields.
    fields: entryFields.parse(JSON.parse(v.fields)),
    createdAt: v.created_at,
    createdBy: v.created_by,
    submittedAt: v.submitted_at,
    submittedBy: v.submitted_by,
    decidedAt: v.decided_at,
    decidedBy: v.decided_by,
    returnReason: v.return_reason,
  };
}
