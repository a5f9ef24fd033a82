/** Messages of issue 11 — facilities hub, devices and media (A14, A30), information systems (A23, A24, A28). */
export const enFacilities = {
  facilities: {
    menu: 'Facilities',
    title: 'Facilities',
  },
};
