/** Tables of third parties (issue 9; A17–A19): parties. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProvisionPartiesTables {}
