/** English messages of issue 10 — inspections by 保護管理者 (A37) and the yearly evaluation (A38). */
export const enReviews = {
  reviews: {
    inspections: 'Inspections',
    evaluations: 'Evaluation and revision',
  },
};
