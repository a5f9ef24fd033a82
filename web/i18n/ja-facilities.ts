/** Messages of issue 11 — facilities hub, devices and media (A14, A30), information systems (A23, A24, A28). */
export const jaFacilities = {
  facilities: {
    menu: '施設・機器',
    title: '施設・機器',
  },
};
