import {
  correctionListQuery,
  type CorrectionChangeView,
  type CorrectionStatus,
  type CorrectionView,
} from '../../../../shared/api/handling-correction.ts';
import { purposeCode } from '../../../../shared/api/vault.ts';
import type { FieldValue } from '../../../../shared/vault/index.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { correctionsRepo, noteLabel, type CorrectionWithRequest } from './correction.repo.ts';

/** The purpose of reading a correction's notes, as the log records it (A11-3, A22-1). */
const READ_PURPOSE = '誤りの報告・訂正の確認（第13条）';

/** What the caller is to a correction: decides whether they see it and its sealed notes. */
interface Standing {
  visible: boolean;
  reporter: boolean;
  manager: boolean;
  decider: boolean;
  update: boolean;
  reveal: boolean;
}

/**
 * Reading corrections (issue 7, A13). Who sees what, and why:
 * - that a correction exists (ids, field names, status): its reporter, the file's managers
 *   (HandlingCorrection policy), whoever decides or decided its request, and anyone with a grant
 *   on the file (they work with its records);
 * - the report's words: the reporter, whoever decides or decided the request, the file's 保護管理者
 *   and 総括保護管理者 (A13 makes them instruct: they cannot without reading it, and the approval
 *   engine routes to them whether or not they hold a vault grant), and holders of the update
 *   permission (who make the correction);
 * - the values before and after: the file's 保護管理者 and 総括保護管理者 (My Numbers masked: A7の2),
 *   and holders of the reveal permission through the vault's gate (their fields; My Numbers only
 *   under A7の2/A11の2).
 * Every opening of a sealed note is logged as an access before it is served (A22-1).
 */
