/** YYYY-MM-DD plus n days (calendar arithmetic in UTC: no time zone moves a date). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
