/** Tables of oversight (issue 10); see migration 0020-oversight. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OversightTables {}
