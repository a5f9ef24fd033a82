/**
 * Tables of individuals' requests — the remedies part (issue 12). STUB: the remedies helper writes them, with
 * the migration of its part.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestsRemediesTables {}
