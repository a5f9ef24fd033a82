/** Tables of facilities — backups and restore tests (A27) (issue 11); see migration 0025-facility-backups. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacilityBackupsTables {}
