/** Tables of terminals (issue 3); add `table_name: TableInterface` entries. */
export type TerminalTables = Record<never, never>;
