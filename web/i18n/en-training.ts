/** English messages of issue 10 — Training (A10): courses, sessions, completion, overdue lists. */
export const enTraining = {
  training: {
    menu: 'Training',
  },
};
