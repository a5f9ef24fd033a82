/** Messages of issue 11 — backups and restore tests (A27). */
export const enFacilityBackups = {
  facilityBackups: {
    title: 'Backups',
  },
};
