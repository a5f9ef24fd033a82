import path from 'node:path';
import {
  actInput,
  agreementInput,
  checkInput,
  improvementDoneInput,
  improvementInput,
  measuresInput,
  type ProvisionStatus,
  type ProvisionView,
} from '../../../../shared/api/provision-provisions.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../../platform/files/document-store.ts';
import { newId } from '../../../platform/ids.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { EDITABLE, OPEN, personOf, type ProvisionsCore } from './provisions.core.ts';
import { provisionsRepo, type ProvisionRow } from './provisions.repo.ts';

/**
 * What is recorded on a provision besides its terms: the written agreement and its document
 * (A18-1), the measures asked and the recipient's confirmation (A18-2, A18-3), checks and
 * improvement requests tracked to done (A18-2), and each act of provision under an active one.
 */
export function createProvisionRecords(h: ProvisionDeps, core: ProvisionsCore) {
  const { database, clock } = h;
  const store = documentStore(path.join(h.documentsDir, 'provisions'));
  const view = async (ctx: Ctx, id: string): Promise<ProvisionView> =>
    core.present(ctx, await core.visible(ctx, id));

  /** A change of a kept provision in one of `statuses`, with its audit event, in one transaction. */
  async function change(
    ctx: Ctx,
    id: string,
    statuses: readonly ProvisionStatus[],
    write: (tx: Executor, row: ProvisionRow) => Promise<void>,
  ): Promise<ProvisionView> {
    const l = await core.kept(ctx, id);
    if (!statuses.includes(l.row.status as ProvisionStatus))
      throw new AppError('provision.provision_not_editable');
    await database.transaction(async (tx) => {
      const moved = await provisionsRepo.update(tx, id, statuses, { updated_at: clock.now().toISOString() });
      if (!moved) throw new AppError('provision.provision_not_editable');
      await write(tx, l.row);
    });
    return view(ctx, id);
  }

  /** A18-1: the written agreement's fields (its document is uploaded apart). */
  function setAgreement(ctx: Ctx, id: string, raw: unknown) {
    const input = agreementInput.parse(raw);
    return change(ctx, id, EDITABLE, async (tx, row) => {
      await provisionsRepo.update(tx, id, EDITABLE, { agreement: JSON.stringify(input) });
      await core.audit(tx, ctx, row, 'agreement_recorded', {
        signedOn: input.signedOn,
        useForm: input.useForm,
      });
    });
  }

  /** A18-1: the signed document, kept under documentsDir (its name stays out of the log). */
  async function uploadDocument(ctx: Ctx, id: string, file: { bytes: Uint8Array; name: string }) {
    const l = await core.kept(ctx, id);
    if (!EDITABLE.includes(l.row.status as ProvisionStatus))
      throw new AppError('provision.provision_not_editable');
    const put = await store.put(file.bytes);
    if (!put) throw new AppError('provision.agreement_document_invalid');
    try {
      return await change(ctx, id, EDITABLE, async (tx, row) => {
        await provisionsRepo.update(tx, id, EDITABLE, {
          agreement_document_key: put.stored,
          agreement_document_name: cleanFileName(file.name, 'agreement'),
          agreement_document_type: put.type,
          agreement_document_sha256: put.sha256,
        });
        await core.audit(tx, ctx, row, 'agreement_uploaded', { bytes: put.size, type: put.type });
      });
    } catch (e) {
      await store.remove(put.stored);
      throw e;
    }
  }

  /** The agreement document, for those who read the provision. */
  async function document(ctx: Ctx, id: string) {
    const { row } = await core.visible(ctx, id);
    if (!row.agreement_document_key) throw new AppError('provision.agreement_document_missing');
    const bytes = await store.get(row.agreement_document_key, row.agreement_document_sha256);
    if (typeof bytes === 'string') throw new AppError('provision.agreement_document_missing');
    return {
      bytes,
      name: row.agreement_document_name ?? 'agreement',
      type: row.agreement_document_type ?? 'application/octet-stream',
    };
  }

  /** A18-2 (A18-3 where deemed necessary): the measures asked of the recipient and its confirmation. */
  function setMeasures(ctx: Ctx, id: string, raw: unknown) {
    const input = measuresInput.parse(raw);
    const stored = { ...input, measures: [...new Set(input.measures)] };
    return change(ctx, id, EDITABLE, async (tx, row) => {
      await provisionsRepo.update(tx, id, EDITABLE, { measures: JSON.stringify(stored) });
      await core.audit(tx, ctx, row, 'measures_recorded', {
        measures: stored.measures,
        confirmed: stored.confirmedOn !== null,
      });
    });
  }

  /** A18-2: an on-site or documentary check, before or during the provision, with its result. */
  function addCheck(ctx: Ctx, id: string, raw: unknown) {
    const me = personOf(ctx);
    const input = checkInput.parse(raw);
    if (input.checkedOn > clock.today()) throw new AppError('request.invalid');
    return change(ctx, id, OPEN, async (tx, row) => {
      const checkId = newId();
      await provisionsRepo.insertCheck(tx, {
        id: checkId,
        provision_id: id,
        kind: input.kind,
        timing: input.timing,
        checked_on: input.checkedOn,
        findings: input.findings,
        result: input.result,
        recorded_by: me,
        recorded_at: clock.now().toISOString(),
      });
      await provisionsRepo.update(tx, id, OPEN, { next_check_due: input.nextCheckDue });
      await core.audit(tx, ctx, row, 'check_recorded', {
        checkId,
        kind: input.kind,
        timing: input.timing,
        result: input.result,
      });
    });
  }

  /** A18-2: an improvement request (改善要求) with its due date. */
  function addImprovement(ctx: Ctx, id: string, raw: unknown) {
    const me = personOf(ctx);
    const input = improvementInput.parse(raw);
    return change(ctx, id, OPEN, async (tx, row) => {
      if (input.checkId) {
        const c = await tx
          .selectFrom('provision_checks')
          .select('id')
          .where('id', '=', input.checkId)
          .where('provision_id', '=', id)
          .executeTakeFirst();
        if (!c) throw new AppError('request.invalid');
      }
      const improvementId = newId();
      await provisionsRepo.insertImprovement(tx, {
        id: improvementId,
        provision_id: id,
        check_id: input.checkId,
        request: input.request,
        due_on: input.dueOn,
        done_on: null,
        note: '',
        recorded_by: me,
        recorded_at: clock.now().toISOString(),
        done_by: null,
      });
      await core.audit(tx, ctx, row, 'improvement_requested', { improvementId, dueOn: input.dueOn });
    });
  }

  /** A18-2: the improvement request met (tracked to done). */
  function improvementDone(ctx: Ctx, id: string, improvementId: string, raw: unknown) {
    const me = personOf(ctx);
    const input = improvementDoneInput.parse(raw);
    return change(ctx, id, OPEN, async (tx, row) => {
      const i = await tx
        .selectFrom('provision_improvements')
        .selectAll()
        .where('id', '=', improvementId)
        .where('provision_id', '=', id)
        .executeTakeFirst();
      if (!i) throw new AppError('provision.improvement_not_found');
      const moved = await provisionsRepo.improvementDone(tx, improvementId, {
        done_on: input.doneOn,
        note: input.note,
        done_by: me,
      });
      if (!moved) throw new AppError('provision.improvement_done');
      await core.audit(tx, ctx, row, 'improvement_done', { improvementId, doneOn: input.doneOn });
    });
  }

  /**
   * Records an act of provision in the caller's transaction (the export's, or the route's): only
   * under an active provision, within its period, for one of its files. No authorisation here: the
   * caller has checked who acts (the export: the copy's grant and approval).
   */
  async function recordActWithin(tx: Executor, ctx: Ctx, provisionId: string, raw: unknown) {
    const me = personOf(ctx);
    const input = actInput.parse(raw);
    const row = await provisionsRepo.get(tx, provisionId);
    if (!row) throw new AppError('provision.provision_not_found');
    if (row.status !== 'active') throw new AppError('provision.provision_not_active');
    if (input.providedOn < row.starts_on || (row.ends_on !== null && input.providedOn > row.ends_on))
      throw new AppError('provision.act_out_of_period');
    const file = await tx
      .selectFrom('provision_files')
      .select('file_id')
      .where('provision_id', '=', provisionId)
      .where('file_id', '=', input.fileId)
      .executeTakeFirst();
    if (!file) throw new AppError('provision.act_file_invalid');
    const actId = newId();
    await provisionsRepo.insertAct(tx, {
      id: actId,
      provision_id: provisionId,
      file_id: input.fileId,
      provided_on: input.providedOn,
      records: input.records,
      means: input.means,
      note: input.note,
      recorded_by: me,
      recorded_at: clock.now().toISOString(),
    });
    await core.audit(tx, ctx, row, 'act_recorded', {
      actId,
      fileId: input.fileId,
      providedOn: input.providedOn,
      records: input.records,
      means: input.means,
    });
    return actId;
  }

  /** An act of provision recorded by the keeper (HTTP). */
  async function recordAct(ctx: Ctx, id: string, raw: unknown) {
    const l = await core.kept(ctx, id);
    if (l.row.status !== 'active') throw new AppError('provision.provision_not_active');
    await database.transaction((tx) => recordActWithin(tx, ctx, id, raw));
    return view(ctx, id);
  }

  return {
    setAgreement,
    uploadDocument,
    document,
    setMeasures,
    addCheck,
    addImprovement,
    improvementDone,
    recordAct,
    recordActWithin,
  };
}

export type ProvisionRecords = ReturnType<typeof createProvisionRecords>;
