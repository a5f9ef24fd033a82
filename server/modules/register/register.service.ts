import {
  createFileInput,
  entryFields,
  fileQuery,
  reasonInput,
  type EntryFields,
  type FileView,
  type InboxView,
  type VersionView,
} from '../../../shared/api/register.ts';
import type { Importance, Sensitivity } from '../../../shared/register-fields.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { RegisterDeps } from './register.deps.ts';
import { registerRepo, type FileRow, type VersionRow } from './register.repo.ts';
import { checkFields, diffFields } from './register.rules.ts';
import { newFileRow, newVersionRow } from './register.rows.ts';
import { presentVersion } from './register.presenters.ts';

type Action = FileView['actions'][number];

export interface VaultFacts {
  fileId: string;
  unitId: string;
  sectionId: string;
  name: string;
  purpose: string;
  recordItems: string[];
  computer: boolean;
  sensitive: boolean;
  myNumber: boolean;
  important: boolean;
  mayHoldRecords: boolean;
  /** How sensitive and important (issue 7: which acts need approval, A12 「その内容に応じて」). */
  sensitivity: Sensitivity;
  importance: Importance;
  /** 法人文書 retention (years) and its basis: disposal within it needs an exception (A15). */
  retentionYears: number | null;
  retentionBasis: string;
}

/**
 * The register of personal information files (A20, 別紙様式1): a section drafts the entry of a file it
 * comes to hold, its unit's 総括保護管理者 submits it, the 総括管理者 accepts it into the one
 * consolidated register, which is published unless the file is exempt. Amendments go the same way
 * (A20-3); a file no longer held is struck at once and kept in history (A20-4); a My Number file
 * holds records only once the 総括管理者 has approved it (A20-5). Every transition is an audit event
 * in the same transaction.
 */