export function createCorrectionReading(h: HandlingContext) {
  const { database, authz, approvals, vault, ledger } = h;
  const notes = vault.notes;
  let settleFirst: () => Promise<void> = () => Promise.resolve();

  async function standing(ctx: Ctx, c: CorrectionWithRequest): Promise<Standing> {
    const me = actorPersonId(ctx);
    const subject = { unitId: c.unit_id ?? '', sectionId: c.section_id ?? '' };
    const manager = authz.can(ctx, 'manage', 'HandlingCorrection', subject);
    const overseer = authz.can(ctx, 'read', 'HandlingCorrection', subject);
    const grant = me ? await vault.grants.inForce(me, c.file_id) : null;
    let decider = me !== null && c.decided_by === me;
    if (!decider && me && c.request_status === 'submitted' && c.level && c.unit_id && c.section_id) {
      const row = await approvals.row(c.request_id!);
      decider = row ? (await approvals.deciders(row)).includes(me) : false;
    }
    const reporter = me !== null && c.reported_by === me;
    return {
      visible: reporter || manager || overseer || decider || grant !== null,
      reporter,
      manager,
      decider,
      update: grant?.permissions.has('update') ?? false,
      reveal: grant?.permissions.has('reveal') ?? false,
    };
  }

  /** The correction if the caller may know of it, else handling.correction_not_found. */
  async function visibleOr404(ctx: Ctx, id: string): Promise<CorrectionWithRequest> {
    const c = await correctionsRepo.get(database.db, id);
    if (!c || !(await standing(ctx, c)).visible) throw new AppError('handling.correction_not_found');
    return c;
  }

  const names = new Map<string, string>();
  async function nameOf(id: string | null): Promise<string | null> {
    if (!id) return null;
    if (names.size > 1000) names.clear();
    if (!names.has(id)) names.set(id, (await h.person(id))?.name ?? '—');
    return names.get(id)!;
  }

  async function present(ctx: Ctx, c: CorrectionWithRequest, s?: Standing): Promise<CorrectionView> {
    const st = s ?? (await standing(ctx, c));
    const file = await vault.internals.loader.find(c.file_id);
    const facts = await h.fileFacts(c.file_id);
    const keys = JSON.parse(c.fields) as string[];
    const sealedChange = c.sealed_before !== null;
    const usable =
      c.request_status === 'done' ||
      (c.request_status === 'approved' &&
        c.expires_at !== null &&
        c.expires_at > h.clock.now().toISOString());
    return {
      id: c.id,
      fileId: c.file_id,
      fileName: facts?.name ?? '—',
      recordId: c.record_id,
      fields: keys.map((k) => ({ key: k, label: file?.byKey.get(k)?.label ?? k })),
      status: c.status as CorrectionStatus,
      reportedBy: c.reported_by,
      reportedByName: (await nameOf(c.reported_by)) ?? '—',
      reportedAt: c.reported_at,
      requestId: c.request_id,
      requestNumber: c.number,
      requestStatus: c.request_status,
      decisionComment: c.decision_comment,
      decidedByName: await nameOf(c.decided_by),
      correctedByName: await nameOf(c.corrected_by),
      correctedAt: c.corrected_at,
      canApply: c.status === 'instructed' && st.update && usable,
      canReadReport: st.reporter || st.manager || st.decider || st.update,
      canReadChange: sealedChange && (st.manager || st.reveal),
    };
  }

  async function get(ctx: Ctx, id: string): Promise<CorrectionView> {
    await settleFirst();
    const c = await correctionsRepo.get(database.db, id);
    const s = c ? await standing(ctx, c) : null;
    if (!c || !s?.visible) throw new AppError('handling.correction_not_found');
    return present(ctx, c, s);
  }

  /** Mine (reported by me), a file's (its managers and grant holders), or those of what I manage. */
  async function list(ctx: Ctx, raw: unknown): Promise<{ corrections: CorrectionView[] }> {
    const me = actorPersonId(ctx);
    if (!me) throw new AppError('auth.required');
    const q = correctionListQuery.parse(raw ?? {});
    await settleFirst();
    let rows: CorrectionWithRequest[];
    if (q.box === 'file') {
      if (!q.fileId) throw new AppError('request.invalid');
      const facts = await h.rules.factsOr404(q.fileId);
      const subject = { unitId: facts.unitId, sectionId: facts.sectionId };
      if (!(await vault.grants.inForce(me, q.fileId)))
        await authz.assertCan(ctx, 'read', 'HandlingCorrection', subject);
      rows = await correctionsRepo.list(database.db, { fileId: q.fileId, status: q.status });
    } else if (q.box === 'managed') {
      const roles = ctx.actor.kind === 'person' ? ctx.actor.roles : [];
      const all = roles.some((r) => r.role === 'chief_manager' || r.role === 'audit_officer');
      const scope = all
        ? ('all' as const)
        : {
            unitIds: roles
              .filter((r) => r.role === 'chief_protection_manager' && r.unitId)
              .map((r) => r.unitId!),
            sectionIds: roles
              .filter((r) => r.role === 'protection_manager' && r.sectionId)
              .map((r) => r.sectionId!),
          };
      rows = await correctionsRepo.list(database.db, { scope, fileId: q.fileId, status: q.status });
    } else {
      rows = await correctionsRepo.list(database.db, { reportedBy: me, fileId: q.fileId, status: q.status });
    }
    return { corrections: await Promise.all(rows.map((c) => present(ctx, c))) };
  }

  async function logRead(
    ctx: Ctx,
    c: CorrectionWithRequest,
    type: string,
    fields: string[],
    myNumber: boolean,
    purposeCodeGiven: string | null,
  ) {
    await ledger.access(ctx, {
      type,
      unitId: c.unit_id,
      sectionId: c.section_id,
      purpose: READ_PURPOSE,
      subjectType: 'vault_file',
      subjectId: c.file_id,
      records: [c.record_id],
      fields,
      outcome: 'ok',
      myNumber,
      data: { correctionId: c.id, purposeCode: purposeCodeGiven },
    });
  }

  /** A person who knows of the correction but may not read its notes: refused and logged (A22-1). */
  async function deny(ctx: Ctx, c: CorrectionWithRequest, action: string): Promise<AppError> {
    await ledger.audit(database.db, ctx, {
      type: 'authz.denied',
      subjectType: 'HandlingCorrection',
      subjectId: c.id,
      unitId: c.unit_id,
      sectionId: c.section_id,
      outcome: 'denied',
      data: { action, fileId: c.file_id },
    });
    return new AppError('auth.forbidden');
  }

  const purposeOf = (raw: unknown): string | null => {
    const p = purposeCode.safeParse((raw as { purpose?: unknown } | undefined)?.purpose);
    return p.success ? p.data : null;
  };

  /** The report's words, for those listed above; logged as an access before it is served. */
  async function readReport(
    ctx: Ctx,
    id: string,
    raw: unknown,
  ): Promise<{ id: string; description: string }> {
    const c = await visibleOr404(ctx, id);
    const s = await standing(ctx, c);
    if (!(s.reporter || s.manager || s.decider || s.update)) throw await deny(ctx, c, 'read_report');
    if (!c.sealed_report) throw new AppError('handling.correction_record_erased');
    const opened = await notes.open(c.file_id, c.record_id, noteLabel(c.id, 'report'), c.sealed_report);
    if (!opened) throw new AppError('handling.correction_record_erased');
    await logRead(
      ctx,
      c,
      'handling.correction_report_read',
      JSON.parse(c.fields) as string[],
      false,
      purposeOf(raw),
    );
    return { id: c.id, description: typeof opened.description === 'string' ? opened.description : '' };
  }

  /**
   * The values before and after (A13 "keeps the before and after"): for the file's managers (My
   * Numbers masked, A7の2), or a holder of the reveal permission through the vault's gate with a
   * purpose of the file. Logged as an access before it is served.
   */
  async function readChange(ctx: Ctx, id: string, raw: unknown): Promise<CorrectionChangeView> {
    const c = await visibleOr404(ctx, id);
    const s = await standing(ctx, c);
    if (!s.manager && !s.reveal) throw await deny(ctx, c, 'read_change');
    if (!c.sealed_before || !c.sealed_after) throw new AppError('handling.correction_not_instructed');
    const file = await vault.internals.loader.find(c.file_id);
    if (!file) throw new AppError('vault.file_not_found');
    const before = await notes.open(c.file_id, c.record_id, noteLabel(c.id, 'before'), c.sealed_before);
    const after = await notes.open(c.file_id, c.record_id, noteLabel(c.id, 'after'), c.sealed_after);
    if (!before || !after) throw new AppError('handling.correction_record_erased');
    const changed = Object.keys(before);
    let visible: string[];
    let purpose: string | null = null;
    if (s.manager) {
      visible = changed.filter((k) => file.byKey.get(k)?.sensitivity !== 'my_number');
    } else {
      const access = await vault.internals.gate.open(ctx, c.file_id, purposeOf(raw), 'reveal');
      purpose = access.purpose.code;
      const granted = new Set(access.fields.map((f) => f.key));
      visible = changed.filter(
        (k) => granted.has(k) && (file.byKey.get(k)?.sensitivity !== 'my_number' || access.myNumber),
      );
    }
    const myNumber = visible.some((k) => file.byKey.get(k)?.sensitivity === 'my_number');
    await logRead(ctx, c, 'handling.correction_change_read', visible, myNumber, purpose);
    return {
      id: c.id,
      fields: visible.map((k) => ({
        key: k,
        label: file.byKey.get(k)?.label ?? k,
        before: (before[k] ?? null) as FieldValue | null,
        after: (after[k] ?? null) as FieldValue | null,
      })),
      masked: changed.filter((k) => !visible.includes(k)),
    };
  }

  return {
    get,
    list,
    readReport,
    readChange,
    visibleOr404,
    /** Run before every read (corrections waiting for their A26 check are settled first). */
    beforeRead: (fn: () => Promise<void>) => void (settleFirst = fn),
  };
}
