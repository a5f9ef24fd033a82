/** Japanese messages of issue 10 — inspections by 保護管理者 (A37) and the yearly evaluation (A38). */
export const jaReviews = {
  reviews: {
    inspections: '点検',
    evaluations: '評価・見直し',
  },
};