export function createRegisterService(deps: RegisterDeps) {
  const { database, ledger, authz, clock } = deps;
  const now = () => clock.now().toISOString();

  const subjectOf = (f: Pick<FileRow, 'id' | 'unit_id' | 'section_id'>) => ({
    id: f.id,
    unitId: f.unit_id,
    sectionId: f.section_id,
  });

  async function fileOr404(db: Executor, id: string): Promise<FileRow> {
    const file = await registerRepo.file(db, id);
    if (!file) throw new AppError('register.file_not_found');
    return file;
  }

  /**
   * Reads the file for an action the actor must be allowed. Someone who may never do it on any file
   * is refused before the lookup; a file the actor may not even read answers 404, like a missing one,
   * so its existence does not leak; one they may read but not act on is refused (denials audited).
   */
  async function authorised(ctx: Ctx, action: string, id: string): Promise<FileRow> {
    if (!authz.can(ctx, action, 'RegisterFile')) await authz.assertCan(ctx, action, 'RegisterFile');
    const file = await fileOr404(database.db, id);
    if (!authz.can(ctx, 'read', 'RegisterFile', subjectOf(file)))
      throw new AppError('register.file_not_found');
    await authz.assertCan(ctx, action, 'RegisterFile', subjectOf(file));
    return file;
  }

  function audit(
    tx: Executor,
    ctx: Ctx,
    file: Pick<FileRow, 'id' | 'unit_id' | 'section_id'>,
    type: string,
    data: { before?: unknown; after?: unknown; data?: Record<string, unknown> } = {},
  ) {
    return ledger.audit(tx, ctx, {
      type,
      subjectType: 'register_file',
      subjectId: file.id,
      unitId: file.unit_id,
      sectionId: file.section_id,
      before: data.before,
      after: data.after,
      data: data.data,
    });
  }

  async function sectionFor(unitId: string, sectionId: string) {
    const section = await deps.section(sectionId);
    if (!section || section.unitId !== unitId) throw new AppError('register.section_not_in_unit');
    // A6: files are held by the sections registered as handling personal information.
    if (!section.handlesPersonalInfo) throw new AppError('register.section_not_handling');
    return section;
  }

  const openVersion = async (db: Executor, file: FileRow): Promise<VersionRow> => {
    const v = file.open_version_id ? await registerRepo.version(db, file.open_version_id) : undefined;
    if (!v) throw new AppError('register.no_open_version');
    return v;
  };

  const notDiscontinued = (file: FileRow) => {
    if (file.state === 'discontinued') throw new AppError('register.discontinued');
  };

  /** A20-1: a section drafts the entry of a file it comes to hold. */
  async function create(ctx: Ctx, raw: unknown): Promise<FileView> {
    const input = createFileInput.parse(raw);
    const subject = { unitId: input.unitId, sectionId: input.sectionId };
    await authz.assertCan(ctx, 'draft', 'RegisterFile', subject);
    await sectionFor(input.unitId, input.sectionId);
    const fields = checkFields(input.fields);
    const at = now();
    const by = actorPersonId(ctx);
    const file = newFileRow({
      id: newId(),
      unitId: input.unitId,
      sectionId: input.sectionId,
      versionId: newId(),
      myNumber: fields.myNumber,
      at,
      by,
    });
    await database.transaction(async (tx) => {
      await registerRepo.insertFile(tx, file);
      await registerRepo.insertVersion(tx, newVersionRow(file.id, file.open_version_id!, 1, at, by), fields);
      await audit(tx, ctx, file, 'register.file_drafted', { after: fields });
    });
    return detail(ctx, file.id);
  }

  /** Edits the version being drafted (or returned): it goes back to draft. */
  async function edit(ctx: Ctx, id: string, raw: unknown): Promise<FileView> {
    const file = await authorised(ctx, 'draft', id);
    notDiscontinued(file);
    const fields = checkFields(entryFields.parse(raw));
    await database.transaction(async (tx) => {
      const v = await openVersion(tx, file);
      if (v.status === 'submitted') throw new AppError('register.wrong_state');
      const before = JSON.parse(v.fields) as EntryFields;
      await registerRepo.updateVersion(tx, v.id, {
        fieldValues: fields,
        status: 'draft',
        return_reason: null,
      });
      await registerRepo.updateFile(tx, file.id, { my_number: fields.myNumber ? 1 : 0 });
      await audit(tx, ctx, file, 'register.draft_edited', {
        data: { version: v.number, changes: diffFields(before, fields) },
      });
    });
    return detail(ctx, id);
  }

  /** A20-3: a change to a registered file starts as a new draft of its entry. */
  async function amend(ctx: Ctx, id: string, raw?: unknown): Promise<FileView> {
    const file = await authorised(ctx, 'draft', id);
    notDiscontinued(file);
    if (file.open_version_id) throw new AppError('register.version_open');
    if (!file.current_version_id) throw new AppError('register.not_registered');
    await database.transaction(async (tx) => {
      const current = (await registerRepo.version(tx, file.current_version_id!))!;
      const base = JSON.parse(current.fields) as EntryFields;
      const fields = raw === undefined ? base : checkFields(entryFields.parse(raw));
      const versions = await registerRepo.versions(tx, file.id);
      const versionId = newId();
      const at = now();
      await registerRepo.insertVersion(
        tx,
        newVersionRow(file.id, versionId, versions.length + 1, at, actorPersonId(ctx)),
        fields,
      );
      await registerRepo.updateFile(tx, file.id, { open_version_id: versionId });
      await audit(tx, ctx, file, 'register.amendment_started', {
        data: { version: versions.length + 1, changes: diffFields(base, fields) },
      });
    });
    return detail(ctx, id);
  }

  /** A20-1: the unit's 総括保護管理者 submits the draft to the 総括管理者. */
  async function submit(ctx: Ctx, id: string): Promise<FileView> {
    const file = await authorised(ctx, 'submit', id);
    notDiscontinued(file);
    await database.transaction(async (tx) => {
      const v = await openVersion(tx, file);
      if (v.status !== 'draft' && v.status !== 'returned') throw new AppError('register.wrong_state');
      checkFields(JSON.parse(v.fields) as EntryFields);
      await registerRepo.updateVersion(tx, v.id, {
        status: 'submitted',
        submitted_at: now(),
        submitted_by: actorPersonId(ctx),
      });
      await audit(tx, ctx, file, 'register.submitted', { data: { version: v.number } });
    });
    return detail(ctx, id);
  }

  /**
   * A20-2: the 総括管理者 accepts the submitted version into the consolidated register. The previous
   * accepted version is superseded (A20-3): the public sees the new one from now on, unless exempt.
   */
  async function accept(ctx: Ctx, id: string): Promise<FileView> {
    const file = await authorised(ctx, 'decide', id);
    notDiscontinued(file);
    await database.transaction(async (tx) => {
      const v = await openVersion(tx, file);
      if (v.status !== 'submitted') throw new AppError('register.wrong_state');
      const at = now();
      if (file.current_version_id)
        await registerRepo.updateVersion(tx, file.current_version_id, { status: 'superseded' });
      await registerRepo.updateVersion(tx, v.id, {
        status: 'accepted',
        decided_at: at,
        decided_by: actorPersonId(ctx),
      });
      await registerRepo.updateFile(tx, file.id, {
        state: 'registered',
        current_version_id: v.id,
        open_version_id: null,
      });
      await registerRepo.touchPublic(tx, newId(), at);
      const fields = JSON.parse(v.fields) as EntryFields;
      await audit(tx, ctx, file, 'register.accepted', {
        after: { version: v.number, published: fields.exemption === 'none', exemption: fields.exemption },
      });
    });
    return detail(ctx, id);
  }

  /** A20-2: the 総括管理者 returns a submission with reasons; the section corrects and resubmits. */
  async function returnForCorrection(ctx: Ctx, id: string, raw: unknown): Promise<FileView> {
    const { reason } = reasonInput.parse(raw);
    const file = await authorised(ctx, 'decide', id);
    notDiscontinued(file);
    await database.transaction(async (tx) => {
      const v = await openVersion(tx, file);
      if (v.status !== 'submitted') throw new AppError('register.wrong_state');
      await registerRepo.updateVersion(tx, v.id, {
        status: 'returned',
        decided_at: now(),
        decided_by: actorPersonId(ctx),
        return_reason: reason,
      });
      await audit(tx, ctx, file, 'register.returned', { data: { version: v.number, reason } });
    });
    return detail(ctx, id);
  }

  /**
   * A20-4: a file no longer held is struck from the register at once (the public no longer sees it)
   * and kept, with every version, in history. An unfinished draft is discarded with it.
   */
  async function discontinue(ctx: Ctx, id: string, raw: unknown): Promise<FileView> {
    const { reason } = reasonInput.parse(raw);
    const file = await authorised(ctx, 'discontinue', id);
    notDiscontinued(file);
    await database.transaction(async (tx) => {
      await registerRepo.touchPublic(tx, newId(), now());
      await registerRepo.updateFile(tx, file.id, {
        state: 'discontinued',
        discontinued_at: now(),
        discontinued_by: actorPersonId(ctx),
        discontinued_reason: reason,
        open_version_id: null,
      });
      await audit(tx, ctx, file, 'register.discontinued', { data: { reason } });
    });
    return detail(ctx, id);
  }

  /** A20-5: the 総括管理者 approves holding a My Number file (特定個人情報ファイル). */
  async function approveMyNumber(ctx: Ctx, id: string): Promise<FileView> {
    const file = await authorised(ctx, 'approve_my_number', id);
    notDiscontinued(file);
    if (file.my_number !== 1) throw new AppError('register.not_my_number_file');
    if (file.my_number_approved_at) throw new AppError('register.already_approved');
    await database.transaction(async (tx) => {
      await registerRepo.updateFile(tx, file.id, {
        my_number_approved_at: now(),
        my_number_approved_by: actorPersonId(ctx),
      });
      await audit(tx, ctx, file, 'register.my_number_approved');
    });
    return detail(ctx, id);
  }

  /** What the actor may do with the file now (the screens show only these). */
  function actionsOn(ctx: Ctx, file: FileRow, open: VersionRow | null): Action[] {
    const can = (a: string) => authz.can(ctx, a, 'RegisterFile', subjectOf(file));
    if (file.state === 'discontinued') return [];
    const out: Action[] = [];
    if (open && open.status !== 'submitted' && can('draft')) out.push('edit');
    if (open && open.status !== 'submitted' && can('submit')) out.push('submit');
    if (open?.status === 'submitted' && can('decide')) out.push('accept', 'return');
    if (!open && file.current_version_id && can('draft')) out.push('amend');
    if (can('discontinue')) out.push('discontinue');
    if (file.my_number === 1 && !file.my_number_approved_at && can('approve_my_number'))
      out.push('approve_my_number');
    return out;
  }

  const mayHold = (file: FileRow) =>
    file.state === 'registered' && (file.my_number !== 1 || file.my_number_approved_at !== null);

  type Names = Awaited<ReturnType<RegisterDeps['names']>>;

  function present(ctx: Ctx, file: FileRow, versions: Map<string, VersionRow>, names: Names): FileView {
    const { units, sections } = names;
    const current = file.current_version_id ? (versions.get(file.current_version_id) ?? null) : null;
    const open = file.open_version_id ? (versions.get(file.open_version_id) ?? null) : null;
    return {
      id: file.id,
      unitId: file.unit_id,
      unitName: units.get(file.unit_id) ?? '',
      sectionId: file.section_id,
      sectionName: sections.get(file.section_id) ?? '',
      state: file.state as FileView['state'],
      current: current ? presentVersion(current) : null,
      open: open ? presentVersion(open) : null,
      published: file.state === 'registered' && current?.exemption === 'none',
      myNumber: file.my_number === 1,
      myNumberApprovedAt: file.my_number_approved_at,
      mayHoldRecords: mayHold(file),
      discontinuedAt: file.discontinued_at,
      discontinuedReason: file.discontinued_reason,
      actions: actionsOn(ctx, file, open),
    };
  }

  async function detail(ctx: Ctx, id: string): Promise<FileView> {
    const file = await authorised(ctx, 'read', id);
    const versions = await registerRepo.versions(database.db, file.id);
    return present(ctx, file, new Map(versions.map((v) => [v.id, v])), await deps.names());
  }

  /** Files the actor may read, optionally of one unit, section or state. */
  async function list(ctx: Ctx, raw: unknown = {}) {
    const q = fileQuery.parse(raw);
    if (!authz.can(ctx, 'read', 'RegisterFile')) await authz.assertCan(ctx, 'read', 'RegisterFile');
    const rows = await registerRepo.files(database.db, {
      unitIds: q.unitId ? [q.unitId] : undefined,
      sectionIds: q.sectionId ? [q.sectionId] : undefined,
      state: q.state,
    });
    const visible = rows.filter((f) => authz.can(ctx, 'read', 'RegisterFile', subjectOf(f)));
    const ids = visible.flatMap((f) =>
      [f.current_version_id, f.open_version_id].filter((x): x is string => !!x),
    );
    const versions = new Map((await registerRepo.versionsById(database.db, ids)).map((v) => [v.id, v]));
    const names = await deps.names(); // once for the page, not once per file
    const files = visible.map((f) => present(ctx, f, versions, names));
    // The register's order: the headquarters and the colleges in their official order, then by section and name.
    const unitOrder = new Map([...names.units.keys()].map((id, i) => [id, i]));
    const listed = files.map(({ current, open, ...f }) => ({
      ...f,
      name: (open ?? current)?.fields.name ?? '',
      status: open?.status ?? current?.status ?? null,
    }));
    return {
      files: listed.sort(
        (a, b) =>
          (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) ||
          a.sectionName.localeCompare(b.sectionName, 'ja') ||
          a.name.localeCompare(b.name, 'ja'),
      ),
    };
  }

  async function history(ctx: Ctx, id: string): Promise<{ versions: VersionView[] }> {
    const file = await authorised(ctx, 'read', id);
    return { versions: (await registerRepo.versions(database.db, file.id)).map(presentVersion) };
  }

  /** Field by field, what changed between two versions of an entry (A20-3, for staff). */
  async function diff(ctx: Ctx, id: string, from: number, to: number) {
    const file = await authorised(ctx, 'read', id);
    const versions = await registerRepo.versions(database.db, file.id);
    const a = versions.find((v) => v.number === from);
    const b = versions.find((v) => v.number === to);
    if (!a || !b) throw new AppError('register.version_not_found');
    return {
      from,
      to,
      changes: diffFields(JSON.parse(a.fields) as EntryFields, JSON.parse(b.fields) as EntryFields),
    };
  }

  /** What awaits the signed-in person: drafts to submit, submissions to decide, returns to redo, approvals. */
  async function inbox(ctx: Ctx) {
    const rows = await registerRepo.files(database.db, {});
    const active = rows.filter((f) => f.state !== 'discontinued');
    // The open and the accepted versions of every active file, in one read (names are columns).
    const ids = active.flatMap((f) =>
      [f.open_version_id, f.current_version_id].filter((x): x is string => !!x),
    );
    const versions = new Map((await registerRepo.versionsById(database.db, ids)).map((v) => [v.id, v]));
    const { units, sections } = await deps.names();
    const items: InboxView['items'] = [];
    for (const f of active) {
      const can = (a: string) => authz.can(ctx, a, 'RegisterFile', subjectOf(f));
      const open = f.open_version_id ? versions.get(f.open_version_id) : undefined;
      const current = f.current_version_id ? versions.get(f.current_version_id) : undefined;
      const base = {
        fileId: f.id,
        unitName: units.get(f.unit_id) ?? '',
        sectionName: sections.get(f.section_id) ?? '',
      };
      if (open?.status === 'draft' && can('submit'))
        items.push({ ...base, name: open.name, task: 'submit', since: open.created_at });
      if (open?.status === 'submitted' && can('decide'))
        items.push({ ...base, name: open.name, task: 'decide', since: open.submitted_at ?? open.created_at });
      if (open?.status === 'returned' && can('draft'))
        items.push({ ...base, name: open.name, task: 'revise', since: open.decided_at ?? open.created_at });
      if (f.my_number === 1 && !f.my_number_approved_at && current && can('approve_my_number'))
        items.push({
          ...base,
          name: current.name,
          task: 'approve_my_number',
          since: current.decided_at ?? f.created_at,
        });
    }
    items.sort((a, b) => a.since.localeCompare(b.since));
    return { items };
  }

  /** A20-5 for the vault: records go only into a registered file, and a My Number file once approved. */
  async function mayHoldRecords(fileId: string): Promise<boolean> {
    const file = await registerRepo.file(database.db, fileId);
    return !!file && mayHold(file);
  }

  /**
   * What the vault needs of a file (issue 6): its owner, its registered purpose and 記録項目, whether it
   * is computer-processed, holds My Numbers, is of high importance (A26) and may hold records (A20-5).
   * Null for an unknown file.
   */
  async function vaultFacts(fileId: string): Promise<VaultFacts | null> {
    const file = await registerRepo.file(database.db, fileId);
    // A file never registered answers from its draft: the vault then refuses it as not registered.
    if (!file) return null;
    const versionId = file.current_version_id ?? file.open_version_id;
    if (!versionId) return null;
    const version = await registerRepo.version(database.db, versionId);
    if (!version) return null;
    const fields = entryFields.parse(JSON.parse(version.fields));
    return {
      fileId: file.id,
      unitId: file.unit_id,
      sectionId: file.section_id,
      name: fields.name,
      purpose: fields.purpose,
      recordItems: fields.recordItems,
      computer: fields.kind === 'computer',
      sensitive: fields.sensitive,
      myNumber: file.my_number === 1,
      important: fields.importance === 'high',
      mayHoldRecords: mayHold(file),
      sensitivity: fields.sensitivity,
      importance: fields.importance,
      retentionYears: fields.retentionYears,
      retentionBasis: fields.retentionBasis,
    };
  }

  return {
    vaultFacts,
    create,
    edit,
    amend,
    submit,
    accept,
    returnForCorrection,
    discontinue,
    approveMyNumber,
    detail,
    list,
    history,
    diff,
    inbox,
    mayHoldRecords,
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
