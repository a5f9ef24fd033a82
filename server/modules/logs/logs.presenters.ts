import type { LogEntryView } from '../../../shared/api/logs.ts';
import type { LedgerEntry } from '../../platform/ledger/index.ts';

/** The fields of an entry the explorer shows (names of units and sections resolved by the caller). */
export const presentEntry = (
  e: LedgerEntry,
  names: { units: Map<string, string>; sections: Map<string, string> },
): LogEntryView => ({
  id: e.id,
  seq: e.seq,
  kind: e.kind,
  type: e.type,
  occurredAt: e.occurredAt,
  actorId: e.actorId,
  actorLabel: e.actorLabel,
  ip: e.ip,
  terminalId: e.terminalId,
  unitId: e.unitId,
  unitName: e.unitId ? (names.units.get(e.unitId) ?? null) : null,
  sectionId: e.sectionId,
  sectionName: e.sectionId ? (names.sections.get(e.sectionId) ?? null) : null,
  purpose: e.purpose,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  outcome: e.outcome,
  reason: e.reason,
  leafIndex: e.leafIndex,
  prunedAt: e.prunedAt,
});

export const b64 = (b: Buffer) => b.toString('base64');
