/** Japanese messages of issue 7: purpose. */
export const jaPurpose = {
  outOfPurpose: {},
};
