/** Tables of facilities — server rooms and storage facilities (A32, A33) (issue 11); see migration 0024-facility-rooms. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacilityRoomsTables {}
