/** Tables of mfa (issue 3); add `table_name: TableInterface` entries. */
export type MfaTables = Record<never, never>;
