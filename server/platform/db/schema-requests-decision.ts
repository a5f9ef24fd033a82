/**
 * Tables of individuals' requests — the decision part (issue 12). STUB: the decision helper writes them, with
 * the migration of its part.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestsDecisionTables {}
