/** Japanese messages of issue 10 — Audits (A36): plans, checklists, evidence, findings, reports. */
export const jaAudits = {
  audits: {
    menu: '監査',
  },
};
