import type {
  AnalysisRule,
  AnalysisSettings,
  FindingView,
  ReportSummaryView,
} from '../../../../shared/api/log-analysis.ts';
import type { FindingRow, ReportRow } from './analysis.repo.ts';

type PersonRef = { id: string; name: string; employeeNumber: string };

export interface Names {
  units: Map<string, string>;
  sections: Map<string, string>;
  people: Map<string, PersonRef>;
}

export function presentSummary(
  row: ReportRow,
  names: Names,
  flags: { overdue: boolean; canSignOff: boolean },
): ReportSummaryView {
  return {
    id: row.id,
    scopeKind: row.scope_kind as 'section' | 'unit',
    unitId: row.unit_id,
    unitName: names.units.get(row.unit_id) ?? '',
    sectionId: row.section_id,
    sectionName: row.section_id ? (names.sections.get(row.section_id) ?? '') : null,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    trigger: row.trigger as 'scheduled' | 'on_demand',
    createdAt: row.created_at,
    entryCount: row.entry_count,
    findingCount: row.finding_count,
    signedOffAt: row.signed_off_at,
    signedOffBy: row.signed_off_by ? (names.people.get(row.signed_off_by) ?? null) : null,
    signOffComment: row.sign_off_comment,
    overdue: flags.overdue,
    canSignOff: flags.canSignOff,
  };
}

export function presentFinding(row: FindingRow, people: Map<string, PersonRef>): FindingView {
  return {
    id: row.id,
    rule: row.rule as AnalysisRule,
    actor: row.actor_id ? (people.get(row.actor_id) ?? null) : null,
    count: row.count,
    entryIds: JSON.parse(row.entry_ids) as string[],
    detail: JSON.parse(row.detail) as Record<string, number>,
    firstAt: row.first_at,
    lastAt: row.last_at,
  };
}

export const settingsOf = (row: ReportRow) => JSON.parse(row.rules) as AnalysisSettings;
