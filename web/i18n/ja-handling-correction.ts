/** Japanese messages of issue 7: correction. */
export const jaCorrection = {
  correction: {},
};
