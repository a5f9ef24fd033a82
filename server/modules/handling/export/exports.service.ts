import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  exportMakeInput,
  exportOptionsQuery,
  exportSpec,
  EXPORT_DEFAULT_DAYS,
  EXPORT_MAX_DAYS,
  type ExportListView,
  type ExportMadeView,
  type ExportOptionsView,
  type ExportRequestedView,
  type ExportView,
} from '../../../../shared/api/handling-export.ts';
import type { RequestRow } from '../../approvals/index.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import type { ActiveProvision, HandlingContext } from '../handling.deps.ts';
import { buildArchive, newPassword } from './archive.ts';
import { exportsRepo, type ExportRow } from './exports.repo.ts';
import { payloadOf, present, recordIdsOf, type ExportPayload } from './exports.presenters.ts';
import { createRecipients } from './exports.recipient.ts';

const DAY = 86_400_000;

/** A copy to an outside party carries it in its request (id and organisation's name), for its approver (A18). */
const recipientOf = (p: ActiveProvision | null) => (p ? { partyId: p.partyId, recipient: p.partyName } : {});

/**
 * Copies and temporary copies (issue 7; A12(1), A24の2). A person asks for a copy of records of a
 * file (purpose, records and fields within their grant, format, how many days it may live); where
 * the file's rules require it, the 保護管理者 (or 総括保護管理者) approves first. The act reads the
 * records through the vault's gate (an approval never widens a grant), logs the access, writes an
 * AES-256 ZIP marked with the request number and the requester, and shows its password once. Only
 * the holder downloads it, until it expires; the job deletes it then (exports.job.ts), and the
 * holder confirms that the copies they made are deleted too.
 */
