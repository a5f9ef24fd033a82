/** Japanese messages of issue 7: approvals. */
export const jaApprovals = {
  approvals: {},
};
