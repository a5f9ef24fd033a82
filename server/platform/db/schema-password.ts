/** Tables of password (issue 3); add `table_name: TableInterface` entries. */
export type PasswordTables = Record<never, never>;
