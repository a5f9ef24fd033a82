/** Tables of sso (issue 3); add `table_name: TableInterface` entries. */
export type SsoTables = Record<never, never>;
