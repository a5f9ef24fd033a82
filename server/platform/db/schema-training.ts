/** Tables of training (issue 10); see migration 0018-training. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrainingTables {}
