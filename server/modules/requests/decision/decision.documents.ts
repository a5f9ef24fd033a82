import {
  WITHHOLD_GROUND_LABELS,
  type Decision,
  type WithholdGround,
} from '../../../../shared/api/requests-decision.ts';
import { displayValue } from '../../../../shared/vault/field-display.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SubjectRequestRow } from '../core/core.types.ts';
import { methodChoiceUntil } from '../core/periods.ts';
import type { DecisionBase } from './decision.base.ts';
import { decisionRepo } from './decision.repo.ts';
import { MY_NUMBER_WITHHELD, renderDisclosure, withheldText } from './disclosure.pdf.ts';
import { renderNotice } from './notice.pdf.ts';

export interface PdfOut {
  filename: string;
  body: Buffer;
}

/**
 * The two documents of the decision: the notice (法82; readers of the request, once decided) and the
 * disclosed information (法87; handlers, full or partial, once decided — its values read through the
 * vault and logged with the request as purpose, A11-3, A22-1). Each download is an audit event (ids,
 * the number and codes only).
 */
export function createDecisionDocuments(b: DecisionBase) {
  const { core, deps, db } = b;

  async function unitName(row: SubjectRequestRow) {
    return (await deps.names()).units.get(row.unit_id) ?? '';
  }

  async function printed(ctx: Ctx, row: SubjectRequestRow, type: string, data: Record<string, unknown>) {
    await deps.database.transaction((tx) => core.audit(tx, ctx, row, type, data));
  }

  async function notice(ctx: Ctx, id: string): Promise<PdfOut> {
    const row = await b.disclosure(ctx, id, 'read');
    if (!row.decided_on || !row.decision) throw new AppError('requests.decision_not_made');
    const decision = row.decision as Decision;
    const [recs, withheld, decisionRow, unit] = await Promise.all([
      b.records(id),
      b.withheld(id),
      row.approval_id ? decisionRepo.decisionByApproval(db, row.approval_id) : undefined,
      unitName(row),
    ]);
    const views = b.withheldViews(withheld, recs);
    const requester = core.requester(row);
    const disclosed = recs
      .filter((r) => !withheld.some((w) => w.match_id === r.matchId && w.field_key === null))
      .map((r) => ({
        fileName: r.fileName,
        fields: r.fields
          .filter(
            (f) => !f.myNumber && !withheld.some((w) => w.match_id === r.matchId && w.field_key === f.key),
          )
          .map((f) => f.label),
      }));
    const body = await renderNotice(
      {
        number: row.number,
        decision,
        reason: decisionRow?.reason ?? null,
        receivedOn: row.received_on,
        decidedOn: row.decided_on,
        datedOn: row.notice_sent_on ?? row.decided_on,
        requesterName: requester.name,
        requesterAddress: requester.address,
        unitName: unit,
        content: core.content(row),
        disclosed: decision === 'refuse_existence' || decision === 'not_held' ? [] : disclosed,
        withheld: decision === 'refuse_existence' ? [] : views,
        methodChoiceDays: deps.config.methodChoiceDays,
        methodChoiceUntil: row.notice_sent_on
          ? methodChoiceUntil(row.notice_sent_on, deps.config.methodChoiceDays, deps.config)
          : null,
      },
      { generatedAt: deps.clock.now().toISOString() },
    );
    await printed(ctx, row, 'requests.notice_printed', { decision });
    return { filename: `notice-${row.number}.pdf`, body };
  }

  async function disclosure(ctx: Ctx, id: string): Promise<PdfOut> {
    const row = await b.disclosure(ctx, id, 'handle');
    if (!row.decided_on) throw new AppError('requests.decision_not_made');
    if (!b.discloses(row)) throw new AppError('requests.decision_discloses_nothing');
    const [recs, withheld, unit] = await Promise.all([b.records(id), b.withheld(id), unitName(row)]);
    const whole = new Map(withheld.filter((w) => w.field_key === null).map((w) => [w.match_id, w.ground]));
    const fieldGround = new Map(
      withheld.filter((w) => w.field_key !== null).map((w) => [`${w.match_id}:${w.field_key}`, w.ground]),
    );
    // A record withheld whole is not read at all.
    const toRead = recs.filter((r) => !whole.has(r.matchId));
    const read = toRead.length
      ? await deps.vaultSubjects.read(ctx, {
          purpose: core.purposeOf(row),
          requestId: row.id,
          refs: toRead.map((r) => ({ fileId: r.fileId, recordId: r.recordId })),
        })
      : [];
    const byRecord = new Map(read.map((r) => [r.recordId, r]));
    const article = (g: string) => WITHHOLD_GROUND_LABELS[g as WithholdGround].article;
    const records = recs.map((r) => {
      const g = whole.get(r.matchId);
      if (g) return { fileName: r.fileName, wholeWithheld: article(g), fields: [] };
      const got = byRecord.get(r.recordId);
      const values = new Map((got?.fields ?? []).map((f) => [f.key, f.value]));
      return {
        fileName: r.fileName,
        wholeWithheld: null,
        fields: r.fields.map((f) => {
          const fg = fieldGround.get(`${r.matchId}:${f.key}`);
          if (f.myNumber) return { label: f.label, text: MY_NUMBER_WITHHELD };
          if (fg) return { label: f.label, text: withheldText(article(fg)) };
          if (got?.status !== 'ok') return { label: f.label, text: '（記録を読み出せません）' };
          const v = values.get(f.key) ?? null;
          return { label: f.label, text: v === null ? '' : displayValue(f.type, v, 'ja') };
        }),
      };
    });
    const body = await renderDisclosure(
      {
        number: row.number,
        decision: row.decision as Decision,
        decidedOn: row.decided_on,
        requesterName: core.requester(row).name,
        unitName: unit,
        records,
      },
      { generatedAt: deps.clock.now().toISOString() },
    );
    await printed(ctx, row, 'requests.disclosure_printed', {
      matchIds: recs.map((r) => r.matchId).sort(),
      withheld: withheld.length,
    });
    return { filename: `disclosure-${row.number}.pdf`, body };
  }

  return { notice, disclosure };
}
