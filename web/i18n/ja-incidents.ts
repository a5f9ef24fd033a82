/** Japanese messages of issue 8: incidents (A34–A35, 法68). */
export const jaIncidents = {
  incidents: {},
};
