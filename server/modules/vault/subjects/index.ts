import type { SearchTerm } from '../../../../shared/api/requests-search.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { AccessGate } from '../access.ts';
import type { FileLoader, LoadedFile } from '../file-loader.ts';
import type { Group, Indexer } from '../record-crypto.ts';
import type { RecordReader } from '../record-reader.ts';
import type { VaultDeps } from '../vault.deps.ts';
import { vaultRepo, type RecordRow } from '../vault.repo.ts';
import {
  agreeing,
  enoughToBeACandidate,
  identifyingFields,
  identifyingValues,
  lookupOf,
  searchableOn,
  type IdentifyingFields,
  type SubjectTerms,
} from './identifying.ts';
import { createTerminalFit } from './terminal-fit.ts';
import type {
  FileSearchability,
  FindInput,
  FindResult,
  IdentifiedRecord,
  NotSearchedReason,
  ReadRecord,
  RecordRef,
  SubjectCandidate,
  SubjectPurpose,
} from './subjects.types.ts';

export type * from './subjects.types.ts';

/** Index hits decrypted per file at most (a two-character name prefix of a large file). */
const CANDIDATE_LIMIT = 2000;
/** Records held as the person's may be active or still awaiting a second person's check (A26). */
const HELD = ['active', 'pending'];

/**
 * The vault's entry points for individuals' requests (issue 12; 法76–107): finding a person's
 * records across every file through the blind indexes (name, birth date, student or staff number;
 * ADR 0007), reading the identifying fields of a candidate for a handler to confirm, and reading a
 * confirmed record whole for the disclosure — every access logged with the request as its purpose
 * BEFORE it is returned (A11-3, A22-1). The requests module decides who may (its handlers); the
 * vault decides nothing about grants here. My Number fields are never searched nor returned.
 */
