/** Japanese messages of issue 7: usage. */
export const jaUsage = {
  usageLedger: {},
};
