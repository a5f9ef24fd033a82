/** English messages of issue 10 — Audits (A36): plans, checklists, evidence, findings, reports. */
export const enAudits = {
  audits: {
    menu: 'Audits',
  },
};
