/**
 * A backup or restore-test schedule (a cron expression of five fields, Tokyo time) in the shapes an
 * office reads at a glance: every day at H:MM, or every week on a day at H:MM. Anything else stays
 * as the expression itself.
 */
export type ScheduleWords =
  { kind: 'daily'; time: string } | { kind: 'weekly'; day: number; time: string } | null;

const number = (v: string, max: number) => (/^\d{1,2}$/.test(v) && Number(v) <= max ? Number(v) : null);

export function scheduleWords(cron: string): ScheduleWords {
  const [m, h, dom, mon, dow, ...rest] = cron.trim().split(/\s+/);
  const minute = number(m ?? '', 59);
  const hour = number(h ?? '', 23);
  if (rest.length || minute === null || hour === null || dom !== '*' || mon !== '*') return null;
  const time = `${hour}:${String(minute).padStart(2, '0')}`;
  if (dow === '*') return { kind: 'daily', time };
  const day = number(dow ?? '', 7);
  return day === null ? null : { kind: 'weekly', day: day % 7, time };
}
