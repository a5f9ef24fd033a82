import type { InspectionSummary, InspectionView } from '../../../../shared/api/oversight.ts';
import type { OversightInspectionTable } from '../../../platform/db/schema-oversight.ts';
import type { Directory } from '../common.ts';

export type InspectionRow = OversightInspectionTable;
export interface Names {
  units: Map<string, string>;
  sections: Map<string, string>;
}

/** An area with a problem, or issues written: the inspection "found something" (A37 「必要があると認めるとき」). */
export const hasIssues = (r: InspectionRow) =>
  r.media_result === 'issue' || r.routes_result === 'issue' || r.storage_result === 'issue' || !!r.issues;

export const presentSummary = (r: InspectionRow, names: Names): InspectionSummary => ({
  id: r.id,
  number: r.number,
  sectionId: r.section_id,
  sectionName: names.sections.get(r.section_id) ?? '',
  unitId: r.unit_id,
  unitName: names.units.get(r.unit_id) ?? '',
  inspectedOn: r.inspected_on,
  status: r.status as InspectionSummary['status'],
  hasIssues: hasIssues(r),
  acknowledged: r.acknowledged_at !== null,
});

export async function presentInspection(
  r: InspectionRow,
  names: Names,
  people: Directory,
  can: InspectionView['can'],
): Promise<InspectionView> {
  const reportedTo = r.reported_to ? (JSON.parse(r.reported_to) as string[]) : [];
  return {
    ...presentSummary(r, names),
    media: { result: r.media_result as 'ok', notes: r.media_notes },
    routes: { result: r.routes_result as 'ok', notes: r.routes_notes },
    storage: { result: r.storage_result as 'ok', notes: r.storage_notes },
    remarks: r.remarks,
    issues: r.issues,
    actions: r.actions,
    inspector: await people(r.inspector_id),
    completedAt: r.completed_at,
    reportedAt: r.reported_at,
    reportedTo: (await Promise.all(reportedTo.map((id) => people(id)))).filter((p) => p !== null),
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: await people(r.acknowledged_by),
    can,
  };
}
