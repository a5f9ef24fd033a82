import {
  incidentListQuery,
  type IncidentSummaryView,
  type IncidentView,
} from '../../../shared/api/incidents.ts';
import type { Ctx } from '../../platform/context.ts';
import { createDecisions } from './decisions.ts';
import { createIncidentsCore } from './incidents.core.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { createNamer, presentSummary } from './incidents.presenters.ts';
import { incidentsRepo, type IncidentRow, type ReadScope } from './incidents.repo.ts';
import { parseLoaded, readIncident, whoActs, type Directory } from './incidents.reading.ts';
import { createInvestigation } from './investigation.ts';
import { createMeasures } from './measures.ts';
import { renderIncidentReport } from './report.pdf.ts';
import { createReporting } from './report.ts';
import type { IncidentSettingsService } from './settings.service.ts';
import { createSteps } from './steps.ts';

/** Those who see every incident: the 総括管理者 (A4), the 理事長 (A34-4) and the 監査責任者 (A8). */
const SEE_ALL = new Set(['chief_manager', 'president', 'audit_officer']);

/** The incidents a caller reads, as SQL can select them (see incidents.policy.ts). */
function scopeOf(ctx: Ctx): ReadScope {
  if (ctx.actor.kind !== 'person') return { all: true, unitIds: [], sectionIds: [], personId: '' };
  const roles = ctx.actor.roles;
  return {
    all: roles.some((r) => SEE_ALL.has(r.role)),
    unitIds: roles.flatMap((r) => (r.role === 'chief_protection_manager' && r.unitId ? [r.unitId] : [])),
    sectionIds: roles.flatMap((r) => (r.role === 'protection_manager' && r.sectionId ? [r.sectionId] : [])),
    personId: ctx.actor.personId,
  };
}

/**
 * Incidents (issue 8; rule 65 A34–A35, 法68): the board, the view, and every use case, each of
 * which authorises the caller, checks the rule and writes with its audit event in one transaction.
 */
export function createIncidentsService(deps: IncidentsDeps, settings: IncidentSettingsService) {
  const core = createIncidentsCore(deps, settings);
  const reporting = createReporting(deps, core);
  const investigation = createInvestigation(deps, core);
  const steps = createSteps(core);
  const decisions = createDecisions(core);
  const measures = createMeasures(deps, core);

  /** The open incidents (or closed ones) a caller reads, each read once with the seats' holders. */
  async function readAll(ctx: Ctx, status: 'open' | 'closed', limit: number) {
    const rows = await incidentsRepo.list(core.db, scopeOf(ctx), status, status === 'open' ? 5000 : limit);
    const ids = rows.map((r) => r.id);
    const [allSteps, allMeasures, s] = await Promise.all([
      incidentsRepo.steps(core.db, ids),
      incidentsRepo.measures(core.db, ids),
      settings.current(),
    ]);
    const dirs = new Map<string, Promise<Directory>>();
    const dirOf = (row: IncidentRow) => {
      const key = `${row.unit_id}:${row.section_id}`;
      let d = dirs.get(key);
      if (!d) dirs.set(key, (d = core.directory(row)));
      return d;
    };
    const today = deps.clock.today();
    const out = [];
    for (const row of rows) {
      const loaded = parseLoaded(
        row,
        allSteps.filter((x) => x.incident_id === row.id),
        allMeasures.filter((x) => x.incident_id === row.id),
      );
      if (!core.reads(ctx, loaded)) continue;
      out.push({ loaded, reading: readIncident(loaded, s, today), dir: await dirOf(row) });
    }
    return out;
  }

  /**
   * The board (state open: ordered by the nearest unmet due date, none last; closed: newest first;
   * all: both). Only what the caller reads.
   */
  async function list(ctx: Ctx, raw: unknown = {}) {
    const me = core.personOf(ctx);
    const q = incidentListQuery.parse(raw ?? {});
    const n = createNamer(deps);
    const summaries = async (status: 'open' | 'closed'): Promise<IncidentSummaryView[]> => {
      const read = await readAll(ctx, status, q.limit);
      const views = await Promise.all(read.map((x) => presentSummary(n, x.loaded, x.reading, x.dir, me)));
      if (status === 'open')
        views.sort(
          (a, b) =>
            (a.nextDeadline?.due ?? '9999').localeCompare(b.nextDeadline?.due ?? '9999') ||
            a.awareAt.localeCompare(b.awareAt),
        );
      return views;
    };
    const incidents =
      q.state === 'all'
        ? [...(await summaries('open')), ...(await summaries('closed'))]
        : await summaries(q.state);
    return {
      incidents: incidents.slice(0, q.limit),
      canConfigure: deps.authz.can(ctx, 'configure', 'IncidentSettings'),
    };
  }

  /** For the navigation: open incidents the caller reads, and those where they must act next. */
  async function counts(ctx: Ctx): Promise<{ toAct: number; open: number }> {
    const me = core.personOf(ctx);
    const read = await readAll(ctx, 'open', 5000);
    const toAct = read.filter((x) => whoActs(x.reading.actions, x.dir).has(me)).length;
    return { toAct, open: read.length };
  }

  /** One incident. Throws incidents.not_found outside the caller's view. */
  const get = (ctx: Ctx, id: string): Promise<IncidentView> => core.view(ctx, id);

  /** The internal report as PDF (audit incident.report_printed). */
  async function pdf(ctx: Ctx, id: string): Promise<{ filename: string; body: Buffer }> {
    const v = await core.view(ctx, id);
    const me = core.personOf(ctx);
    const generatedAt = deps.clock.now().toISOString();
    const body = await renderIncidentReport(v, {
      generatedAt,
      generatedByName: (await deps.person(me))?.name ?? '',
    });
    await deps.ledger.audit(core.db, ctx, {
      type: 'incident.report_printed',
      subjectType: 'Incident',
      subjectId: v.id,
      unitId: v.unitId,
      sectionId: v.sectionId,
      data: { number: v.number },
    });
    return { filename: `incident-${v.number}.pdf`, body };
  }

  return {
    form: reporting.form,
    report: reporting.report,
    list,
    counts,
    get,
    contain: investigation.contain,
    saveFacts: investigation.saveFacts,
    addLink: investigation.addLink,
    removeLink: investigation.removeLink,
    recordStep: steps.record,
    recordNotice: decisions.notice,
    recordPublication: decisions.publication,
    addMeasure: measures.add,
    completeMeasure: measures.complete,
    close: decisions.close,
    pdf,
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
