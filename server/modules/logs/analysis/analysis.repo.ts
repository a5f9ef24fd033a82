import type { Executor } from '../../../platform/db/index.ts';
import type {
  LogAnalysisFindingTable,
  LogAnalysisReportTable,
} from '../../../platform/db/schema-log-analysis.ts';

export type ReportRow = LogAnalysisReportTable;
export type FindingRow = LogAnalysisFindingTable;

/** All SQL of the log analysis: reports, findings, and the names shown beside the ids. */
export const analysisRepo = {
  insertReport: (tx: Executor, row: ReportRow) => tx.insertInto('log_analysis_reports').values(row).execute(),

  async insertFindings(tx: Executor, rows: FindingRow[]) {
    // Chunks keep within the bound-parameter limits of both databases.
    for (let i = 0; i < rows.length; i += 200)
      await tx
        .insertInto('log_analysis_findings')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  report: (db: Executor, id: string) =>
    db.selectFrom('log_analysis_reports').selectAll().where('id', '=', id).executeTakeFirst(),

  findings: (db: Executor, reportId: string) =>
    db
      .selectFrom('log_analysis_findings')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('sort_order')
      .execute(),

  /** Reports newest first, optionally of one unit or section or by sign-off status. */
  reports(db: Executor, f: { unitId?: string; sectionId?: string; status?: 'signed' | 'unsigned' | 'all' }) {
    let q = db.selectFrom('log_analysis_reports').selectAll();
    if (f.unitId) q = q.where('unit_id', '=', f.unitId);
    if (f.sectionId) q = q.where('section_id', '=', f.sectionId);
    if (f.status === 'signed') q = q.where('signed_off_at', 'is not', null);
    if (f.status === 'unsigned') q = q.where('signed_off_at', 'is', null);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(1000).execute();
  },

  /** Unsigned reports made before an instant (compliance gaps). */
  unsignedBefore: (db: Executor, before: string) =>
    db
      .selectFrom('log_analysis_reports')
      .selectAll()
      .where('signed_off_at', 'is', null)
      .where('created_at', '<', before)
      .orderBy('created_at')
      .execute(),

  /** A scheduled report of the same scope and period exists (the weekly job is idempotent). */
  scheduledExists: async (
    db: Executor,
    r: { section_id: string | null; unit_id: string; period_from: string },
  ) =>
    !!(await db
      .selectFrom('log_analysis_reports')
      .select('id')
      .where('trigger', '=', 'scheduled')
      .where('unit_id', '=', r.unit_id)
      .where((eb) => (r.section_id ? eb('section_id', '=', r.section_id) : eb('section_id', 'is', null)))
      .where('period_from', '=', r.period_from)
      .executeTakeFirst()),

  signOff: (
    tx: Executor,
    id: string,
    set: { signed_off_at: string; signed_off_by: string; sign_off_comment: string },
  ) =>
    tx
      .updateTable('log_analysis_reports')
      .set(set)
      .where('id', '=', id)
      .where('signed_off_at', 'is', null)
      .executeTakeFirst(),

  /** Sections that handle held personal information (A6): each gets a weekly report. */
  handlingSections: (db: Executor) =>
    db
      .selectFrom('sections')
      .select(['id', 'unit_id'])
      .where('handles_personal_info', '=', 1)
      .orderBy('unit_id')
      .orderBy('sort_order')
      .execute(),

  /** Every unit and every section handling held personal information, with names, in reading order. */
  async scopes(db: Executor) {
    const [units, sections] = await Promise.all([
      db.selectFrom('units').select(['id', 'name']).orderBy('sort_order').orderBy('code').execute(),
      db
        .selectFrom('sections')
        .select(['id', 'unit_id', 'name'])
        .where('handles_personal_info', '=', 1)
        .orderBy('sort_order')
        .execute(),
    ]);
    return { units, sections };
  },

  unit: (db: Executor, id: string) =>
    db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirst(),
  section: (db: Executor, id: string) =>
    db.selectFrom('sections').select(['id', 'unit_id', 'name']).where('id', '=', id).executeTakeFirst(),

  /** Names of units and sections by id, for presenting. */
  async scopeNames(db: Executor, unitIds: string[], sectionIds: string[]) {
    const [units, sections] = await Promise.all([
      unitIds.length
        ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
        : Promise.resolve([]),
      sectionIds.length
        ? db.selectFrom('sections').select(['id', 'name']).where('id', 'in', sectionIds).execute()
        : Promise.resolve([]),
    ]);
    return {
      units: new Map(units.map((u) => [u.id, u.name])),
      sections: new Map(sections.map((s) => [s.id, s.name])),
    };
  },

  /** Names and employee numbers of people by id, for presenting. */
  async people(db: Executor, ids: string[]) {
    const unique = [...new Set(ids)];
    const out = new Map<string, { id: string; name: string; employeeNumber: string }>();
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'family_name', 'given_name', 'employee_number'])
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const p of rows)
        out.set(p.id, {
          id: p.id,
          name: `${p.family_name} ${p.given_name}`,
          employeeNumber: p.employee_number,
        });
    }
    return out;
  },

  setting: async (db: Executor, key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value,
  async putSetting(tx: Executor, key: string, value: string, now: string) {
    await tx.deleteFrom('settings').where('key', '=', key).execute();
    await tx.insertInto('settings').values({ key, value, updated_at: now }).execute();
  },
};
