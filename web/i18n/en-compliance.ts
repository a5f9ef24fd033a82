/** English messages of issue 10 — The compliance overview: units x articles, drill-down, trend. */
export const enCompliance = {
  compliance: {
    menu: 'Compliance',
  },
};
