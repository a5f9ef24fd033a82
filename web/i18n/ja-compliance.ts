/** Japanese messages of issue 10 — The compliance overview: units x articles, drill-down, trend. */
export const jaCompliance = {
  compliance: {
    menu: 'コンプライアンス状況',
  },
};
