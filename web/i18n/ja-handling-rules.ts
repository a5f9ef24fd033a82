/** Japanese messages of issue 7: rules. */
export const jaHandlingRules = {
  handlingRules: {},
};
