import type { AuditView } from '../../../shared/api/audits.ts';
import type { AuditSummary } from '../../../shared/api/evidence.ts';
import { toTokyoDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { isReported, unitIdsOf, type AuditsCore } from './audits.core.ts';
import { auditsRepo } from './audits.repo.ts';
import { renderAuditReport } from './report.pdf.ts';

/**
 * The report (A36): issued once every item is answered (in_progress → reported), delivered to the
 * 総括保護管理者 of each unit in scope (audit.report_delivered) with a record of each delivery, whose
 * receipt each of them acknowledges; the PDF for those who read the audit.
 */
export function createReport(core: AuditsCore) {
  const { deps, db } = core;

  /** Issues the report. 409 audits.items_unanswered with the feature ids still unanswered. */
  async function issue(ctx: Ctx, id: string): Promise<AuditView> {
    const me = core.personOf(ctx);
    const l = await core.open(ctx, id, 'in_progress');
    const units = unitIdsOf(l.row) ?? (await deps.structure()).units.map((u) => u.id);
    const recipients = (
      await Promise.all(
        units.map(async (unitId) =>
          (await deps.appointed('chief_protection_manager', unitId, null)).map((personId) => ({
            unitId,
            personId,
          })),
        ),
      )
    ).flat();
    await core.commit(id, 'in_progress', async (tx, at, row) => {
      const missing = (await auditsRepo.items(tx, [id])).filter((i) => i.answer === null);
      if (missing.length > 0)
        throw new AppError('audits.items_unanswered', {
          details: missing.map((i) => ({ path: i.feature_id, code: 'unanswered' })),
        });
      await auditsRepo.update(tx, id, {
        status: 'reported',
        reported_at: at,
        reported_by: me,
        updated_at: at,
      });
      await auditsRepo.insertDeliveries(
        tx,
        recipients.map((r) => ({
          audit_id: id,
          unit_id: r.unitId,
          person_id: r.personId,
          delivered_at: at,
          acknowledged_at: null,
        })),
      );
      await core.audit(tx, ctx, row, 'audits.reported', { deliveries: recipients.length });
      await deps.notifications.notify(
        tx,
        recipients.map((r) => r.personId),
        'audit.report_delivered',
        { data: { number: row.number, path: `/audits/${id}` } },
      );
    });
    deps.notifications.flushSoon();
    return core.view(ctx, id);
  }

  /** A 総括保護管理者 acknowledges receipt (A36). Audit audits.report_acknowledged. */
  async function acknowledge(ctx: Ctx, id: string): Promise<AuditView> {
    const me = core.personOf(ctx);
    const l = await core.readable(ctx, id);
    const mine = l.deliveries.filter((d) => d.person_id === me);
    if (mine.length === 0) await deps.authz.assertCan(ctx, 'acknowledge', 'Audit', { id });
    await core.commit(id, ['reported', 'closed'], async (tx, at, row) => {
      const r = await auditsRepo.acknowledge(tx, id, me, at);
      if (Number(r[0]?.numUpdatedRows ?? 0) === 0) throw new AppError('audits.already_acknowledged');
      await core.audit(tx, ctx, row, 'audits.report_acknowledged', { units: mine.map((d) => d.unit_id) });
    });
    return core.view(ctx, id);
  }

  /** The report as a PDF, made from the audit as reported. Audit audits.report_read. */
  async function pdf(ctx: Ctx, id: string): Promise<{ body: Buffer; number: string }> {
    const l = await core.readable(ctx, id);
    if (!isReported(l.row)) throw new AppError('audits.not_reported');
    const v = await core.present(ctx, l);
    const reporter = l.row.reported_by ? await deps.person(l.row.reported_by) : null;
    const body = await renderAuditReport(v, {
      generatedAt: l.row.reported_at ?? core.now(),
      generatedByName: reporter?.name ?? '',
    });
    await core.audit(db, ctx, l.row, 'audits.report_read');
    return { body, number: l.row.number };
  }

  /** A38: the audits reported in a period (YYYY-MM-DD, Tokyo, inclusive). */
  async function summaries(from: string, to: string): Promise<AuditSummary[]> {
    const rows = (await auditsRepo.list(db)).filter((r) => {
      if (!r.reported_at) return false;
      const day = toTokyoDate(new Date(r.reported_at));
      return day >= from && day <= to;
    });
    const findings = await auditsRepo.findings(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const mine = findings.filter((f) => f.audit_id === r.id);
      return {
        id: r.id,
        number: r.number,
        title: r.title,
        kind: r.kind,
        unitIds: unitIdsOf(r),
        reportedAt: r.reported_at,
        findings: mine.length,
        openFindings: mine.filter((f) => f.status === 'open').length,
        path: `/audits/${r.id}`,
      };
    });
  }

  return { issue, acknowledge, pdf, summaries };
}
