import {
  analysisRequest,
  reportFilter,
  signOffInput,
  type AnalysisScopeView,
  type ReportSummaryView,
  type ReportView,
} from '../../../../shared/api/log-analysis.ts';
import type { GapView } from '../../../../shared/api/organisation.ts';
import { gapAt } from '../../organisation/index.ts';
import { systemCtx, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { MAX_PERIOD_DAYS, SIGN_OFF_DAYS, type LogAnalysisDeps } from './analysis.deps.ts';
import { reportSubject } from './analysis.policy.ts';
import { presentFinding, presentSummary, settingsOf } from './analysis.presenters.ts';
import { analysisRepo, type ReportRow } from './analysis.repo.ts';
import { collect, type AnalysisScope } from './collect.ts';
import { analyse } from './rules.ts';
import type { SettingsService } from './settings.service.ts';
import { nextDay, tokyoMidnight, tokyoTime } from './working-time.ts';

const DAY_MS = 86_400_000;

/**
 * Analysis reports (A22-1): made weekly per section that handles held personal information and on
 * demand per unit or section; reviewed and signed off by the responsible 保護管理者 (a unit's by its
 * 総括保護管理者). A report left unsigned for SIGN_OFF_DAYS is a compliance gap.
 */
export function createReportService(deps: LogAnalysisDeps & { settings: SettingsService }) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;

  const overdueBefore = () => new Date(clock.now().getTime() - SIGN_OFF_DAYS * DAY_MS).toISOString();

  /** Analyses a scope and stores the report with its findings; audited. No authorisation here. */
  async function make(
    ctx: Ctx,
    scope: AnalysisScope,
    trigger: 'scheduled' | 'on_demand',
  ): Promise<ReportRow> {
    const settings = await deps.settings.current();
    // What is analysed is what is in the tree: the sequencer also fills the record index that the
    // volume baselines count (A22-1, A22-2).
    await deps.ledger.sequence();
    const { input, entryCount } = await collect(deps, scope, settings);
    const findings = analyse(input);
    const row: ReportRow = {
      id: newId(),
      scope_kind: scope.sectionId ? 'section' : 'unit',
      unit_id: scope.unitId,
      section_id: scope.sectionId,
      period_from: scope.from,
      period_to: scope.to,
      trigger,
      requested_by: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      created_at: clock.now().toISOString(),
      entry_count: entryCount,
      finding_count: findings.length,
      rules: JSON.stringify(settings),
      signed_off_at: null,
      signed_off_by: null,
      sign_off_comment: null,
    };
    await database.transaction(async (tx) => {
      await analysisRepo.insertReport(tx, row);
      await analysisRepo.insertFindings(
        tx,
        findings.map((f, i) => ({
          id: newId(),
          report_id: row.id,
          rule: f.rule,
          actor_id: f.actorId,
          count: f.count,
          entry_ids: JSON.stringify(f.entryIds),
          detail: JSON.stringify(f.detail),
          first_at: f.firstAt,
          last_at: f.lastAt,
          sort_order: i,
        })),
      );
      await ledger.audit(tx, ctx, {
        type: 'log_analysis.report_created',
        subjectType: 'LogAnalysisReport',
        subjectId: row.id,
        unitId: row.unit_id,
        sectionId: row.section_id,
        data: { trigger, periodFrom: row.period_from, periodTo: row.period_to, findings: findings.length },
      });
    });
    return row;
  }

  async function present(ctx: Ctx, rows: ReportRow[], actors: string[] = []): Promise<ReportSummaryView[]> {
    const [scopes, people] = await Promise.all([
      analysisRepo.scopeNames(
        db,
        rows.map((r) => r.unit_id),
        rows.flatMap((r) => (r.section_id ? [r.section_id] : [])),
      ),
      analysisRepo.people(db, [
        ...rows.flatMap((r) => (r.signed_off_by ? [r.signed_off_by] : [])),
        ...actors,
      ]),
    ]);
    const before = overdueBefore();
    return rows.map((r) =>
      presentSummary(
        r,
        { ...scopes, people },
        {
          overdue: r.signed_off_at === null && r.created_at < before,
          canSignOff:
            r.signed_off_at === null && authz.can(ctx, 'signOff', 'LogAnalysisReport', reportSubject(r)),
        },
      ),
    );
  }

  /** A report the caller may read, else log_analysis.report_not_found (404). */
  async function visible(ctx: Ctx, id: string): Promise<ReportRow> {
    const row = await analysisRepo.report(db, id);
    if (!row || !authz.can(ctx, 'read', 'LogAnalysisReport', reportSubject(row)))
      throw new AppError('log_analysis.report_not_found');
    return row;
  }

  /** One report with its findings and the settings it was made with. */
  async function get(ctx: Ctx, id: string): Promise<ReportView> {
    const row = await visible(ctx, id);
    const findings = await analysisRepo.findings(db, id);
    const actors = findings.flatMap((f) => (f.actor_id ? [f.actor_id] : []));
    const [summary] = await present(ctx, [row], actors);
    const people = await analysisRepo.people(db, actors);
    return {
      ...summary!,
      settings: settingsOf(row),
      findings: findings.map((f) => presentFinding(f, people)),
    };
  }

  /** Reports the caller may read, newest first. Throws auth.forbidden for someone who may read none. */
  async function list(ctx: Ctx, raw: unknown): Promise<ReportSummaryView[]> {
    const filter = reportFilter.parse(raw ?? {});
    await authz.assertCan(ctx, 'read', 'LogAnalysisReport');
    const rows = (await analysisRepo.reports(db, filter)).filter((r) =>
      authz.can(ctx, 'read', 'LogAnalysisReport', reportSubject(r)),
    );
    return present(ctx, rows);
  }

  /** Analyses a unit or section for a period of Tokyo days now (A22-1 「随時」); audited. */
  async function run(ctx: Ctx, raw: unknown): Promise<ReportView> {
    const input = analysisRequest.parse(raw);
    const section =
      input.scopeKind === 'section' ? await analysisRepo.section(db, input.sectionId!) : undefined;
    const unitId = section ? section.unit_id : (input.unitId ?? '');
    await authz.assertCan(
      ctx,
      'create',
      'LogAnalysisReport',
      reportSubject({ unit_id: unitId, section_id: section?.id ?? null }),
    );
    if (input.scopeKind === 'section' ? !section : !(await analysisRepo.unit(db, unitId)))
      throw new AppError('log_analysis.scope_not_found');
    const from = tokyoMidnight(input.fromDay);
    const to = tokyoMidnight(nextDay(input.toDay));
    if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_DAYS * DAY_MS)
      throw new AppError('log_analysis.period_too_long');
    const row = await make(ctx, { unitId, sectionId: section?.id ?? null, from, to }, 'on_demand');
    return get(ctx, row.id);
  }

  /**
   * The weekly analysis (A22-1 「定期に」): the week Monday–Sunday before today (Tokyo), for every section
   * that handles held personal information; a section already analysed for that week is skipped.
   */
  async function runWeekly(): Promise<number> {
    const today = clock.today();
    const weekday = tokyoTime(clock.now()).weekday;
    const monday = new Date(Date.parse(`${today}T00:00:00Z`) - ((weekday + 6) % 7) * DAY_MS);
    const to = tokyoMidnight(monday.toISOString().slice(0, 10));
    const from = new Date(Date.parse(to) - 7 * DAY_MS).toISOString();
    const ctx = systemCtx('weekly log analysis');
    let made = 0;
    for (const s of await analysisRepo.handlingSections(db)) {
      const scope = { unitId: s.unit_id, sectionId: s.id, from, to };
      if (await analysisRepo.scheduledExists(db, { unit_id: s.unit_id, section_id: s.id, period_from: from }))
        continue;
      await make(ctx, scope, 'scheduled');
      made += 1;
    }
    return made;
  }

  /** Signs a report off with a comment (A22-1: reviewed by the responsible manager); audited. */
  async function signOff(ctx: Ctx, id: string, raw: unknown): Promise<ReportView> {
    const input = signOffInput.parse(raw);
    const row = await visible(ctx, id);
    await authz.assertCan(ctx, 'signOff', 'LogAnalysisReport', reportSubject(row));
    if (row.signed_off_at) throw new AppError('log_analysis.already_signed');
    const personId = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
    if (!personId) throw new AppError('auth.forbidden');
    await database.transaction(async (tx) => {
      const done = await analysisRepo.signOff(tx, id, {
        signed_off_at: clock.now().toISOString(),
        signed_off_by: personId,
        sign_off_comment: input.comment,
      });
      if (Number(done.numUpdatedRows) === 0) throw new AppError('log_analysis.already_signed');
      await ledger.audit(tx, ctx, {
        type: 'log_analysis.report_signed_off',
        subjectType: 'LogAnalysisReport',
        subjectId: id,
        unitId: row.unit_id,
        sectionId: row.section_id,
        data: { findings: row.finding_count },
      });
    });
    return get(ctx, id);
  }

  /** A22-1: reports unsigned for SIGN_OFF_DAYS, one gap per section or unit, for the gaps list. */
  async function gaps(): Promise<GapView[]> {
    const rows = await analysisRepo.unsignedBefore(db, overdueBefore());
    const byScope = new Map(rows.map((r) => [`${r.unit_id}|${r.section_id ?? ''}`, r]));
    const names = await analysisRepo.scopeNames(
      db,
      [...byScope.values()].map((r) => r.unit_id),
      [...byScope.values()].flatMap((r) => (r.section_id ? [r.section_id] : [])),
    );
    return [...byScope.values()].map((r) =>
      gapAt(names, {
        kind: 'analysis_unsigned',
        role: r.section_id ? 'protection_manager' : 'chief_protection_manager',
        scope: r.section_id ? 'section' : 'unit',
        unitId: r.unit_id,
        sectionId: r.section_id,
        article: 'A22-1',
      }),
    );
  }

  /** The units and sections the caller may analyse on demand, in reading order. */
  async function scopes(ctx: Ctx): Promise<AnalysisScopeView[]> {
    await authz.assertCan(ctx, 'create', 'LogAnalysisReport');
    const { units, sections } = await analysisRepo.scopes(db);
    const out: AnalysisScopeView[] = [];
    for (const u of units) {
      if (authz.can(ctx, 'create', 'LogAnalysisReport', reportSubject({ unit_id: u.id, section_id: null })))
        out.push({ scopeKind: 'unit', unitId: u.id, unitName: u.name, sectionId: null, sectionName: null });
      for (const s of sections.filter((x) => x.unit_id === u.id))
        if (authz.can(ctx, 'create', 'LogAnalysisReport', reportSubject({ unit_id: u.id, section_id: s.id })))
          out.push({
            scopeKind: 'section',
            unitId: u.id,
            unitName: u.name,
            sectionId: s.id,
            sectionName: s.name,
          });
    }
    return out;
  }

  return { make, run, runWeekly, list, get, signOff, gaps, scopes };
}

export type ReportService = ReturnType<typeof createReportService>;
