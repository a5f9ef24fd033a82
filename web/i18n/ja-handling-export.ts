/** Japanese messages of issue 7: export. */
export const jaExport = {
  exportCopy: {},
};
