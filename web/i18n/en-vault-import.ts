import type { jaVaultImport } from './ja-vault-import.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of the vault import screen (issue 6; A11, A25, A26). */
export const enVaultImport: Shape<typeof jaVaultImport> = {
  vaultImport: {
    title: 'Import records',
    crumb: 'Import',
    lead: 'Add records to this file from a CSV or Excel file. Every row is checked first; if any row is wrong, nothing is imported.',
    noCreate: 'Your grant does not allow adding records to this file (A11-1).',
    formatTitle: 'File format',
    formatSheet: 'CSV (UTF-8 or Shift_JIS) or Excel (.xlsx, first sheet). The first row holds the headings.',
    formatLimit: 'Up to 200,000 rows and 10 MB at a time.',
    formatCheck:
      'Each value is checked as if it were typed into the form (A26). A row whose identifying field (such as the student number) repeats in the file or matches an existing record cannot be imported.',
    formatImportant:
      'This file is marked important: imported records wait until another person has checked them against the source (A26).',
    file: 'File to import',
    fileHelp: 'Choose a CSV or Excel (.xlsx) file.',
    check: 'Check the file',
    checking: 'Checking…',
    counts: 'Result of the check',
    format: 'Format: {{format}}',
    total: 'Rows',
    valid: 'Rows to import',
    invalid: 'Rows with problems',
    mappingTitle: 'Column mapping',
    mappingLead:
      'For each field of the record, choose the column of the file it comes from. The columns the headings suggest are selected.',
    mappingCaption: 'Fields and their columns',
    field: 'Field',
    column: 'Column of the file',
    noColumn: '(not imported)',
    columnOption: 'Column {{number}}: {{heading}}',
    refused: {
      not_granted: 'This field is outside your grant and cannot be imported.',
      my_number:
        'My Numbers are imported only by designated handlers, from a handling-area terminal, for a My Number purpose.',
    },
    recheck: 'Check again with this mapping',
    mappingChanged: 'You changed the mapping. Choose “Check again with this mapping” before importing.',
    mappingProblems: 'The column mapping has problems. Check each field.',
    blocked:
      '{{count}} rows have problems, so the file cannot be imported. Fix them and choose the file again (nothing was imported).',
    ready: '{{count}} records can be imported.',
    rowsTitle: 'Rows with problems',
    rowsCaption: 'Rows with problems and what is wrong',
    line: 'Line',
    errors: 'Problems',
    errorLine: '{{field}}: {{message}}',
    firstLine: ' (same as line {{line}})',
    more: '{{count}} more rows have problems. Fix the rows shown, then check again.',
    submit: 'Import',
    starting: 'Starting the import…',
    progressTitle: 'Import',
    progress: 'Import progress',
    progressText: '{{done}} of {{total}} records',
    running: 'Importing. The import continues if you close this page.',
    done: '{{count}} records imported.',
    donePending: '{{count}} records imported. They await another person’s check against the source (A26).',
    failed: 'The import failed, so no record was imported.',
    toFile: 'To the file’s records',
    another: 'Import another file',
  },
};
