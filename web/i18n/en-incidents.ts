/** English messages of issue 8: incidents (A34–A35, Act art. 68). */
export const enIncidents = {
  incidents: {},
};
