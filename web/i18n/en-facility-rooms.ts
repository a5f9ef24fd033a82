/** Messages of issue 11 — server rooms and storage facilities (A32, A33). */
export const enFacilityRooms = {
  facilityRooms: {
    title: 'Server rooms',
  },
};
