/** Tables of compliance (issue 10); see migration 0021-compliance. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComplianceTables {}
