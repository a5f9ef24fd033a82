import type { FileRow } from './register.repo.ts';

/**
 * The rows of a new file and of a new version of its entry. A file starts as a draft with its first
 * version open (A20-1); an import of a register already approved starts it registered, the version
 * accepted (A20-2). A My Number file always starts unapproved (A20-5).
 */
export function newFileRow(input: {
  id: string;
  unitId: string;
  sectionId: string;
  versionId: string;
  myNumber: boolean;
  at: string;
  by: string | null;
  registered?: boolean;
}): FileRow {
  const registered = input.registered ?? false;
  return {
    id: input.id,
    unit_id: input.unitId,
    section_id: input.sectionId,
    state: registered ? 'registered' : 'draft',
    current_version_id: registered ? input.versionId : null,
    open_version_id: registered ? null : input.versionId,
    my_number: input.myNumber ? 1 : 0,
    my_number_approved_at: null,
    my_number_approved_by: null,
    created_at: input.at,
    created_by: input.by,
    discontinued_at: null,
    discontinued_by: null,
    discontinued_reason: null,
  };
}

/** Version `number` of a file's entry: a draft, or (an imported approved register) accepted at once. */
export const newVersionRow = (
  fileId: string,
  id: string,
  number: number,
  at: string,
  by: string | null,
  accepted = false,
) => ({
  id,
  file_id: fileId,
  number,
  status: accepted ? 'accepted' : 'draft',
  created_at: at,
  created_by: by,
  submitted_at: null,
  submitted_by: null,
  decided_at: accepted ? at : null,
  decided_by: accepted ? by : null,
  return_reason: null,
});
