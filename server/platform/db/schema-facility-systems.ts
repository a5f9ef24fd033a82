/** Tables of facilities — information systems (A23, A24, A28) (issue 11); see migration 0023-facility-systems. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacilitySystemsTables {}
