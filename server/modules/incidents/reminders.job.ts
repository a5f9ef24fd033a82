import type { DeadlineView, IncidentStep } from '../../../shared/api/incidents.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { STEP_ACTOR } from './law/chain.ts';
import { addDays } from './law/deadlines.ts';
import type { IncidentsCore } from './incidents.core.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { incidentsRepo } from './incidents.repo.ts';
import { actorsOf, readIncident, type Directory, type Loaded } from './incidents.reading.ts';
import { loadOpenIncidents } from './open-incidents.ts';
import type { IncidentSettingsService } from './settings.service.ts';

/** Every morning at 08:00 in Tokyo, before the working day. */
export const REMINDER_PATTERN = '0 8 * * *';

/** Who must meet a due date: the step's role (法68①: the 総括管理者), or the measure's owner. */
function whoMeets(d: DeadlineView, l: Loaded, dir: Directory): string[] {
  if (d.what === 'measure') {
    const m = l.measures.find((x) => x.id === d.ref);
    return m ? [m.owner_id] : [];
  }
  const step = (d.what === 'internal' ? d.ref : d.what) as IncidentStep;
  return STEP_ACTOR[step] ? actorsOf(dir, STEP_ACTOR[step]) : [];
}

/**
 * Reminders (issue 8 "reminders and escalation mails as deadlines approach"): for every open
 * incident, each unmet due date within `reminderDays` is told to those who must meet it
 * (incident.deadline_near), and each one passed (incident.deadline_overdue) — at most once per due
 * date per day, in the app and by mail.
 */
export function createIncidentReminders(
  deps: IncidentsDeps,
  core: IncidentsCore,
  settings: IncidentSettingsService,
) {
  const { database, clock, notifications } = deps;

  /** Sends what is due today; answers how many reminders were sent. */
  async function remind(): Promise<number> {
    const today = clock.today();
    const s = await settings.current();
    const horizon = addDays(today, s.reminderDays);
    let sent = 0;
    for (const l of await loadOpenIncidents(database.db)) {
      const row = l.row;
      const due = readIncident(l, s, today).deadlines.filter((d) => !d.met && d.due <= horizon);
      if (due.length === 0) continue;
      const dir = await core.directory(row);
      for (const d of due) {
        const key = `${d.what}:${d.ref ?? ''}`;
        if (await incidentsRepo.reminded(database.db, row.id, key, today)) continue;
        const kind = d.due < today ? 'incident.deadline_overdue' : 'incident.deadline_near';
        const people = whoMeets(d, l, dir);
        try {
          await database.transaction(async (tx) => {
            await incidentsRepo.insertReminder(tx, {
              incident_id: row.id,
              deadline: key,
              sent_on: today,
              kind,
            });
            await core.notify(tx, people, kind, row);
          });
          sent++;
        } catch (e) {
          // Another server sent it first: the primary key keeps one per due date and day.
          if (!/unique|duplicate|primary/i.test(String((e as Error).message))) throw e;
        }
      }
    }
    if (sent) notifications.flushSoon();
    return sent;
  }

  const job: Job = {
    name: 'incidents-reminders',
    pattern: REMINDER_PATTERN,
    timezone: 'Asia/Tokyo',
    run: async () => void (await remind()),
  };

  return { remind, job };
}
