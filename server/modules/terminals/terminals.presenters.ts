import type { AreaKind, AreaView, TerminalStatus, TerminalView } from '../../../shared/api/terminals.ts';
import type { AreaWithNames, TerminalWithNames } from './terminals.repo.ts';

export const rangesOf = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

export function presentArea(row: AreaWithNames, canManage: boolean, activeTerminals: number): AreaView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    sectionId: row.section_id,
    sectionName: row.section_name,
    kind: row.kind as AreaKind,
    name: row.name,
    addressRanges: rangesOf(row.address_ranges),
    canManage,
    activeTerminals,
  };
}

export function presentTerminal(row: TerminalWithNames): TerminalView {
  return {
    id: row.id,
    areaId: row.area_id,
    areaName: row.area_name,
    areaKind: row.area_kind as AreaKind,
    unitName: row.unit_name,
    sectionName: row.section_name,
    label: row.label,
    reason: row.reason,
    status: row.status as TerminalStatus,
    requestedBy: {
      id: row.requested_by,
      name: `${row.family_name} ${row.given_name}`,
      employeeNumber: row.employee_number,
    },
    requestedAt: row.requested_at,
    requestIp: row.request_ip,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    addressRanges: row.address_ranges === null ? null : rangesOf(row.address_ranges),
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  };
}
