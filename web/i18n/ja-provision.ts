/** Japanese messages of issue 9: third parties — provision (A17, A18) and outsourcing (A19). */
export const jaProvision = {
  provision: {},
};
