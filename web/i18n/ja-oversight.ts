/** Japanese messages of issue 10 — Oversight: inspections (A37), evaluation (A38), the committee (A9), guidance (A39), local rules (A40), historical materials (A41). */
export const jaOversight = {
  oversight: {
    menu: '点検・評価・委員会',
  },
};
