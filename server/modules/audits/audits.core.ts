import type { AuditView } from '../../../shared/api/audits.ts';
import type { EvidenceScope } from '../../../shared/api/evidence.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AuditsDeps } from './audits.deps.ts';
import { createNamer, presentAudit } from './audits.presenters.ts';
import {
  auditsRepo,
  type AuditRow,
  type DeliveryRow,
  type DocumentRow,
  type EvidenceRow,
  type FindingRow,
  type ItemRow,
  type ProgressRow,
} from './audits.repo.ts';

/** An audit with everything that hangs from it. */
export interface Loaded {
  row: AuditRow;
  items: ItemRow[];
  evidence: EvidenceRow[];
  documents: DocumentRow[];
  findings: FindingRow[];
  progress: ProgressRow[];
  deliveries: DeliveryRow[];
}

export type AuditStatusName = 'planned' | 'in_progress' | 'reported' | 'closed';

const STATUS_CODE = {
  planned: 'audits.not_planned',
  in_progress: 'audits.not_in_progress',
  reported: 'audits.not_reported',
  closed: 'audits.not_reported',
} as const;

export const unitIdsOf = (row: AuditRow): string[] | null =>
  row.unit_ids ? (JSON.parse(row.unit_ids) as string[]) : null;
export const articlesOf = (row: AuditRow): number[] => JSON.parse(row.articles) as number[];
export const isReported = (row: AuditRow) => row.status === 'reported' || row.status === 'closed';

/**
 * The common ground of audits (A36): loading, who reads an audit (404 otherwise), who runs it (403,
 * audited), changes in one transaction that re-check the status (409), ledger events and the view.
 */
export function createAuditsCore(deps: AuditsDeps) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  const personOf = (ctx: Ctx): string => {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  };

  async function load(id: string, exec: Executor = db): Promise<Loaded | null> {
    const row = await auditsRepo.get(exec, id);
    if (!row) return null;
    const [items, evidence, documents, findings, deliveries] = await Promise.all([
      auditsRepo.items(exec, [id]),
      auditsRepo.evidence(exec, id),
      auditsRepo.documents(exec, id),
      auditsRepo.findings(exec, [id]),
      auditsRepo.deliveries(exec, id),
    ]);
    const progress = await auditsRepo.progress(
      exec,
      findings.map((f) => f.id),
    );
    return { row, items, evidence, documents, findings, progress, deliveries };
  }

  /** A8, A36: the 監査責任者 plans and runs audits. */
  const runs = (ctx: Ctx) => authz.can(ctx, 'run', 'Audit');
  const readsAll = (ctx: Ctx) => authz.can(ctx, 'read', 'Audit');

  /** The units in scope whose 総括保護管理者 the caller is (A36: they receive the report). */
  function receivingUnits(ctx: Ctx, row: AuditRow): string[] {
    if (ctx.actor.kind !== 'person') return [];
    const own = ctx.actor.roles.flatMap((r) =>
      r.role === 'chief_protection_manager' && r.unitId ? [r.unitId] : [],
    );
    const scope = unitIdsOf(row);
    return own.filter(
      (u) => (!scope || scope.includes(u)) && authz.can(ctx, 'receive', 'Audit', { id: row.id, unitId: u }),
    );
  }

  /** Readers: the 監査責任者, 総括管理者 and 理事長; a unit's 総括保護管理者 once reported. */
  const reads = (ctx: Ctx, row: AuditRow) =>
    readsAll(ctx) || (isReported(row) && receivingUnits(ctx, row).length > 0);

  async function readable(ctx: Ctx, id: string): Promise<Loaded> {
    personOf(ctx);
    const l = await load(id);
    if (!l || !reads(ctx, l.row)) throw new AppError('audits.not_found');
    return l;
  }

  /** Opens an audit to run it: 404 unread, 403 (audited) unless the 監査責任者, 409 in another status. */
  async function open(ctx: Ctx, id: string, status: AuditStatusName | AuditStatusName[]): Promise<Loaded> {
    const l = await readable(ctx, id);
    await authz.assertCan(ctx, 'run', 'Audit', { id });
    checkStatus(l.row, status);
    return l;
  }

  function checkStatus(row: AuditRow, status: AuditStatusName | AuditStatusName[]) {
    const allowed = Array.isArray(status) ? status : [status];
    if (!allowed.includes(row.status as AuditStatusName)) throw new AppError(STATUS_CODE[allowed[0]!]);
  }

  /** Writes a change in one transaction, refused if the audit's status changed meanwhile. */
  async function commit<T>(
    id: string,
    status: AuditStatusName | AuditStatusName[],
    fn: (tx: Tx, at: string, row: AuditRow) => Promise<T>,
  ): Promise<T> {
    return database.transaction(async (tx) => {
      const row = await auditsRepo.get(tx, id);
      if (!row) throw new AppError('audits.not_found');
      checkStatus(row, status);
      return fn(tx, now(), row);
    });
  }

  /** The ledger's event of a change (ids, numbers and codes only). */
  const audit = (tx: Executor, ctx: Ctx, row: AuditRow, type: string, data: Record<string, unknown> = {}) =>
    ledger.audit(tx, ctx, {
      type,
      subjectType: 'Audit',
      subjectId: row.id,
      unitId: null,
      sectionId: null,
      outcome: 'ok',
      data: { number: row.number, ...data },
    });

  /** The records an audit can cite: its units and period (A36). */
  const scopeOf = (row: AuditRow): EvidenceScope => ({
    unitIds: unitIdsOf(row),
    from: row.period_from,
    to: row.period_to,
  });

  async function present(ctx: Ctx, l: Loaded): Promise<AuditView> {
    const me = actorPersonId(ctx);
    const run = runs(ctx);
    const mine = l.deliveries.filter((d) => d.person_id === me);
    return presentAudit(createNamer(deps), l, {
      me,
      runs: run,
      acknowledge: isReported(l.row) && mine.some((d) => !d.acknowledged_at),
      readReport: isReported(l.row) && reads(ctx, l.row),
      today: clock.today(),
    });
  }

  const view = async (ctx: Ctx, id: string) => present(ctx, await readable(ctx, id));

  return {
    deps,
    db,
    now,
    personOf,
    load,
    runs,
    readsAll,
    reads,
    receivingUnits,
    readable,
    open,
    commit,
    audit,
    scopeOf,
    present,
    view,
  };
}

export type AuditsCore = ReturnType<typeof createAuditsCore>;
