/** Japanese messages of issue 10 — Training (A10): courses, sessions, completion, overdue lists. */
export const jaTraining = {
  training: {
    menu: '研修',
  },
};
