import { purposeDef, type Purpose } from '../../../shared/api/vault.ts';
import { recordSchema, type FieldDefinition } from '../../../shared/vault/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultRepo, type FileRow } from './vault.repo.ts';
import { z } from 'zod';

/** A file of the vault as services use it: its row, current schema and purposes. */
export interface LoadedFile {
  row: FileRow;
  fields: FieldDefinition[];
  byKey: Map<string, FieldDefinition>;
  purposes: Purpose[];
  /** The register-file subject for authorisation. */
  subject: { id: string; unitId: string; sectionId: string };
}

const purposes = z.array(purposeDef);

/**
 * A file's settings as every request sees them: read again at most once a second (other servers'
 * changes apply within that), at once after this server changed them.
 */
const FILE_TTL_MS = 1000;

/** Loads files with their schema; schema versions never change once written, so they are cached. */
export function createFileLoader(deps: Pick<VaultDeps, 'database'>) {
  const schemas = new Map<string, FieldDefinition[]>();
  const recent = new Map<string, { file: LoadedFile; at: number }>();

  async function fieldsOf(db: Executor, fileId: string, version: number): Promise<FieldDefinition[]> {
    const id = `${fileId}:${version}`;
    const cached = schemas.get(id);
    if (cached) return cached;
    const row = await vaultRepo.schema(db, fileId, version);
    if (!row) throw new Error(`schema ${version} of a vault file is missing`);
    const fields = recordSchema.parse({ version, fields: JSON.parse(row.definition) as unknown }).fields;
    schemas.set(id, fields);
    return fields;
  }

  function loaded(row: FileRow, fields: FieldDefinition[]): LoadedFile {
    return {
      row,
      fields,
      byKey: new Map(fields.map((f) => [f.key, f])),
      purposes: purposes.parse(JSON.parse(row.purposes)),
      subject: { id: row.file_id, unitId: row.unit_id, sectionId: row.section_id },
    };
  }

  return {
    fieldsOf,
    /** The file, or null when it is not in the vault (what every record request starts with). */
    async find(fileId: string): Promise<LoadedFile | null> {
      const hit = recent.get(fileId);
      if (hit && Date.now() - hit.at < FILE_TTL_MS) return hit.file;
      const row = await vaultRepo.file(deps.database.db, fileId);
      if (!row) return null;
      const file = loaded(row, await fieldsOf(deps.database.db, fileId, row.schema_version));
      if (recent.size > 1000) recent.clear();
      recent.set(fileId, { file, at: Date.now() });
      return file;
    },
    /** Forgets a file this server has just changed. */
    forget: (fileId: string) => void recent.delete(fileId),
    /** The file, or vault.file_not_found. */
    async get(fileId: string, db: Executor = deps.database.db): Promise<LoadedFile> {
      const row = await vaultRepo.file(db, fileId);
      if (!row) throw new AppError('vault.file_not_found');
      return loaded(row, await fieldsOf(db, fileId, row.schema_version));
    },
  };
}

export type FileLoader = ReturnType<typeof createFileLoader>;
