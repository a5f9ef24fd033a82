import {
  INCIDENT_STEPS,
  type IncidentStep,
  type IncidentSummaryView,
  type IncidentView,
  type LinkKind,
  type LinkView,
  type MeasureView,
  type StepView,
  type TimelineEntryView,
  type TimelineKind,
} from '../../../shared/api/incidents.ts';
import { STEP_ACTOR, stepOptional, stepStatus } from './law/chain.ts';
import { ppcReportItems } from './law/ppc-report.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import type { EventRow, LinkRow } from './incidents.repo.ts';
import { actorsOf, type Directory, type Loaded, type Reading } from './incidents.reading.ts';

/** Names for one answer, read once: units and sections, people. */
export function createNamer(deps: Pick<IncidentsDeps, 'names' | 'person'>) {
  const people = new Map<string, Promise<string | null>>();
  let org: ReturnType<IncidentsDeps['names']> | null = null;
  const person = (id: string | null): Promise<string | null> => {
    if (!id) return Promise.resolve(null);
    let p = people.get(id);
    if (!p) {
      p = deps.person(id).then((x) => x?.name ?? null);
      people.set(id, p);
    }
    return p;
  };
  return { org: () => (org ??= deps.names()), person };
}
export type Namer = ReturnType<typeof createNamer>;

/** The board's line of an incident: what it is, the law's decision, the nearest due date, who acts next. */
export async function presentSummary(
  n: Namer,
  l: Loaded,
  r: Reading,
  dir: Directory,
  me: string | null,
): Promise<IncidentSummaryView> {
  const org = await n.org();
  const nextActions = await Promise.all(
    r.actions.map(async (a) => {
      const ids = actorsOf(dir, a.actor);
      const names = await Promise.all(ids.map((id) => n.person(id)));
      return {
        action: a.action,
        actor: a.actor,
        actorNames: names.filter((x): x is string => x !== null),
        due: a.due,
        article: a.article,
        ids,
      };
    }),
  );
  return {
    id: l.row.id,
    number: l.row.number,
    summary: l.row.summary,
    unitName: org.units.get(l.row.unit_id) ?? '',
    sectionName: org.sections.get(l.row.section_id) ?? '',
    status: l.row.status === 'closed' ? 'closed' : 'open',
    awareAt: l.row.aware_at,
    reportedAt: l.row.reported_at,
    ppc: r.decision,
    serious: l.facts.serious,
    nextDeadline: r.nextDeadline,
    nextActions: nextActions.map(({ ids: _ids, ...a }) => a),
    mine: me !== null && nextActions.some((a) => a.ids.includes(me)),
  };
}

/** What the caller may do with the incident now (the screen's buttons). */
export interface Caps {
  manage: boolean;
  oversee: boolean;
  /** May act as each role of the chain. */
  actAs: Record<'protection_manager' | 'chief_protection_manager' | 'chief_manager', boolean>;
  me: string | null;
}

function presentSteps(n: Namer, l: Loaded, r: Reading, caps: Caps): Promise<StepView[]> {
  const open = l.row.status === 'open';
  return Promise.all(
    INCIDENT_STEPS.map(async (step: IncidentStep) => {
      const row = l.steps.find((s) => s.step === step);
      const status = stepStatus(step, r.state);
      const actor = STEP_ACTOR[step];
      return {
        step,
        status,
        actor,
        at: row?.at ?? null,
        byName: row ? await n.person(row.by_id) : null,
        to: row?.to_whom ?? null,
        note: row?.note ?? null,
        optional: stepOptional(step, r.state),
        canRecord: open && status === 'pending' && caps.actAs[actor],
      };
    }),
  );
}

async function presentMeasures(n: Namer, l: Loaded, caps: Caps, today: string): Promise<MeasureView[]> {
  const open = l.row.status === 'open';
  return Promise.all(
    l.measures.map(async (m) => ({
      id: m.id,
      text: m.text,
      ownerId: m.owner_id,
      ownerName: (await n.person(m.owner_id)) ?? '',
      due: m.due,
      doneAt: m.done_at,
      doneByName: await n.person(m.done_by),
      note: m.note,
      overdue: !m.done_at && m.due < today,
      canComplete: open && !m.done_at && (caps.manage || caps.me === m.owner_id),
    })),
  );
}

const timelineData = (raw: string): TimelineEntryView['data'] => {
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  const out: TimelineEntryView['data'] = {};
  for (const [k, v] of Object.entries(parsed))
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v))
      out[k] = v as string | number | boolean | null;
  return out;
};

function presentTimeline(n: Namer, events: EventRow[]): Promise<TimelineEntryView[]> {
  return Promise.all(
    events.map(async (e) => ({
      id: e.id,
      kind: e.kind as TimelineKind,
      at: e.at,
      recordedAt: e.recorded_at,
      byName: await n.person(e.by_id),
      text: e.text,
      data: timelineData(e.data),
    })),
  );
}

/** A link with the path where the app shows it, when the caller may see it there (computed by the service). */
export const presentLink = (l: LinkRow, path: string | null): LinkView => ({
  id: l.id,
  kind: l.kind as LinkKind,
  ref: l.ref,
  label: l.label,
  path,
});

/** The whole incident: the summary, its facts, due dates, steps, links, measures, timeline, PPC items. */
export async function presentIncident(
  n: Namer,
  input: {
    loaded: Loaded;
    reading: Reading;
    dir: Directory;
    caps: Caps;
    events: EventRow[];
    links: LinkView[];
    owners: { id: string; name: string }[];
    today: string;
  },
): Promise<IncidentView> {
  const { loaded: l, reading: r, dir, caps } = input;
  const open = l.row.status === 'open';
  const summary = await presentSummary(n, l, r, dir, caps.me);
  const measures = await presentMeasures(n, l, caps, input.today);
  const view: Omit<IncidentView, 'ppcReport'> = {
    ...summary,
    unitId: l.row.unit_id,
    sectionId: l.row.section_id,
    reportedByName: (await n.person(l.row.reported_by)) ?? '',
    systems: l.row.systems,
    actionsTaken: l.row.actions_taken,
    facts: { ...l.facts, updatedAt: l.row.facts_updated_at },
    deadlines: r.deadlines,
    steps: await presentSteps(n, l, r, caps),
    links: input.links,
    measures,
    notice: l.notice ? { ...l.notice, recordedAt: l.row.notice_recorded_at } : null,
    publication: l.publication ? { ...l.publication, recordedAt: l.row.publication_recorded_at } : null,
    closedAt: l.row.closed_at,
    closeSummary: l.row.close_summary,
    timeline: await presentTimeline(n, input.events),
    owners: input.owners,
    can: {
      contain: open && caps.manage,
      investigate: open && caps.manage,
      link: open && caps.manage,
      notice: open && caps.oversee,
      publication: open && caps.oversee,
      measures: open && caps.manage,
      close: open && caps.oversee,
    },
  };
  return { ...view, ppcReport: ppcReportItems(view) };
}
