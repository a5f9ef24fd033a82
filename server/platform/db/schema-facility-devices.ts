/** Tables of facilities — devices and media (A14, A30) (issue 11); see migration 0022-facility-devices. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacilityDevicesTables {}
