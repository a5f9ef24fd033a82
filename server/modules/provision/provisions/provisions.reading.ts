import {
  provisionListQuery,
  recipientsQuery,
  type ProvisionSummary,
} from '../../../../shared/api/provision-provisions.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { personOf, subjectOf, type ProvisionsCore } from './provisions.core.ts';
import { provisionsRepo, type ProvisionRow } from './provisions.repo.ts';

/**
 * Reading provisions: the caller's list (A4, A5, A6, A8), the register's 経常的提供先, the export's
 * check (A18) and the views' summaries per file and per party.
 */
export function createProvisionsReading(h: ProvisionDeps, parties: PartiesModule, core: ProvisionsCore) {
  const { database, authz, clock } = h;

  /** Summaries of rows, with their files and recipients. */
  async function summaries(rows: ProvisionRow[], db: Executor = database.db) {
    const files = await provisionsRepo.filesOf(
      db,
      rows.map((r) => r.id),
    );
    const seen = new Map<string, Awaited<ReturnType<PartiesModule['facts']>>>();
    const out: (ProvisionSummary & { files: { fileId: string; items: string[] }[] })[] = [];
    for (const r of rows) {
      if (!seen.has(r.party_id)) seen.set(r.party_id, await parties.facts(r.party_id));
      const fs = files.get(r.id) ?? [];
      out.push({
        ...core.summary(r, fs, seen.get(r.party_id) ?? null),
        files: fs.map((f) => ({ fileId: f.file_id, items: JSON.parse(f.items) as string[] })),
      });
    }
    return out;
  }

  /** The provisions the caller reads (A5, A6, A4, A8), filtered. */
  async function list(ctx: Ctx, raw: unknown): Promise<{ provisions: ProvisionSummary[] }> {
    personOf(ctx);
    const q = provisionListQuery.parse(raw ?? {});
    const rows = (await provisionsRepo.list(database.db, q)).filter((r) =>
      authz.can(ctx, 'read', 'Provision', subjectOf(r)),
    );
    return { provisions: (await summaries(rows)).map(({ files: _files, ...s }) => s) };
  }

  const inPeriod = (r: ProvisionRow, on: string) =>
    r.starts_on <= on && (r.ends_on === null || r.ends_on >= on);

  /**
   * The register's 経常的提供先 offered from these provisions: the recipients of the file's active
   * regular provisions not yet ended (names of organisations only).
   */
  async function recipients(ctx: Ctx, raw: unknown): Promise<{ recipients: string[] }> {
    personOf(ctx);
    const q = recipientsQuery.parse(raw);
    const today = clock.today();
    const rows = (await provisionsRepo.list(database.db, { status: 'active', fileId: q.fileId })).filter(
      (r) => r.frequency === 'regular' && (r.ends_on === null || r.ends_on >= today),
    );
    const names = (await summaries(rows)).map((s) => s.partyName);
    return { recipients: [...new Set(names)].sort((a, b) => a.localeCompare(b, 'ja')) };
  }

  /**
   * The approved (active) provision of a file to a party on a day, or null: the only way the file's
   * data leaves through the vault's export for that recipient (A18). Its items bound what may go.
   */
  async function activeFor(
    fileId: string,
    partyId: string,
    on: string = clock.today(),
    db: Executor = database.db,
  ) {
    const rows = (await provisionsRepo.list(db, { status: 'active', fileId, partyId })).filter((r) =>
      inPeriod(r, on),
    );
    const [s] = await summaries(rows.slice(0, 1), db);
    if (!s) return null;
    return { ...s, items: s.files.find((f) => f.fileId === fileId)?.items ?? [] };
  }

  /** For the views (no authorisation here: the views check who reads what): a file's provisions. */
  async function byFile(fileId: string) {
    return summaries(await provisionsRepo.list(database.db, { fileId }));
  }
  /** For the views: what a party receives. */
  async function byParty(partyId: string) {
    return summaries(await provisionsRepo.list(database.db, { partyId }));
  }

  return { list, recipients, activeFor, byFile, byParty };
}

export type ProvisionsReading = ReturnType<typeof createProvisionsReading>;
