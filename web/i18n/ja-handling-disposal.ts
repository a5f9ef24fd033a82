/** Japanese messages of issue 7: disposal. */
export const jaDisposal = {
  disposal: {},
};