export function createSubjectAccess(
  deps: VaultDeps,
  parts: { files: FileLoader; indexer: Indexer; reader: RecordReader; gate: AccessGate },
) {
  const { database, ledger } = deps;
  const { files, indexer, reader } = parts;
  const terminal = createTerminalFit(deps, parts.gate);

  const groupsOf = (ids: IdentifyingFields): Group[] => [
    ...new Set(Object.values(ids).map((f) => f.sensitivity)),
  ];

  /** One access event per file (A22-1): ids, field keys and term names only, never a value. */
  const logged = (
    ctx: Ctx,
    file: LoadedFile,
    type: string,
    p: SubjectPurpose,
    records: string[],
    fields: string[],
    data: Record<string, unknown> = {},
  ) =>
    ledger.access(ctx, {
      type,
      unitId: file.row.unit_id,
      sectionId: file.row.section_id,
      purpose: p.purpose,
      subjectType: 'vault_file',
      subjectId: file.row.file_id,
      records,
      fields,
      outcome: 'ok',
      myNumber: false,
      data: { requestId: p.requestId, ...data },
    });

  async function openFiles(fileIds?: string[]): Promise<LoadedFile[]> {
    const ids =
      fileIds && fileIds.length > 0
        ? [...new Set(fileIds)]
        : (await vaultRepo.files(database.db)).map((r) => r.file_id);
    const loaded = await Promise.all(ids.map((id) => files.find(id)));
    return loaded.filter((f): f is LoadedFile => f !== null);
  }

  const facts = (file: LoadedFile, on: SearchTerm[], terminalFits = true): FileSearchability => ({
    fileId: file.row.file_id,
    unitId: file.row.unit_id,
    sectionId: file.row.section_id,
    searchableOn: on,
    terminalFits,
  });

  /**
   * The files open in the vault (or those named), the terms each one's indexes answer and, given the
   * request (`ctx`), whether its terminal fits each file's requirement (A29).
   */
  async function searchability(fileIds?: string[], ctx?: Ctx): Promise<FileSearchability[]> {
    const loaded = await openFiles(fileIds);
    const fits = ctx ? await terminal.fitting(ctx, loaded) : new Map<string, boolean>();
    return loaded.map((f) =>
      facts(f, searchableOn(identifyingFields(f.fields)), fits.get(f.row.file_id) ?? true),
    );
  }

  /** Candidate rows of one file: the union of every usable term's index hits. */
  /** Lower is surer: numbers, then other exact values, then prefixes. */
  const sureness = (t: SearchTerm, mode: string | undefined) =>
    (mode === 'prefix' ? 2 : 0) + (t === 'studentNumber' || t === 'staffNumber' ? 0 : 1);

  async function hits(file: LoadedFile, ids: IdentifyingFields, terms: SubjectTerms) {
    const rows = new Map<string, RecordRow>();
    const used: SearchTerm[] = [];
    let truncated = false;
    // The surest terms first (a number, then an exact value, a name's prefix last): when a common
    // name fills the candidate limit, an exact hit is already in (bench/requests-search.ts found
    // a student number's record dropped behind 2,000 namesakes).
    const lookups = (Object.entries(ids) as [SearchTerm, IdentifyingFields[SearchTerm]][])
      .map(([t, def]) => {
        const term = terms[t];
        return { t, def, look: def && term ? lookupOf(def, term) : null };
      })
      .sort((a, b) => sureness(a.t, a.look?.mode) - sureness(b.t, b.look?.mode));
    for (const { t, def, look } of lookups) {
      if (!def || !look) continue;
      used.push(t);
      const found = await vaultRepo.byIndex(
        database.db,
        file.row.file_id,
        {},
        indexer.lookup(file.row.file_id, file.row.index_bits, def, look.term, look.mode),
        CANDIDATE_LIMIT,
        HELD,
      );
      if (found.length >= CANDIDATE_LIMIT) truncated = true;
      for (const r of found) if (rows.size < CANDIDATE_LIMIT) rows.set(r.id, r);
    }
    return { rows: [...rows.values()], used, truncated };
  }

  /**
   * Looks for the person in every file open in the vault (or those named): each usable term through
   * the blind index (a name under a prefix index by its first two characters), every hit confirmed
   * on its decrypted identifying fields only. A file no term could be looked up in is reported as
   * unsearchable, never skipped in silence; so is a file whose terminal requirement the request's
   * terminal does not fit (A29, A11の2: reason 'terminal', to be searched from a fitting terminal —
   * the rest of the search goes on). Each file searched is one access event, written before the
   * candidates are returned (A22-1).
   */
  async function find(ctx: Ctx, input: FindInput): Promise<FindResult> {
    const terms: SubjectTerms = Object.fromEntries(
      Object.entries(input.terms).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
    );
    const out: FindResult = { candidates: [], searched: [], unsearchable: [], truncated: [] };
    const opened = await openFiles(input.fileIds);
    const fits = await terminal.fitting(ctx, opened);
    const notSearched = (file: LoadedFile, on: SearchTerm[], reason: NotSearchedReason) =>
      out.unsearchable.push({ ...facts(file, on, fits.get(file.row.file_id)), reason });
    for (const file of opened) {
      const ids = identifyingFields(file.fields);
      const on = searchableOn(ids);
      if (!fits.get(file.row.file_id)) {
        notSearched(file, on, 'terminal');
        continue;
      }
      const { rows, used, truncated } = await hits(file, ids, terms);
      if (used.length === 0) {
        notSearched(file, on, on.length === 0 ? 'no_index' : 'no_terms');
        continue;
      }
      const found: SubjectCandidate[] = [];
      const groups = groupsOf(ids);
      for (const row of rows) {
        const values = await reader.open(ctx, null, row, groups);
        if (!values) continue;
        const matchedOn = agreeing(ids, values, terms);
        if (!enoughToBeACandidate(matchedOn)) continue;
        found.push({
          fileId: file.row.file_id,
          recordId: row.id,
          matchedOn,
          identifying: identifyingValues(ids, values),
        });
      }
      await logged(
        ctx,
        file,
        'vault.subject_searched',
        input,
        found.map((c) => c.recordId),
        Object.values(ids).map((f) => f.key),
        { terms: used },
      );
      out.searched.push(facts(file, on));
      if (truncated) out.truncated.push(file.row.file_id);
      out.candidates.push(...found);
    }
    return out;
  }

  /** The records named, by file; a ref to a record of another file reads as not found. */
  async function byFile(refs: RecordRef[]) {
    const out = new Map<
      string,
      { file: LoadedFile | null; refs: { ref: RecordRef; row: RecordRow | null }[] }
    >();
    for (const ref of refs) {
      let entry = out.get(ref.fileId);
      if (!entry) out.set(ref.fileId, (entry = { file: await files.find(ref.fileId), refs: [] }));
      const row = entry.file ? await vaultRepo.record(database.db, ref.fileId, ref.recordId) : undefined;
      entry.refs.push({ ref, row: row && row.status !== 'rejected' ? row : null });
    }
    return out;
  }

  /**
   * The records named by file, refused whole (terminal.required, logged) before any is opened when
   * one of their files needs a terminal the request's does not fit (A29, A11の2).
   */
  async function onFittingTerminal(ctx: Ctx, refs: RecordRef[], action: string) {
    const named = await byFile(refs);
    const loaded = [...named.values()].flatMap((e) => (e.file ? [e.file] : []));
    await terminal.requireFitting(ctx, loaded, action);
    return named;
  }

  /**
   * The identifying fields of records a search found (for a handler to confirm), logged per file;
   * refused off a file's required terminal (A29).
   */
  async function identify(
    ctx: Ctx,
    input: SubjectPurpose & { refs: RecordRef[] },
  ): Promise<IdentifiedRecord[]> {
    const out: IdentifiedRecord[] = [];
    for (const { file, refs } of (await onFittingTerminal(ctx, input.refs, 'subject_identify')).values()) {
      const ids = file ? identifyingFields(file.fields) : {};
      const read: IdentifiedRecord[] = [];
      for (const { ref, row } of refs) {
        if (!file || !row) read.push({ ...ref, status: 'not_found', identifying: null });
        else if (row.status === 'erased' || row.key_wrapped === null)
          read.push({ ...ref, status: 'erased', identifying: null });
        else {
          const values = await reader.open(ctx, null, row, groupsOf(ids));
          read.push(
            values
              ? { ...ref, status: 'ok', identifying: identifyingValues(ids, values) }
              : { ...ref, status: 'damaged', identifying: null },
          );
        }
      }
      const opened = read.filter((r) => r.status === 'ok').map((r) => r.recordId);
      if (file && opened.length > 0)
        await logged(
          ctx,
          file,
          'vault.subject_identified',
          input,
          opened,
          Object.values(ids).map((f) => f.key),
        );
      out.push(...read);
    }
    return out;
  }

  /**
   * Every field of the records named except My Numbers (listed as withheld), with the file's field
   * definitions — for the disclosure document (法78) and the remedies (法90, 法98). Erased records are
   * reported as erased, never read. Logged per file as 'vault.subject_read' before it is returned;
   * refused off a file's required terminal (A29, A11の2).
   */
  async function read(ctx: Ctx, input: SubjectPurpose & { refs: RecordRef[] }): Promise<ReadRecord[]> {
    const out: ReadRecord[] = [];
    for (const { file, refs } of (await onFittingTerminal(ctx, input.refs, 'subject_read')).values()) {
      const shown = file ? file.fields.filter((f) => f.sensitivity !== 'my_number') : [];
      const withheld = file
        ? file.fields
            .filter((f) => f.sensitivity === 'my_number')
            .map((f) => ({ key: f.key, label: f.label, reason: 'my_number' as const }))
        : [];
      const groups = [...new Set(shown.map((f) => f.sensitivity))];
      const records: ReadRecord[] = [];
      for (const { ref, row } of refs) {
        const base = { ...ref, revision: null, createdAt: null, updatedAt: null, fields: [], withheld };
        if (!file || !row) records.push({ ...base, status: 'not_found' });
        else if (row.status === 'erased' || row.key_wrapped === null)
          records.push({ ...base, status: 'erased' });
        else {
          const values = await reader.open(ctx, null, row, groups);
          const meta = { revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at };
          records.push(
            values
              ? {
                  ...base,
                  ...meta,
                  status: 'ok',
                  fields: shown.map((f) => ({
                    key: f.key,
                    label: f.label,
                    type: f.type,
                    sensitivity: f.sensitivity,
                    value: values[f.key] ?? null,
                  })),
                }
              : { ...base, ...meta, status: 'damaged' },
          );
        }
      }
      const opened = records.filter((r) => r.status === 'ok').map((r) => r.recordId);
      if (file && opened.length > 0)
        await logged(
          ctx,
          file,
          'vault.subject_read',
          input,
          opened,
          shown.map((f) => f.key),
        );
      out.push(...records);
    }
    return out;
  }

  /**
   * The field definitions of the files named (labels and types for the decision screen, 法78):
   * nothing of a record is read, so nothing is logged. Issue 12, decision part.
   */
  async function fields(fileIds: string[]): Promise<{ fileId: string; fields: LoadedFile['fields'] }[]> {
    if (fileIds.length === 0) return [];
    return (await openFiles(fileIds)).map((f) => ({ fileId: f.row.file_id, fields: f.fields }));
  }

  return { find, identify, read, searchability, fields };
}

export type SubjectAccess = ReturnType<typeof createSubjectAccess>;
