/** Japanese messages of issue 7: movements. */
export const jaMovements = {
  movement: {},
};
