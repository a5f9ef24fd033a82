/** Messages of issue 11 — server rooms and storage facilities (A32, A33). */
export const jaFacilityRooms = {
  facilityRooms: {
    title: '情報システム室等',
  },
};
