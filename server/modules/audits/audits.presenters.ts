import { ARTICLE_ITEMS } from '../../../shared/compliance/articles.ts';
import type {
  AuditKind,
  AuditListItem,
  AuditStatus,
  AuditView,
  ChecklistItemView,
  FindingSeverity,
  FindingStatus,
  FindingView,
  ItemAnswer,
} from '../../../shared/api/audits.ts';
import type { EvidenceKind } from '../../../shared/api/evidence.ts';
import type { AuditsDeps } from './audits.deps.ts';
import type { Loaded } from './audits.core.ts';
import type { AuditRow, FindingRow, ItemRow, ProgressRow } from './audits.repo.ts';

const QUESTION = new Map(ARTICLE_ITEMS.map((i) => [i.id, i]));

/** Names of people and units, each looked up once per view. */
export function createNamer(deps: Pick<AuditsDeps, 'person' | 'names'>) {
  const people = new Map<string, Promise<string | null>>();
  let units: Promise<Map<string, string>> | null = null;
  return {
    person(id: string | null): Promise<string | null> {
      if (!id) return Promise.resolve(null);
      let p = people.get(id);
      if (!p) people.set(id, (p = deps.person(id).then((x) => x?.name ?? null)));
      return p;
    },
    async unit(id: string): Promise<string | null> {
      units ??= deps.names().then((n) => n.units);
      return (await units).get(id) ?? null;
    },
  };
}
export type Namer = ReturnType<typeof createNamer>;

/** A row of the list. */
export async function presentListItem(
  n: Namer,
  row: AuditRow,
  items: ItemRow[],
  findings: FindingRow[],
): Promise<AuditListItem> {
  const unitIds = row.unit_ids ? (JSON.parse(row.unit_ids) as string[]) : null;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    kind: row.kind as AuditKind,
    status: row.status as AuditStatus,
    unitNames: unitIds ? await Promise.all(unitIds.map(async (u) => (await n.unit(u)) ?? u)) : null,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    items: items.length,
    answered: items.filter((i) => i.answer !== null).length,
    findings: findings.length,
    openFindings: findings.filter((f) => f.status === 'open').length,
    reportedAt: row.reported_at,
  };
}

export interface FindingCaps {
  me: string | null;
  runs: boolean;
  today: string;
}

export async function presentFinding(
  n: Namer,
  f: FindingRow,
  audit: AuditRow,
  items: ItemRow[],
  progress: ProgressRow[],
  caps: FindingCaps,
): Promise<FindingView> {
  const live = audit.status === 'in_progress' || audit.status === 'reported';
  const open = f.status === 'open';
  return {
    id: f.id,
    auditId: audit.id,
    auditNumber: audit.number,
    auditTitle: audit.title,
    itemId: f.item_id,
    featureId: items.find((i) => i.id === f.item_id)?.feature_id ?? null,
    severity: f.severity as FindingSeverity,
    description: f.description,
    action: f.action,
    ownerId: f.owner_id,
    ownerName: await n.person(f.owner_id),
    due: f.due,
    overdue: open && f.due < caps.today,
    status: f.status as FindingStatus,
    doneAt: f.done_at,
    confirmedAt: f.confirmed_at,
    progress: await Promise.all(
      progress
        .filter((p) => p.finding_id === f.id)
        .map(async (p) => ({ at: p.at, byName: await n.person(p.by_id), note: p.note })),
    ),
    createdAt: f.created_at,
    can: {
      progress: live && open && (caps.runs || caps.me === f.owner_id),
      confirm: live && caps.runs && !open && !f.confirmed_at,
      edit: live && caps.runs && open,
    },
  };
}

async function presentItem(n: Namer, l: Loaded, i: ItemRow): Promise<ChecklistItemView> {
  const q = QUESTION.get(i.feature_id);
  return {
    id: i.id,
    featureId: i.feature_id,
    article: i.article,
    question: q?.ja ?? i.feature_id,
    questionEn: q?.en ?? i.feature_id,
    answer: i.answer as ItemAnswer | null,
    note: i.note,
    answeredAt: i.answered_at,
    evidence: l.evidence
      .filter((e) => e.item_id === i.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind as EvidenceKind,
        ref: e.ref,
        label: e.label,
        path: e.path,
        at: e.at,
        linkedAt: e.linked_at,
      })),
    documents: await Promise.all(
      l.documents
        .filter((d) => d.item_id === i.id)
        .map(async (d) => ({
          id: d.id,
          name: d.file_name,
          size: d.size,
          contentType: d.content_type,
          sha256: d.sha256,
          uploadedAt: d.uploaded_at,
          uploadedByName: await n.person(d.uploaded_by),
          path: `/api/audits/${l.row.id}/documents/${d.id}`,
        })),
    ),
  };
}

export async function presentAudit(
  n: Namer,
  l: Loaded,
  c: { me: string | null; runs: boolean; acknowledge: boolean; readReport: boolean; today: string },
): Promise<AuditView> {
  const { row } = l;
  const run = (status: string) => c.runs && row.status === status;
  return {
    ...(await presentListItem(n, row, l.items, l.findings)),
    external: row.external
      ? (JSON.parse(row.external) as { organisation: string; name: string; contact: string })
      : null,
    unitIds: row.unit_ids ? (JSON.parse(row.unit_ids) as string[]) : null,
    articles: JSON.parse(row.articles) as number[],
    note: row.note,
    createdAt: row.created_at,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    checklist: await Promise.all(l.items.map((i) => presentItem(n, l, i))),
    findings: await Promise.all(l.findings.map((f) => presentFinding(n, f, row, l.items, l.progress, c))),
    deliveries: await Promise.all(
      l.deliveries.map(async (d) => ({
        personId: d.person_id,
        personName: await n.person(d.person_id),
        unitId: d.unit_id,
        unitName: await n.unit(d.unit_id),
        deliveredAt: d.delivered_at,
        acknowledgedAt: d.acknowledged_at,
      })),
    ),
    can: {
      edit: run('planned'),
      start: run('planned'),
      answer: run('in_progress'),
      report: run('in_progress'),
      close: run('reported'),
      acknowledge: c.acknowledge,
      readReport: c.readReport,
    },
  };
}