export function createExportsService(h: HandlingContext) {
  const { database, ledger, clock, approvals, authz } = h;
  const db = database.db;
  const now = () => clock.now().toISOString();
  // Issue 9 (A18): a copy to an outside party only under an active provision of the file to it.
  const recipients = createRecipients(h);

  const personOf = (ctx: Ctx): string => {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  };

  /** What the form needs: the purposes, the fields the person may copy, whether approval is needed. */
  async function options(ctx: Ctx, raw: unknown): Promise<ExportOptionsView> {
    personOf(ctx);
    const q = exportOptionsQuery.parse(raw);
    const facts = await h.rules.factsOr404(q.fileId);
    const loaded = await h.vault.internals.loader.find(q.fileId);
    const purpose = q.purpose ?? loaded?.purposes[0]?.code;
    const access = await h.vault.internals.gate.open(ctx, q.fileId, purpose, 'export');
    const granted = new Set(access.fields.map((f) => f.key));
    return {
      fileId: q.fileId,
      fileName: facts.name,
      requirement: await h.rules.requirement(q.fileId, 'export'),
      purposes: access.file.purposes.map((p) => ({
        code: p.code,
        label: p.label,
        myNumberAct: p.myNumberAct,
      })),
      purpose: access.purpose.code,
      fields: access.file.fields.map((f) => ({
        key: f.key,
        label: f.label,
        sensitivity: f.sensitivity,
        allowed:
          granted.has(f.key) &&
          (f.sensitivity === 'normal' ||
            (f.sensitivity === 'sensitive' && access.can('reveal')) ||
            (f.sensitivity === 'my_number' && access.myNumber)),
      })),
      maxDays: EXPORT_MAX_DAYS,
      defaultDays: EXPORT_DEFAULT_DAYS,
      recipients: await recipients.offered(q.fileId),
    };
  }

  /**
   * Asks for a copy (A12(1)): checked against the grant now (an approval could not widen it), then
   * routed to the level the file's rules require — the 保護管理者 when they require none but the
   * person asks anyway.
   */
  async function submit(ctx: Ctx, raw: unknown): Promise<ExportRequestedView> {
    personOf(ctx);
    const spec = exportSpec.parse(raw);
    const facts = await h.rules.factsOr404(spec.fileId);
    await h.vault.exportRecords.check(ctx, spec.fileId, spec.purpose, spec);
    const provision = await recipients.provisionOf(ctx, spec);
    const requirement = await h.rules.requirement(spec.fileId, 'export');
    const payload: ExportPayload = {
      purpose: spec.purpose,
      fields: [...new Set(spec.fields)],
      format: spec.format,
      days: spec.days,
      ...recipientOf(provision),
    };
    const req = await approvals.submit(ctx, {
      kind: 'export',
      unitId: facts.unitId,
      sectionId: facts.sectionId,
      fileId: spec.fileId,
      recordIds: spec.recordIds,
      reason: spec.reason,
      payload: { ...payload },
      level: requirement === 'none' ? 'protection_manager' : requirement,
    });
    return { requestId: req.id, number: req.number, level: req.level, status: req.status };
  }

  /** The request that allows this act: the caller's approved one, or — where none is needed — a recorded one. */
  async function allowing(ctx: Ctx, raw: unknown): Promise<RequestRow> {
    const input = exportMakeInput.parse(raw);
    if ('requestId' in input) return approvals.requireApproved(ctx, input.requestId, { kind: 'export' });
    const facts = await h.rules.factsOr404(input.fileId);
    if ((await h.rules.requirement(input.fileId, 'export')) !== 'none') {
      await ledger.audit(db, ctx, {
        type: 'authz.denied',
        subjectType: 'RegisterFile',
        subjectId: input.fileId,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        outcome: 'denied',
        data: { action: 'export', code: 'approval.required' },
      });
      throw new AppError('approval.required');
    }
    // Checked before a number is drawn, so that a refusal leaves no request behind.
    await h.vault.exportRecords.check(ctx, input.fileId, input.purpose, input);
    const provision = await recipients.provisionOf(ctx, input);
    // Approved at once with an hour to be used: the copy is marked with its number, then completes it.
    return h.database.transaction((tx) =>
      h.approvals.record(
        tx,
        ctx,
        {
          kind: 'export',
          unitId: facts.unitId,
          sectionId: facts.sectionId,
          fileId: input.fileId,
          recordIds: input.recordIds,
          reason: input.reason,
          payload: {
            purpose: input.purpose,
            fields: [...new Set(input.fields)],
            format: input.format,
            days: input.days ?? EXPORT_DEFAULT_DAYS,
            ...recipientOf(provision),
          },
        },
        { status: 'approved', useMinutes: 60 },
      ),
    );
  }

  async function exportsDir(): Promise<string> {
    await fs.mkdir(h.exportsDir, { recursive: true, mode: 0o700 });
    await fs.chmod(h.exportsDir, 0o700);
    return h.exportsDir;
  }

  /**
   * Makes the copy (A12(1), A24の2). Reads through the gate with `export` (refused without it, approval
   * or not), logs the access before anything is written, writes the archive (mode 0600, a random
   * name), then in one transaction its row, the request's completion and the audit event. The
   * password is in the answer only.
   */
  async function make(ctx: Ctx, raw: unknown): Promise<ExportMadeView> {
    const personId = personOf(ctx);
    const req = await allowing(ctx, raw);
    const spec = payloadOf(req);
    const fileId = req.file_id!;
    const facts = await h.rules.factsOr404(fileId);
    // Again at the act (A18): the provision may have closed since the request was approved.
    const provision = await recipients.provisionOf(ctx, {
      fileId,
      partyId: spec.partyId,
      fields: spec.fields,
    });
    const exportId = newTimeOrderedId();
    const read = await h.vault.exportRecords.read(
      ctx,
      fileId,
      spec.purpose,
      { recordIds: recordIdsOf(req), fields: spec.fields },
      {
        type: 'vault.records_exported',
        data: { exportId, requestId: req.id, number: req.number, format: spec.format },
      },
    );
    if (read.recordIds.length === 0) throw new AppError('handling.export_empty');
    const created = clock.now();
    const expires = new Date(created.getTime() + spec.days * DAY);
    const holder = (await h.person(personId))?.name ?? '';
    const password = newPassword();
    const { bytes } = await buildArchive(
      {
        marking: {
          number: req.number,
          requester: holder,
          fileName: facts.name,
          purpose: read.access.purpose.label,
          createdAt: created.toISOString(),
          expiresAt: expires.toISOString(),
          recipient: provision?.partyName ?? null,
        },
        header: read.columns.map((f) => f.label),
        rows: read.rows,
      },
      spec.format,
      password,
    );
    const storedName = `${randomBytes(16).toString('hex')}.zip`;
    const file = path.join(await exportsDir(), storedName);
    await fs.writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
    const row: ExportRow = {
      id: exportId,
      request_id: req.id,
      file_id: fileId,
      person_id: personId,
      format: spec.format,
      stored_name: storedName,
      records: read.recordIds.length,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      created_at: created.toISOString(),
      expires_at: expires.toISOString(),
      deleted_at: null,
      deleted_why: null,
      downloaded_at: null,
      local_deleted_at: null,
    };
    const counts = { records: row.records, fields: read.columns.length };
    try {
      await database.transaction(async (tx) => {
        await exportsRepo.insert(tx, row);
        await approvals.complete(tx, ctx, req, { exportId, ...counts });
        // The act of provision, under its provision, in the same transaction (A18).
        if (provision)
          await h.recordProvision(tx, ctx, provision.id, {
            fileId,
            providedOn: clock.today(),
            records: row.records,
            means: 'media',
            note: req.number,
          });
        await ledger.audit(tx, ctx, {
          type: 'handling.export_made',
          subjectType: 'HandlingExport',
          subjectId: exportId,
          unitId: facts.unitId,
          sectionId: facts.sectionId,
          data: {
            requestId: req.id,
            number: req.number,
            fileId,
            format: spec.format,
            purposeCode: spec.purpose,
            fieldKeys: read.columns.map((f) => f.key),
            ...counts,
            size: row.size,
            expiresAt: row.expires_at,
            partyId: provision?.partyId ?? null,
            provisionId: provision?.id ?? null,
          },
        });
      });
    } catch (e) {
      // Nothing half-written: without its row, the archive must not stay on disk.
      await fs.rm(file, { force: true });
      throw e;
    }
    const names = { holder, file: facts.name, recipient: provision?.partyName ?? null };
    return { export: present(row, req, names, now(), personId), password };
  }

  /** The view of a row, with the names it needs. */
  async function viewOf(row: ExportRow, me: string | null): Promise<ExportView> {
    const req = (await approvals.row(row.request_id))!;
    const facts = await h.fileFacts(row.file_id);
    const holder = (await h.person(row.person_id))?.name ?? '';
    const recipient = await recipients.nameOf(payloadOf(req).partyId);
    return present(row, req, { holder, file: facts?.name ?? '', recipient }, now(), me);
  }

  const subjectOf = async (row: ExportRow) => {
    const facts = await h.fileFacts(row.file_id);
    return { unitId: facts?.unitId ?? null, sectionId: facts?.sectionId ?? null };
  };

  /** A copy the caller holds; anyone else gets 404 (copies of others tell nothing). */
  async function held(ctx: Ctx, id: string): Promise<ExportRow> {
    const row = await exportsRepo.get(db, id);
    if (!row || row.person_id !== personOf(ctx)) throw new AppError('handling.export_not_found');
    return row;
  }

  /** One copy: its holder, or a manager over its file (A24の2). */
  async function get(ctx: Ctx, id: string): Promise<ExportView> {
    const me = personOf(ctx);
    const row = await exportsRepo.get(db, id);
    if (!row) throw new AppError('handling.export_not_found');
    if (row.person_id !== me && !authz.can(ctx, 'read', 'HandlingExport', await subjectOf(row)))
      throw new AppError('handling.export_not_found');
    return viewOf(row, me);
  }

  /** The caller's copies, and the outstanding copies of the files they manage (A24の2). */
  async function list(ctx: Ctx): Promise<ExportListView> {
    const me = personOf(ctx);
    const mine = await Promise.all((await exportsRepo.ofPerson(db, me)).map((r) => viewOf(r, me)));
    if (!authz.can(ctx, 'read', 'HandlingExport')) return { mine, outstanding: null };
    const outstanding: ExportView[] = [];
    for (const row of await exportsRepo.outstanding(db))
      if (authz.can(ctx, 'read', 'HandlingExport', await subjectOf(row)))
        outstanding.push(await viewOf(row, me));
    return { mine, outstanding };
  }

  /** The archive, to its holder only, until it expires (410 after); every download is audited. */
  async function download(ctx: Ctx, id: string): Promise<{ body: Buffer; filename: string }> {
    const row = await held(ctx, id);
    if (row.deleted_at || !row.stored_name || row.expires_at <= now())
      throw new AppError('handling.export_expired');
    let body: Buffer;
    try {
      body = await fs.readFile(path.join(h.exportsDir, row.stored_name));
    } catch {
      throw new AppError('handling.export_expired');
    }
    const view = await viewOf(row, row.person_id);
    const at = now();
    // Read before the transaction: on SQLite a read outside it would wait for it to end.
    const subject = await subjectOf(row);
    await database.transaction(async (tx) => {
      if (!row.downloaded_at) await exportsRepo.update(tx, id, { downloaded_at: at });
      await ledger.audit(tx, ctx, {
        type: 'handling.export_downloaded',
        subjectType: 'HandlingExport',
        subjectId: id,
        ...subject,
        data: { requestId: row.request_id, number: view.number, fileId: row.file_id, size: body.length },
      });
    });
    return { body, filename: view.archiveName };
  }

  /** Removes the archive from disk and records why ('expired', 'holder'); false if already gone. */
  async function remove(ctx: Ctx, row: ExportRow, why: string): Promise<boolean> {
    const at = now();
    const subject = await subjectOf(row);
    const done = await database.transaction(async (tx) => {
      if (!(await exportsRepo.markDeleted(tx, row.id, at, why))) return false;
      await ledger.audit(tx, ctx, {
        type: why === 'expired' ? 'handling.export_expired' : 'handling.export_deleted',
        subjectType: 'HandlingExport',
        subjectId: row.id,
        ...subject,
        data: { requestId: row.request_id, fileId: row.file_id, why },
      });
      if (why === 'expired')
        await h.notifications.notify(tx, [row.person_id], 'export.expired', {
          requestId: row.request_id,
          data: { exportId: row.id },
        });
      return true;
    });
    if (row.stored_name) await fs.rm(path.join(h.exportsDir, row.stored_name), { force: true });
    return done;
  }

  /** The holder deletes the copy on the server before it expires. */
  async function deleteEarly(ctx: Ctx, id: string): Promise<ExportView> {
    const row = await held(ctx, id);
    if (row.deleted_at) throw new AppError('handling.export_already_deleted');
    await remove(ctx, row, 'holder');
    return viewOf((await exportsRepo.get(db, id))!, row.person_id);
  }

  /**
   * The holder confirms that every copy made from the download is deleted (A24の2); the copy on the
   * server goes too, its use being over. A copy never downloaded needs no confirmation.
   */
  async function confirmDeleted(ctx: Ctx, id: string): Promise<ExportView> {
    const row = await held(ctx, id);
    if (!row.downloaded_at) throw new AppError('handling.export_not_downloaded');
    if (!row.local_deleted_at) {
      if (!row.deleted_at) await remove(ctx, row, 'holder');
      const subject = await subjectOf(row);
      await database.transaction(async (tx) => {
        await exportsRepo.update(tx, id, { local_deleted_at: now() });
        await ledger.audit(tx, ctx, {
          type: 'handling.export_local_deleted',
          subjectType: 'HandlingExport',
          subjectId: id,
          ...subject,
          data: { requestId: row.request_id, fileId: row.file_id },
        });
      });
    }
    return viewOf((await exportsRepo.get(db, id))!, row.person_id);
  }

  return { options, submit, make, get, list, download, deleteEarly, confirmDeleted, remove, subjectOf };
}

export type ExportsCore = ReturnType<typeof createExportsService>;
