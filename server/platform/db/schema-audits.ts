/** Tables of audits (issue 10); see migration 0019-audits. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditsTables {}
